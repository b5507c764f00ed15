import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, testPassword, type TestApi, type TestClient } from "../../../test/helpers/api";
import { parseIcs, propertyValue } from "../../formats/ics/parse";

const kr = (n: number) => n * 100;
const nb = (s: string) => s.replace(/\u00a0/g, " ");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const part = (purpose: string, amount: number, group = "regions") => ({
  recipientGroup: group,
  purpose,
  amount: kr(amount),
  requisitionDeadline: "2023-12-01",
  reportDeadline: "2024-03-31",
  reportRecipientCode: "KAMMARKOLLEGIET",
  repaymentDeadline: "2024-03-31",
  repaymentRecipientCode: "KAMMARKOLLEGIET",
});

describe("grant API", () => {
  let api: TestApi;
  let editor: TestClient;
  let approver: TestClient;
  let other: TestClient;
  let orgId: number;
  let decision: Json;

  beforeAll(async () => {
    api = await createTestApi();
    editor = await api.loginAs({ username: "editor23", roles: [{ organisationCode: "23", role: "editor" }] });
    approver = await api.loginAs({ username: "approver23", roles: [{ organisationCode: "23", role: "approver" }] });
    other = await api.loginAs({ username: "editor12", roles: [{ organisationCode: "12", role: "editor" }] });
    orgId = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => api.close());

  it("registers an agreement and a draft decision whose parts do not add up yet, and says by how much", async () => {
    const agreement = await editor.json<Json>("POST", "/api/grants/agreements", { organisationId: orgId, name: "Testöverenskommelse 2023", year: 2023, parties: ["Staten", "SKR"], total: kr(1_000_000) });
    expect(agreement.status).toBe(201);
    const created = await editor.json<Json>("POST", "/api/grants/decisions", {
      agreementId: agreement.body.id,
      organisationId: orgId,
      title: "Utbetalning",
      diaryNumber: "S2023/99999",
      decisionDate: "2023-02-02",
      payerCode: "KAMMARKOLLEGIET",
      total: kr(1_000_000),
      parts: [part("Vårdförlopp", 900_000)],
    });
    expect(created.status).toBe(201);
    decision = created.body;
    expect(decision.status).toBe("draft");
    expect(decision.check).toMatchObject({ sum: kr(900_000), difference: -kr(100_000), balanced: false });
    const check = await editor.json<Json>("POST", "/api/grants/decisions/check", { total: kr(10), parts: [{ amount: kr(4) }, { amount: kr(6) }] });
    expect(check.body.balanced).toBe(true);
  });

  it("hides a draft from other organisations and refuses to decide an unbalanced decision", async () => {
    expect((await other.json("GET", `/api/grants/decisions/${decision.id}`)).status).toBe(404);
    expect((await other.json<Json[]>("GET", "/api/grants/decisions")).body.map((d) => d.id)).not.toContain(decision.id);
    expect((await editor.json("POST", `/api/grants/decisions/${decision.id}/decide`, { revision: decision.revision })).status).toBe(403);
    const refused = await approver.json<Json>("POST", `/api/grants/decisions/${decision.id}/decide`, { revision: decision.revision });
    expect(refused.status).toBe(409);
    expect(nb(refused.body.error.message)).toContain("100 000 kr mindre än beslutets totalbelopp");
  });

  it("balances the parts, keeping the first part's id, and distributes it from pasted annex lines beside an equal key", async () => {
    const firstId = decision.parts[0].id;
    const updated = await editor.json<Json>("PUT", `/api/grants/decisions/${decision.id}`, {
      revision: decision.revision,
      agreementId: decision.agreementId,
      title: "Utbetalning",
      diaryNumber: "S2023/99999",
      payerCode: "KAMMARKOLLEGIET",
      total: kr(1_000_000),
      parts: [{ id: firstId, ...part("Vårdförlopp", 900_000) }, part("Samverkan", 100_000, "cooperation_regions")],
    });
    expect(updated.status).toBe(200);
    decision = updated.body;
    expect(decision.parts[0].id).toBe(firstId);
    expect(decision.check.balanced).toBe(true);

    const bad = await editor.json<Json>("PUT", `/api/grants/parts/${firstId}/distribution/annex`, { revision: 0, text: "Region Jämtland Härjedalen\t500 000\nRegion Okänd\t400 000" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('rad 2, fält mottagare: "Region Okänd"');
    expect((await editor.json("GET", `/api/grants/parts/${firstId}/distribution`)).status).toBe(404);

    const saved = await editor.json<Json>("PUT", `/api/grants/parts/${firstId}/distribution/annex`, {
      revision: 0,
      text: "Region Jämtland Härjedalen\t500 000\nRegion Norrbottens\t400 000\nTotalt\t900 000",
      comparisonKey: { kind: "equal" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.entitlements.map((e: Json) => [e.recipientCode, e.amount])).toEqual([["23", kr(500_000)], ["25", kr(400_000)]]);
    expect(saved.body.check.balanced).toBe(true);
    expect(saved.body.comparison.differing.map((r: Json) => [r.recipientCode, r.difference])).toEqual([["23", kr(50_000)], ["25", -kr(50_000)]]);
  });

  // The shared client sends JSON; a file upload needs its own session headers.
  async function upload(path: string, form: FormData): Promise<Response> {
    const login = await api.app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "editor23", password: testPassword }) });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    // A form post must name its origin (Hono's csrf middleware), as a browser does.
    return api.app.request(path, { method: "POST", headers: { cookie, "x-csrf-token": csrfToken, origin: "http://localhost" }, body: form });
  }

  it("imports an annex from XLSX and CSV, all or nothing", async () => {
    const coopPart = decision.parts[1].id;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bilaga 2");
    ws.addRow(["Region", "Belopp, kr"]);
    ws.addRow(["Norra samverkansregionen", 60000]);
    ws.addRow(["Södra samverkansregionen", 40000]);
    const form = new FormData();
    form.append("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "bilaga2.xlsx"));
    form.append("revision", "0");
    const res = await upload(`/api/grants/parts/${coopPart}/distribution/annex/import`, form);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.source).toBe("bilaga2.xlsx");
    expect(body.entitlements.map((e: Json) => e.amount)).toEqual([kr(60_000), kr(40_000)]);

    const csv = new FormData();
    csv.append("file", new File(["Mottagare;Belopp\nNorra samverkansregionen;60 000\nVästra samverkansregionen;fyrtio\n"], "bilaga2.csv"));
    csv.append("revision", String(body.revision));
    const failed = await upload(`/api/grants/parts/${coopPart}/distribution/annex/import`, csv);
    expect(failed.status).toBe(400);
    expect(((await failed.json()) as Json).error.message).toMatch(/bilaga2\.csv, rad 3, fält belopp/);
    const still = await editor.json<Json>("GET", `/api/grants/parts/${coopPart}/distribution`);
    expect(still.body.entitlements.map((e: Json) => e.recipientCode)).toEqual(["SVR-NORRA", "SVR-SODRA"]);
  });

  it("decides the decision, after which its distribution is locked", async () => {
    const decided = await approver.json<Json>("POST", `/api/grants/decisions/${decision.id}/decide`, { revision: decision.revision });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe("decided");
    const locked = await editor.json<Json>("PUT", `/api/grants/parts/${decision.parts[0].id}/distribution/annex`, { revision: 1, text: "Region Jämtland Härjedalen\t900 000" });
    expect(locked.status).toBe(409);
    expect((await editor.json("PUT", `/api/grants/decisions/${decision.id}`, { agreementId: decision.agreementId, title: "x", total: 0, revision: decided.body.revision })).status).toBe(409);
    expect((await other.json("GET", `/api/grants/decisions/${decision.id}`)).status).toBe(200);
  });

  it("follows the recipient from requisition to the repayment figure", async () => {
    const partId = decision.parts[0].id;
    const start = await editor.json<Json>("GET", `/api/grants/parts/${partId}/recipients/23?today=2023-06-01`);
    expect(start.body.status.text).toBe("Rekvirera senast 2023-12-01");
    expect((await other.json("GET", `/api/grants/recipients/23`)).status).toBe(403);

    await editor.json("PUT", `/api/grants/parts/${partId}/recipients/23/receipt`, { revision: start.body.receiptRevision, accountingObject: "9929", requisitionedOn: "2023-03-01", requisitioned: kr(500_000), receivedOn: "2023-03-20", received: kr(500_000) });
    const spent = await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/spending`, { spentOn: "2023-10-01", amount: kr(498_766), description: "Vårdlots" });
    expect(spent.status).toBe(201);
    expect(spent.body.figures).toMatchObject({ received: kr(500_000), spent: kr(498_766), unspent: kr(1_234), toRepay: kr(1_234) });
    expect(spent.body.spending[0]).toMatchObject({ source: "manual", amount: kr(498_766) });

    const view = await editor.json<Json>("GET", "/api/grants/recipients/23?today=2024-01-10");
    const grant = view.body.grants.find((g: Json) => g.partId === partId);
    expect(nb(grant.status.text)).toBe("Redovisa och återbetala 1 234 kr till Kammarkollegiet senast 2024-03-31");
    expect(grant.receipt.accountingObject).toBe("9929");
  });

  it("keeps a decided internal decision immutable and shows what a new version changed", async () => {
    const partId = decision.parts[0].id;
    const lines = [
      { label: "Öronmärkt BUP", kind: "earmarked", amount: kr(100_000), earmarkPurpose: "BUP" },
      { label: "Samordnare", kind: "fixed", amount: kr(150_000) },
      { label: "Övrigt", kind: "remainder" },
    ];
    const created = await editor.json<Json>("POST", "/api/grants/internal-decisions", {
      partId,
      organisationCode: "23",
      title: "Intern fördelning",
      total: kr(500_000),
      metadata: { decidedBy: "Sara Lewerentz", delegationPoint: "4.1.19", reportedTo: "Regionstyrelsen", reportedOn: "2023-08-29", conditions: ["Villkor"], distributionList: ["Ekonomidirektör"] },
      lines,
    });
    expect(created.status).toBe(201);
    expect(created.body.resolvedLines.map((l: Json) => l.amount)).toEqual([kr(100_000), kr(150_000), kr(250_000)]);
    expect(created.body.earmarked).toBe(kr(100_000));
    const id = created.body.id;
    const decidedInternal = await approver.json<Json>("POST", `/api/grants/internal-decisions/${id}/decide`, { revision: created.body.revision });
    expect(decidedInternal.status).toBe(200);
    const refused = await editor.json<Json>("PUT", `/api/grants/internal-decisions/${id}`, { title: "x", total: kr(500_000), metadata: {}, lines, revision: decidedInternal.body.revision });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/fattat och kan inte ändras/);

    const v2 = await editor.json<Json>("POST", `/api/grants/internal-decisions/${id}/versions`, { revision: decidedInternal.body.revision });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, previousId: id, status: "draft" });
    const changed = await editor.json<Json>("PUT", `/api/grants/internal-decisions/${v2.body.id}`, {
      ...v2.body,
      metadata: { ...v2.body.metadata, reportedOn: "2023-09-26" },
      lines: lines.map((l) => (l.label === "Samordnare" ? { ...l, amount: kr(200_000) } : l)),
    });
    expect(changed.status).toBe(200);
    expect(changed.body.changes.fields.map((f: Json) => [f.label, f.before, f.after])).toEqual([["Anmäls datum", "2023-08-29", "2023-09-26"]]);
    expect(changed.body.changes.lines.map((l: Json) => [l.label, l.amountDifference])).toEqual([["Samordnare", kr(50_000)], ["Övrigt", -kr(50_000)]]);
    expect((await editor.json("POST", `/api/grants/internal-decisions/${id}/versions`, { revision: decidedInternal.body.revision })).status).toBe(409);
  });

  it("lists deadlines, the user's own upcoming ones, and exports .ics and .xlsx", async () => {
    const list = await editor.json<Json[]>("GET", "/api/grants/deadlines?within=30&today=2023-11-20");
    expect(list.body.map((d) => [d.organisationCode, d.kind, d.daysLeft])).toContainEqual(["25", "requisition", 11]);
    expect(list.body.some((d) => d.organisationCode === "23" && d.kind === "requisition")).toBe(false);

    const setting = await editor.json<Json>("PUT", "/api/grants/reminder-settings/me", { email: "samordnare@example.se", daysBefore: 14, revision: 0 });
    expect(setting.status).toBe(200);
    const mine = await editor.json<Json>("GET", "/api/grants/deadlines/mine?today=2024-03-20");
    expect(mine.body.withinDays).toBe(14);
    expect(mine.body.deadlines.map((d: Json) => d.kind)).toEqual(["financial_report", "repayment"]);
    expect(mine.body.deadlines[1].amount).toBe(kr(1_234));

    const ics = await editor.request("GET", "/api/grants/deadlines.ics?org=23&alarmDays=14");
    expect(ics.headers.get("content-type")).toMatch(/text\/calendar/);
    const cal = parseIcs(await ics.text()).components[0]!;
    const events = cal.components.filter((c) => c.type === "VEVENT");
    expect(events.map((e) => propertyValue(e, "DTSTART"))).toEqual(["20231201", "20240331", "20240331"]);
    expect(propertyValue(events[0]!, "SUMMARY")).toMatch(/^Rekvisition till Kammarkollegiet: .* \(klar\)$/);

    const xlsx = await editor.request("GET", "/api/grants/deadlines.xlsx?org=23&today=2024-03-20");
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets[0]!.name).toBe("Tidsfrister");
  });

  it("exports a distribution with the comparison as XLSX and logs every change", async () => {
    const res = await editor.request("GET", `/api/grants/parts/${decision.parts[0].id}/distribution.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const values = wb.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === "string");
    expect(values).toContain("Enligt nyckel");
    const entities = await api.opened.db.selectFrom("audit_log").select(["entity", "action"]).where("entity", "like", "grant%").execute();
    const seen = new Set(entities.map((e) => `${e.entity}:${e.action}`));
    for (const e of ["grant_agreement:create", "grant_decision:create", "grant_decision:update", "grant_decision:decide", "grant_distribution:update", "grant_receipt:update", "grant_spending:create", "grant_internal_decision:decide"]) {
      expect(seen).toContain(e);
    }
  });

  it("describes every grant route in the OpenAPI document", async () => {
    const doc = await api.anonymous.json<Json>("GET", "/api/openapi.json");
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths).filter((p) => p.startsWith("/api/grants"));
    expect(paths.length).toBeGreaterThanOrEqual(25);
    expect(doc.body.paths["/api/grants/parts/{id}/distribution/annex"].put.summary).toMatch(/bilagan/);
    expect(doc.body.components.schemas.GrantDecision.properties.check).toBeDefined();
  });

  it("distributes a part by key through the allocation engine and stores the explanation", async () => {
    const created = await editor.json<Json>("POST", "/api/grants/decisions", { agreementId: decision.agreementId, organisationId: orgId, title: "Lika delar", total: kr(60_000_000), parts: [part("Samverkan", 60_000_000, "cooperation_regions")] });
    const partId = created.body.parts[0].id;
    const codes = ["SVR-NORRA", "SVR-UPPSALA-OREBRO", "SVR-STOCKHOLM-GOTLAND", "SVR-SYDOSTRA", "SVR-SODRA", "SVR-VASTRA"];
    const request = { total: kr(60_000_000), unit: 100, rounding: "largest-remainder", lines: codes.map((code) => ({ label: code, recipientCode: code, method: "equal" })) };
    const preview = await editor.json<Json>("POST", `/api/grants/parts/${partId}/distribution/preview`, request);
    expect(preview.body.check.balanced).toBe(true);
    expect((await editor.json("PUT", `/api/grants/parts/${partId}/distribution/key`, { ...request, total: kr(1), revision: 0 })).status).toBe(400);
    const saved = await editor.json<Json>("PUT", `/api/grants/parts/${partId}/distribution/key`, { ...request, revision: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.mode).toBe("key");
    expect(saved.body.entitlements.map((e: Json) => e.amount)).toEqual(Array(6).fill(kr(10_000_000)));
    expect(saved.body.entitlements[0].explanation).toMatch(/lika/i);
  });
});
