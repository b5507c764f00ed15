import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { importOutcomeCsv, LedgerFileError, parseCsvAmount, type CsvMapping } from "./import-csv";
import { getCsvMapping, saveCsvMapping } from "./mappings";
import { budgetVsOutcomeReport } from "./report";

let opened: OpenDatabase;
let org: number;
const mapping: CsvMapping = {
  name: "Raindance utfall",
  separator: ";",
  decimalComma: true,
  hasHeader: true,
  encoding: "utf-8",
  sign: "ledger",
  columns: { account: "Konto", costCentre: "Ansvar", project: "Projekt", period: "Period", amount: "Belopp", text: "Text" },
};

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  await saveCsvMapping(opened.db, org, mapping, null, 0);
});
afterAll(async () => opened.close());

const csv = (lines: string[]) => Buffer.from(["Konto;Ansvar;Projekt;Period;Belopp;Text", ...lines].join("\n"), "utf8");

describe("CSV outcome import", () => {
  it("reads amounts exactly with decimal comma", () => {
    expect(parseCsvAmount("-1 234,5", true)).toBe(-123_450);
    expect(parseCsvAmount("1.234,05", true)).toBe(123_405);
    expect(parseCsvAmount("12,345", true)).toBeNull();
    expect(parseCsvAmount("1234.5", false)).toBe(123_450);
  });

  it("imports with a saved mapping and replaces a re-imported period without duplicates", async () => {
    const saved = await getCsvMapping(opened.db, org, "Raindance utfall");
    await importOutcomeCsv(opened.db, csv(["3020;100;;202301;-700 000,00;Anslag", "7010;100;;202301;600 000,50;Löner", "7010;100;;202302;610 000;Löner"]), saved, { organisationId: org, fileName: "jan-feb.csv" });
    const again = await importOutcomeCsv(opened.db, csv(["7010;100;;202302;620 000;Löner rättad", "7010;100;8941;202303;1 000;Projekt"]), saved, { organisationId: org, fileName: "feb-mar.csv" });
    expect(again.replacedRows).toBe(1);
    const report = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2023, by: "month" });
    expect(report.rows.map((r) => [r.key, r.outcome])).toEqual([
      ["01", 70_000_000 - 60_000_050],
      ["02", -62_000_000],
      ["03", -100_000],
    ]);
    const rows = await opened.db.selectFrom("ledger_transactions").select(["period", "amount_ore"]).where("period", "=", 202302).execute();
    expect(rows).toEqual([{ period: 202302, amount_ore: 62_000_000 }]);
    const byProject = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2023, by: "project" });
    expect(byProject.rows.map((r) => [r.key, r.outcome])).toEqual([["", 70_000_000 - 60_000_050 - 62_000_000], ["8941", -100_000]]);
  });

  it("refuses a file whose amounts together pass what a report can sum exactly, at the line where they do", async () => {
    const error = await importOutcomeCsv(opened.db, csv(["7010;100;;202305;3000000000000,00;x", "7010;100;;202305;-3000000000000,00;y"]), mapping, { organisationId: org, fileName: "stor.csv" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerFileError);
    expect((error as Error).message).toContain("stor.csv, rad 3 (belopp): beloppen i filen blir tillsammans (utan tecken) större än 5 600 miljarder kronor");
    expect(await opened.db.selectFrom("ledger_transactions").select("period").where("period", "=", 202305).execute()).toEqual([]);
  });

  it("refuses a file with errors, naming line and field, and stores nothing", async () => {
    const error = await importOutcomeCsv(opened.db, csv(["7010;100;;202304;12,345;x", "7010;100;;2023-13;1;y"]), mapping, { organisationId: org, fileName: "fel.csv" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerFileError);
    expect((error as Error).message).toContain('fel.csv, rad 2 (belopp): "12,345" är inte ett belopp med decimalkomma');
    expect((error as Error).message).toContain('fel.csv, rad 3 (period): "2023-13" är ingen period');
    const april = await opened.db.selectFrom("ledger_transactions").select("period").where("period", ">=", 202304).execute();
    expect(april).toEqual([]);
  });
});
