import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { loadDemoGrants } from "../../db/demo/grants";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Seed 002 (S2023/00488, registered by Regeringen) distributes a part to every region. Region
// Norrbotten (25) has recorded its requisition; a reader of Jämtland (23) must see Norrbotten's
// deadlines as public facts only, in the list, the .ics and the .xlsx alike.
describe("who may read a recipient's record of a grant", () => {
  let api: TestApi;
  let reader23: TestClient;
  let reader25: TestClient;
  let partId: number;

  beforeAll(async () => {
    api = await createTestApi();
    await loadDemoGrants(api.opened.db);
    reader23 = await api.loginAs({ username: "reader23", roles: [{ organisationCode: "23", role: "reader" }] });
    reader25 = await api.loginAs({ username: "reader25", roles: [{ organisationCode: "25", role: "reader" }] });
    const part = await api.opened.db.selectFrom("grant_entitlements").select("part_id").where("recipient_code", "=", "25").orderBy("part_id").executeTakeFirstOrThrow();
    partId = part.part_id;
    await api.opened.db.insertInto("grant_receipts").values({ part_id: partId, recipient_code: "25", requisitioned_on: "2023-03-01", requisition_ore: 100, received_on: "2023-03-20", received_ore: 100, notes: "Hemlig anteckning" }).execute();
  });
  afterAll(() => api.close());

  it("gives another region's deadlines without its requisition or report status", async () => {
    const other = await reader23.json<Json[]>("GET", `/api/grants/deadlines?org=25&includeDone=true&today=2023-11-20`);
    expect(other.status).toBe(200);
    const mine = other.body.filter((d) => d.partId === partId);
    expect(mine.map((d) => d.kind)).toContain("requisition");
    for (const d of other.body) {
      expect(d.done).toBeNull();
      expect(d.overdue).toBe(false);
      if (d.kind === "repayment") expect(d.amount).toBeNull();
    }
    const own = await reader25.json<Json[]>("GET", `/api/grants/deadlines?org=25&includeDone=true&today=2023-11-20`);
    expect(own.body.find((d) => d.partId === partId && d.kind === "requisition")).toMatchObject({ done: true });
    // The public facts are the same for both.
    const facts = (list: Json[]) => list.map((d) => [d.key, d.date, d.counterpart, d.kind === "requisition" ? d.amount : null]);
    expect(facts(other.body)).toEqual(facts(own.body));
  });

  it("keeps the status out of the .ics and .xlsx too", async () => {
    const ics = await (await reader23.request("GET", "/api/grants/deadlines.ics?org=25")).text();
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).not.toContain("(klar)");
    expect(await (await reader25.request("GET", "/api/grants/deadlines.ics?org=25")).text()).toContain("(klar)");

    const res = await reader23.request("GET", "/api/grants/deadlines.xlsx?org=25&includeDone=true");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const cells = wb.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === "string");
    expect(cells).not.toContain("Klar");
  });

  it("refuses another region's recipient view and detail, as before", async () => {
    expect((await reader23.json("GET", "/api/grants/recipients/25")).status).toBe(403);
    expect((await reader23.json("GET", `/api/grants/parts/${partId}/recipients/25`)).status).toBe(403);
    const own = await reader25.json<Json>("GET", `/api/grants/parts/${partId}/recipients/25`);
    expect(own.status).toBe(200);
    expect(own.body.receipt.notes).toBe("Hemlig anteckning");
  });

  it("lets the grant's owner read every recipient's record", async () => {
    const owner = await api.loginAs({ username: "regeringen", roles: [{ organisationCode: "REGERINGEN", role: "reader" }] });
    const view = await owner.json<Json>("GET", "/api/grants/recipients/25");
    expect(view.status).toBe(200);
    expect(view.body.grants.find((g: Json) => g.partId === partId).receipt.notes).toBe("Hemlig anteckning");
    const list = await owner.json<Json[]>("GET", `/api/grants/deadlines?org=25&includeDone=true&today=2023-11-20`);
    expect(list.body.find((d) => d.partId === partId && d.kind === "requisition")?.done).toBe(true);
  });
});
