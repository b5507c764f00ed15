import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed003Sie } from "../../../test/fixtures/closing/seed-003-ledger";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { loadDemoGrants } from "../../db/demo/grants";
import { importSie } from "../../ledger/import-sie";

// The closing API on seed 003: payee details, a requisition, the report's check and filing, the
// coordinator's overview and the documents as files; others' roles are refused.

const kr = (n: number) => n * 100;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("grant closing API", () => {
  let api: TestApi;
  let editor: TestClient;
  let reader: TestClient;
  let stranger: TestClient;
  let partId: number;

  beforeAll(async () => {
    api = await createTestApi();
    await loadDemoGrants(api.opened.db);
    editor = await api.loginAs({ username: "samordnare", roles: [{ organisationCode: "23", role: "editor" }] });
    reader = await api.loginAs({ username: "lasare", roles: [{ organisationCode: "23", role: "reader" }] });
    stranger = await api.loginAs({ username: "skane", roles: [{ organisationCode: "12", role: "editor" }] });
    const org = await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow();
    await importSie(api.opened.db, await seed003Sie(2023), { organisationId: org.id, fileName: "rjh-2023.se" });
    const overview = await editor.json<Json>("GET", "/api/grants/organisations/23/closing?today=2024-03-01");
    expect(overview.status).toBe(200);
    partId = overview.body.rows.find((r: Json) => r.agreementName === "Ökad tillgänglighet i hälso- och sjukvården 2023").partId;
  });
  afterAll(() => api.close());

  it("shows the coordinator's overview with used from the ledger and the report as what is next", async () => {
    const { body } = await reader.json<Json>("GET", "/api/grants/organisations/23/closing?today=2024-03-01");
    const row = body.rows.find((r: Json) => r.partId === partId);
    expect(row.figures).toMatchObject({ received: kr(5_039_944), used: kr(3_040_000), unspent: kr(1_999_944), toRepay: kr(1_999_944) });
    expect(row.next).toMatchObject({ kind: "financial_report", document: "financial_report", dueDate: "2024-03-31" });
    expect((await stranger.json("GET", "/api/grants/organisations/23/closing")).status).toBe(403);
  });

  it("validates payee details, then produces a requisition and serves it as PDF and XLSX", async () => {
    // The demo gives Region Jämtland Härjedalen example payee details (revision 1).
    const demoPayee = (await reader.json<Json>("GET", "/api/grants/organisations/23/closing")).body.organisation.payment;
    expect(demoPayee).toMatchObject({ organisationNumber: "232100-0214", kind: "bankgiro", number: "555-0009", revision: 1, updatedBy: "exempeldata" });
    const bad = await editor.json<Json>("PUT", "/api/grants/organisations/23/payment-details", { organisationNumber: "232100-0016", payee: { kind: "bankgiro", number: "5050-1056" }, revision: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("fel kontrollsiffra");
    expect((await reader.json("PUT", "/api/grants/organisations/23/payment-details", { organisationNumber: "232100-0016", payee: { kind: "bankgiro", number: "5050-1055" }, revision: 1 })).status).toBe(403);
    const ok = await editor.json<Json>("PUT", "/api/grants/organisations/23/payment-details", { organisationNumber: "232100-0016", payee: { kind: "bankgiro", number: "5050-1055" }, revision: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ number: "5050-1055", revision: 2 });

    const made = await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/requisitions`, { date: "2023-06-01", signatory: { name: "Sara Lewerentz", title: "Regiondirektör" }, expectedVersion: 0 });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ version: 1, content: { amount: kr(5_039_944), recipient: { organisationNumber: "232100-0016" } } });
    const stale = await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/requisitions`, { date: "2023-06-01", expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale");

    const pdf = await reader.request("GET", `/api/documents/grant-requisitions/${made.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toContain("rekvisition-utan-diarienummer-del-1-23-v1.pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const xlsx = await reader.request("GET", `/api/documents/grant-requisitions/${made.body.id}/xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets).toHaveLength(2);
    expect((await stranger.request("GET", `/api/documents/grant-requisitions/${made.body.id}/pdf`)).status).toBe(404);
  });

  it("previews the report, refuses it with what to fix while figures disagree, and files versions", async () => {
    await editor.json("POST", `/api/grants/parts/${partId}/recipients/23/spending`, { spentOn: "2024-02-01", amount: kr(1_000), description: "Sen faktura" });
    const preview = await reader.json<Json>("GET", `/api/grants/parts/${partId}/recipients/23/financial-report?date=2024-03-20`);
    expect(preview.status).toBe(200);
    expect(preview.body.content).toBeNull();
    expect(preview.body.problems[0].message).toContain("ligger utanför perioden");
    const refused = await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/financial-reports`, { date: "2024-03-20", expectedVersion: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("report_check");
    expect(refused.body.error.details[0]).toMatchObject({ path: "manual" });
    const spending = await editor.json<Json>("GET", `/api/grants/parts/${partId}/recipients/23`);
    const late = spending.body.spending.find((s: Json) => s.description === "Sen faktura");
    await editor.json("DELETE", `/api/grants/spending/${late.id}`);

    const filed = await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/financial-reports`, { date: "2024-03-20", explanation: null, expectedVersion: 0 });
    expect(filed.status).toBe(201);
    expect(filed.body.content.figures).toMatchObject({ used: kr(3_040_000), toRepay: kr(1_999_944) });
    const second = await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/financial-reports`, { date: "2024-03-21", expectedVersion: 1 });
    expect(second.body.version).toBe(2);
    const docs = await reader.json<Json[]>("GET", `/api/grants/parts/${partId}/recipients/23/closing-documents`);
    expect(docs.body.map((d) => [d.kind, d.version])).toEqual([
      ["requisition", 1],
      ["financial_report", 2],
      ["financial_report", 1],
    ]);
    const xlsx = await reader.request("GET", `/api/documents/grant-financial-reports/${filed.body.id}/xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(4);

    const { body } = await reader.json<Json>("GET", "/api/grants/organisations/23/closing?today=2024-03-25");
    expect(body.rows.find((r: Json) => r.partId === partId).next).toMatchObject({ kind: "repayment", dueDate: "2024-03-31" });
  });

  it("answers a consent to a part the region has no money in with 409 and what is wrong", async () => {
    const seed002 = (await reader.json<Json>("GET", "/api/grants/organisations/23/closing")).body.rows.find((r: Json) => r.diaryNumber === "S2023/00488");
    const res = await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/carry-forward`, { toPartId: seed002.partId, diaryNumber: "S2024/1", decidedOn: "2024-02-01", newDeadline: "2025-03-31" });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("senare år");
    expect((await editor.json<Json>("POST", `/api/grants/parts/${partId}/recipients/23/carry-forward`, { toPartId: 999999, diaryNumber: "S2024/1", decidedOn: "2024-02-01", newDeadline: "2025-03-31" })).status).toBe(409);
  });
});
