import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";

const sixEqual = {
  total: 60_000_000_00,
  unit: 100,
  rounding: "largest-remainder",
  lines: ["SVR-NORRA", "SVR-UPPSALA-OREBRO", "SVR-STOCKHOLM-GOTLAND", "SVR-SYDOSTRA", "SVR-SODRA", "SVR-VASTRA"].map((code) => ({
    label: code,
    recipientCode: code,
    method: "equal",
  })),
};

interface Detail {
  id: number;
  status: string;
  version: number;
  previousId: number | null;
  title: string;
  revision: number;
  result: { total: number; shares: { amount: number; explanation: string }[] };
}

describe("allocation API", () => {
  let api: TestApi;
  let jamtland: TestClient;
  let jamtlandApprover: TestClient;
  let skane: TestClient;
  let reader: TestClient;
  let jamtlandId: number;

  beforeAll(async () => {
    api = await createTestApi();
    jamtland = await api.loginAs({ username: "editor23", roles: [{ organisationCode: "23", role: "editor" }] });
    jamtlandApprover = await api.loginAs({ username: "approver23", roles: [{ organisationCode: "23", role: "approver" }] });
    skane = await api.loginAs({ username: "editor12", roles: [{ organisationCode: "12", role: "editor" }] });
    reader = await api.loginAs({ username: "reader23", roles: [{ organisationCode: "23", role: "reader" }] });
    const org = await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow();
    jamtlandId = org.id;
  });
  afterAll(() => api.close());

  it("requires a login", async () => {
    const res = await api.anonymous.json<{ error: { message: string } }>("GET", "/api/allocations");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/inte inloggad/);
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const res = await api.anonymous.json<{ error: { message: string } }>("POST", "/api/auth/login", { username: "editor23", password: "fel" });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("Fel användarnamn eller lösenord.");
  });

  it("previews an equal split of 60 000 000 kr over the six cooperation regions", async () => {
    const res = await jamtland.json<{ total: number; shares: { amount: number }[] }>("POST", "/api/allocations/preview", sixEqual);
    expect(res.status).toBe(200);
    expect(res.body.shares.map((s) => s.amount)).toEqual(Array(6).fill(10_000_000_00));
    expect(res.body.total).toBe(60_000_000_00);
  });

  it("explains a population key with the figures it used", async () => {
    const res = await jamtland.json<{ total: number; shares: { amount: number; basis: string; weight: number }[] }>("POST", "/api/allocations/preview", {
      total: 1_052_472_00,
      unit: 100,
      rounding: "largest-remainder",
      key: { kind: "population", date: "2021-12-31", basis: "whole_regions" },
      lines: ["07", "10", "12", "13"].map((code) => ({ label: code, recipientCode: code, method: "population" })),
    });
    expect(res.status).toBe(200);
    expect(res.body.shares.map((s) => s.weight)).toEqual([203_340, 158_937, 1_402_425, 340_243]);
    expect(res.body.shares.reduce((a, s) => a + s.amount, 0)).toBe(1_052_472_00);
  });

  it("says in Swedish what is wrong with bad input", async () => {
    const missingDate = await jamtland.json<{ error: { message: string } }>("POST", "/api/allocations/preview", {
      ...sixEqual,
      key: { kind: "population", date: "2020-12-31" },
      lines: [{ label: "Region Jämtland Härjedalen", recipientCode: "23", method: "population" }],
    });
    expect(missingDate.status).toBe(400);
    expect(missingDate.body.error.message).toMatch(/Folkmängd saknas.*2020-12-31/);

    // Over all 290 municipalities on a day with 256: every missing one named, that day not offered as another.
    const municipalities = (await api.opened.db.selectFrom("organisations").select("code").where("kind", "=", "municipality").orderBy("code").execute()).map((r) => r.code);
    const gaps = await jamtland.json<{ error: { message: string } }>("POST", "/api/allocations/preview", {
      total: 290_000_00,
      unit: 100,
      rounding: "largest-remainder",
      key: { kind: "population", date: "2023-12-31" },
      lines: municipalities.map((code) => ({ label: code, recipientCode: code, method: "population" })),
    });
    expect(gaps.status).toBe(400);
    expect(gaps.body.error.message).toMatch(/^Folkmängd saknas per 2023-12-31 för 34 av 290 mottagare/);
    for (const name of ["Tierp (0360)", "Älvkarleby (0319)", "Partille (1402)", "Berg (2326)", "Åre (2321)"]) expect(gaps.body.error.message).toContain(name);
    expect(gaps.body.error.message.match(/\(\d{4}\)/g)).toHaveLength(34);
    expect(gaps.body.error.message.split("andra datum:")[1]).not.toContain("2023-12-31");

    const badShape = await jamtland.json<{ error: { message: string; details: { path: string }[] } }>("POST", "/api/allocations/preview", { ...sixEqual, total: 1.5 });
    expect(badShape.status).toBe(400);
    expect(badShape.body.error.details[0]!.path).toBe("total");
  });

  it("rejects a write without the CSRF token", async () => {
    const login = await api.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "editor23", password: "lösenord-123" }),
    });
    const cookie = login.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const res = await api.app.request("/api/allocations/preview", {
      method: "POST",
      headers: { cookie: cookie.split(";")[0]!, "content-type": "application/json" },
      body: JSON.stringify(sixEqual),
    });
    expect(res.status).toBe(403);
  });

  it("saves a draft, keeps it from other regions, decides it and versions it", async () => {
    const created = await jamtland.json<Detail>("POST", "/api/allocations", { title: "Strategiska medel", organisationId: jamtlandId, request: sixEqual });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.status).toBe("draft");

    // Another region's user neither lists nor opens the draft.
    const otherList = await skane.json<{ id: number }[]>("GET", "/api/allocations");
    expect(otherList.body.map((a) => a.id)).not.toContain(id);
    expect((await skane.request("GET", `/api/allocations/${id}`)).status).toBe(404);
    // A reader of the same region sees it but cannot change it.
    expect((await reader.request("GET", `/api/allocations/${id}`)).status).toBe(200);
    expect((await reader.request("PUT", `/api/allocations/${id}`, { title: "x", request: sixEqual, revision: created.body.revision })).status).toBe(403);

    const edited = await jamtland.json<Detail>("PUT", `/api/allocations/${id}`, { title: "Strategiska medel 2023", request: sixEqual, revision: created.body.revision });
    expect(edited.body.title).toBe("Strategiska medel 2023");
    expect(edited.body.revision).toBe(created.body.revision + 1);

    // Only an approver decides.
    expect((await jamtland.request("POST", `/api/allocations/${id}/decide`, { revision: edited.body.revision })).status).toBe(403);
    const decided = await jamtlandApprover.json<Detail>("POST", `/api/allocations/${id}/decide`, { revision: edited.body.revision });
    expect(decided.body.status).toBe("decided");

    // A decided allocation never changes…
    const change = await jamtland.json<{ error: { message: string } }>("PUT", `/api/allocations/${id}`, { title: "Ändrad", request: sixEqual, revision: decided.body.revision });
    expect(change.status).toBe(409);
    expect(change.body.error.message).toMatch(/ny version/);
    // …and is public once decided.
    expect((await skane.request("GET", `/api/allocations/${id}`)).status).toBe(200);

    const version = await jamtland.json<Detail>("POST", `/api/allocations/${id}/versions`, { revision: decided.body.revision });
    expect(version.status).toBe(201);
    expect(version.body).toMatchObject({ version: 2, previousId: id, status: "draft" });

    const audit = await api.opened.db.selectFrom("audit_log").selectAll().where("entity", "=", "allocation").where("entity_id", "=", String(id)).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "decide"]);
    expect(audit[1]!.before).toMatchObject({ title: "Strategiska medel" });
    expect(audit[1]!.after).toMatchObject({ title: "Strategiska medel 2023" });
    expect(audit[1]!.username).toBe("editor23");
  });

  it("refuses to save for an organisation the user has no role in", async () => {
    const res = await skane.request("POST", "/api/allocations", { title: "x", organisationId: jamtlandId, request: sixEqual });
    expect(res.status).toBe(403);
  });

  it("exports XLSX and CSV whose figures add up", async () => {
    const created = await jamtland.json<Detail>("POST", "/api/allocations", { title: "=HYPERLINK(\"x\")", organisationId: jamtlandId, request: sixEqual });
    const xlsx = await jamtland.request("GET", `/api/allocations/${created.body.id}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toMatch(/fordelning-\d+\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const amounts: number[] = [];
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") texts.push(cell.value);
        if (cell.formula) throw new Error("no formulas in exports");
      }),
    );
    sheet.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === "string" && label.startsWith("SVR-")) amounts.push(Number(row.getCell(4).value));
    });
    expect(amounts).toEqual(Array(6).fill(10_000_000));
    expect(texts.some((t) => t.startsWith("=HYPERLINK"))).toBe(false);

    const csv = await jamtland.request("GET", `/api/allocations/${created.body.id}/export.csv`);
    const text = await csv.text();
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(text).toMatch(/SVR-NORRA;/);
    expect(text).not.toMatch(/^=HYPERLINK/m);
  });

  it("shows the audit log to admins only", async () => {
    expect((await jamtland.request("GET", "/api/audit")).status).toBe(403);
    const admin = await api.loginAs({ username: "admin1", isAdmin: true });
    const res = await admin.json<{ entries: { action: string; entity: string }[] }>("GET", "/api/audit?limit=5");
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeGreaterThan(0);
  });

  it("serves an OpenAPI document generated from the route schemas", async () => {
    const res = await api.anonymous.json<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(["/api/allocations/preview", "/api/allocations/{id}/decide", "/api/auth/login"]));
    expect(res.body.components.schemas).toHaveProperty("AllocationRequest");
  });
});
