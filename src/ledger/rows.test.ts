import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { importSie } from "./import-sie";

let opened: OpenDatabase;
let org: number;
beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
});
afterAll(async () => opened.close());

// Texts and codes that need quoting in an array literal, and rows without objects or text.
const FILE = [
  "#FLAGGA 0",
  "#SIETYP 4",
  "#RAR 0 20230101 20231231",
  '#VER A 1 20230115 "Citat \\"x\\" och \\\\ bakstreck, {klammer} NULL"',
  "{",
  '#TRANS 4010 {1 "K 1" 6 "P,1" 7 "x"} 100.50 20230201 "NULL"',
  '#TRANS 4010 {1 "K 1"} 20.00 "" "Hyra\t\\"mars\\""',
  "#TRANS 1930 {} -120.50",
  "}",
  "",
].join("\r\n");

describe("bulk writing of ledger rows", () => {
  it("stores texts and codes exactly, whatever characters they hold, and keeps the totals", async () => {
    const result = await importSie(opened.db, new TextEncoder().encode(FILE), { organisationId: org, fileName: "citat.se" });
    expect(result.transactions).toBe(3);
    const voucher = await opened.db.selectFrom("ledger_vouchers").select(["text", "voucher_date"]).where("import_id", "=", result.importId).executeTakeFirstOrThrow();
    expect(voucher).toEqual({ text: 'Citat "x" och \\ bakstreck, {klammer} NULL', voucher_date: "2023-01-15" });
    const rows = await opened.db
      .selectFrom("ledger_transactions")
      .select(["row_no", "period", "trans_date", "account", "cost_centre", "project", "objects", "amount_ore", "text"])
      .where("import_id", "=", result.importId)
      .orderBy("row_no")
      .execute();
    expect(rows).toEqual([
      { row_no: 1, period: 202302, trans_date: "2023-02-01", account: "4010", cost_centre: "K 1", project: "P,1", objects: [{ dimension: 1, code: "K 1" }, { dimension: 6, code: "P,1" }, { dimension: 7, code: "x" }], amount_ore: 10050, text: "NULL" },
      { row_no: 2, period: 202301, trans_date: "2023-01-15", account: "4010", cost_centre: "K 1", project: null, objects: null, amount_ore: 2000, text: 'Hyra\t"mars"' },
      { row_no: 3, period: 202301, trans_date: "2023-01-15", account: "1930", cost_centre: null, project: null, objects: null, amount_ore: -12050, text: null },
    ]);
    const totals = await opened.db
      .selectFrom("ledger_totals")
      .select(["period", "account", "dimension", "object", "amount_ore", "row_count"])
      .where("import_id", "=", result.importId)
      .orderBy(["dimension", "account", "period", "object"])
      .execute();
    expect(totals).toEqual([
      { period: 202301, account: "1930", dimension: 0, object: "", amount_ore: -12050, row_count: 1 },
      { period: 202301, account: "4010", dimension: 0, object: "", amount_ore: 2000, row_count: 1 },
      { period: 202302, account: "4010", dimension: 0, object: "", amount_ore: 10050, row_count: 1 },
      { period: 202300, account: "1930", dimension: 1, object: "", amount_ore: -12050, row_count: 1 },
      { period: 202300, account: "4010", dimension: 1, object: "K 1", amount_ore: 12050, row_count: 2 },
      { period: 202301, account: "1930", dimension: 6, object: "", amount_ore: -12050, row_count: 1 },
      { period: 202301, account: "4010", dimension: 6, object: "", amount_ore: 2000, row_count: 1 },
      { period: 202302, account: "4010", dimension: 6, object: "P,1", amount_ore: 10050, row_count: 1 },
    ]);
  });

  it("removes an import's rows when the import itself is deleted", async () => {
    const other = await createLedgerOrganisation(opened.db, "RADERA", "Radera");
    const { importId } = await importSie(opened.db, new TextEncoder().encode(FILE), { organisationId: other, fileName: "radera.se" });
    await opened.db.deleteFrom("ledger_imports").where("id", "=", importId).execute();
    for (const table of ["ledger_transactions", "ledger_vouchers", "ledger_totals"] as const) {
      const left = await opened.db.selectFrom(table).select("import_id").where("import_id", "=", importId).execute();
      expect(left, table).toEqual([]);
    }
  });
});
