import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { loadDemoGrants } from "../../db/demo/grants";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function workbookNumbers(res: Response): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const out: unknown[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => out.push(...(row.values as unknown[])));
  return out;
}

describe("decision documents from grant decisions", () => {
  let api: TestApi;
  let editor23: TestClient;
  let reader12: TestClient;
  let seed002: number;
  let seed003Internal: number;
  let seed003Part: number;

  beforeAll(async () => {
    api = await createTestApi();
    await loadDemoGrants(api.opened.db);
    editor23 = await api.loginAs({ username: "editor23", roles: [{ organisationCode: "23", role: "editor" }] });
    reader12 = await api.loginAs({ username: "reader12", roles: [{ organisationCode: "12", role: "reader" }] });
    seed002 = (await api.opened.db.selectFrom("grant_decisions").select("id").where("diary_number", "=", "S2023/00488").executeTakeFirstOrThrow()).id;
    const internal = await api.opened.db.selectFrom("grant_internal_decisions").select(["id", "part_id"]).executeTakeFirstOrThrow();
    seed003Internal = internal.id;
    seed003Part = internal.part_id;
  }, 60_000);
  afterAll(() => api.close());

  it("gives any logged-in user seed 002 as PDF and its tables as XLSX, and logs the export", async () => {
    const pdf = await reader12.request("GET", `/api/documents/grant-decisions/${seed002}/pdf?copyTo=Socialstyrelsen;SKR`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain(`regeringsbeslut-${seed002}.pdf`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const xlsx = await reader12.request("GET", `/api/documents/grant-decisions/${seed002}/xlsx`);
    expect(xlsx.status).toBe(200);
    const values = await workbookNumbers(xlsx);
    expect(values).toContain(226_000_000);
    expect(values).toContain(787_491);
    const audit = await api.opened.db.selectFrom("audit_log").select(["action", "username", "after"]).where("entity", "=", "grant_decision").where("entity_id", "=", String(seed002)).where("action", "=", "export").execute();
    expect(audit.map((a) => a.username)).toEqual(["reader12", "reader12"]);
    expect((await api.anonymous.request("GET", `/api/documents/grant-decisions/${seed002}/pdf`)).status).toBe(401);
  });

  it("gives seed 003's internal decision with the remainder 1 416 403 kr, rounded in tkr on request", async () => {
    const xlsx = await reader12.request("GET", `/api/documents/internal-decisions/${seed003Internal}/xlsx`);
    expect(xlsx.status).toBe(200);
    const values = await workbookNumbers(xlsx);
    expect(values).toContain(1_416_403);
    expect(values).toContain(5_039_944);
    const tkr = await workbookNumbers(await reader12.request("GET", `/api/documents/internal-decisions/${seed003Internal}/xlsx?unit=tkr`));
    // Rounded per cell to whole tkr (stored as kronor, shown in thousands), with the rounding note.
    expect(tkr).toContain(1_416_000);
    expect(tkr).toContain(5_040_000);
    expect(tkr.some((v) => typeof v === "string" && v.includes("avrundade var för sig till hela tkr"))).toBe(true);
    const bad = await reader12.json<Json>("GET", `/api/documents/internal-decisions/${seed003Internal}/pdf?unit=euro`);
    expect(bad.status).toBe(400);
  });

  it("shows drafts only to their organisation, and reports unknown ids in Swedish", async () => {
    const internal = await editor23.json<Json>("POST", "/api/grants/internal-decisions", {
      partId: seed003Part,
      organisationCode: "23",
      title: "Utkast till fördelning",
      total: 100_000_00,
      metadata: { caseNumber: "RS 2023/1", decidedBy: null, decidedByTitle: null, decisionDate: null, delegationPoint: null, delegationText: null, reportedTo: null, reportedOn: null, conditions: [], distributionList: [], basisDocuments: [], accountingObject: null },
      lines: [{ label: "Fast", kind: "fixed", amount: 40_000_00 }, { label: "Resten", kind: "remainder" }],
    });
    expect(internal.status).toBe(201);
    expect((await editor23.request("GET", `/api/documents/internal-decisions/${internal.body.id}/pdf`)).status).toBe(200);
    const hidden = await reader12.json<Json>("GET", `/api/documents/internal-decisions/${internal.body.id}/pdf`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(`Internt beslut ${internal.body.id} finns inte.`);

    const agreement = await editor23.json<Json>("POST", "/api/grants/agreements", { organisationId: internal.body.organisationId, name: "Utkastöverenskommelse", year: 2024, parties: ["Staten"], total: 1_000_00 });
    const draft = await editor23.json<Json>("POST", "/api/grants/decisions", { agreementId: agreement.body.id, organisationId: internal.body.organisationId, title: "Utkast", total: 1_000_00, parts: [{ recipientGroup: "regions", purpose: "Test", amount: 1_000_00 }] });
    expect(draft.status).toBe(201);
    expect((await editor23.request("GET", `/api/documents/grant-decisions/${draft.body.id}/xlsx`)).status).toBe(200);
    expect((await reader12.json<Json>("GET", `/api/documents/grant-decisions/${draft.body.id}/pdf`)).body.error.message).toBe(`Regeringsbeslut ${draft.body.id} finns inte.`);
    expect((await reader12.request("GET", "/api/documents/grant-decisions/999999/pdf")).status).toBe(404);
  });
});
