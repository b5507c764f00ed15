import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { drillDown } from "./drilldown";
import { importSie } from "./import-sie";
import { budgetVsOutcomeReport } from "./report";

// Issue 10 item 8: a financial year that is not the calendar year. BL Administration's export
// (test/fixtures/sie-samples) keeps 2009-07-01–2010-06-30 (#RAR 0): its report is that year's
// twelve months, named 2009/10 as the file does, and none of it leaks into 2010.

const file = readFileSync(new URL("../../test/fixtures/sie-samples/BL0001_typ4.SE", import.meta.url));

/** Öre from a SIE amount ("-17456.67"), without floating point. */
function ore(text: string): number {
  const [whole, fraction = ""] = text.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  return text.startsWith("-") ? -value : value;
}

/** The result accounts' sums per month (YYYYMM) read straight off the file's #TRANS rows, in ledger sign. */
function resultSumsByMonth(): Map<number, number> {
  const sums = new Map<number, number>();
  let voucherDate = "";
  for (const line of file.toString("latin1").split(/\r?\n/)) {
    const ver = /^#VER\s+\S+\s+\S+\s+(\d{8})/.exec(line);
    if (ver) voucherDate = ver[1]!;
    const trans = /^\s*#TRANS\s+(\d+)\s+\{[^}]*\}\s+(-?[\d.]+)(?:\s+(\d{8}))?/.exec(line);
    if (!trans || Number(trans[1]![0]) < 3) continue;
    const month = Number((trans[3] ?? voucherDate).slice(0, 6));
    sums.set(month, (sums.get(month) ?? 0) + ore(trans[2]!));
  }
  return sums;
}

let opened: OpenDatabase;
let org: number;

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  const result = await importSie(opened.db, file, { organisationId: org, fileName: "BL0001_typ4.SE" });
  expect(result.year).toBe(2009);
});
afterAll(async () => opened.close());

describe("a financial year from July to June", () => {
  it("is reported as 2009/10 with its twelve months, July 2009 first, and every grouping has the file's total", async () => {
    const byMonth = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2009, by: "month" });
    expect(byMonth.fiscalYear).toEqual({ label: "2009/10", firstMonth: "2009-07", lastMonth: "2010-06" });
    expect(byMonth.rows.map((r) => r.label)).toEqual(["juli 2009", "augusti 2009", "september 2009", "oktober 2009", "november 2009", "december 2009", "januari 2010", "februari 2010", "mars 2010", "april 2010", "maj 2010", "juni 2010"]);
    const expected = resultSumsByMonth();
    expect([...expected.keys()].sort()).toEqual([200907, 200908, 200909, 200910, 200911, 200912, 201001, 201002, 201003, 201004, 201005, 201006]);
    // Report sign: income positive, so each month is the ledger's sum negated.
    expect(byMonth.rows.map((r) => r.outcome)).toEqual([...expected.keys()].sort().map((m) => -expected.get(m)!));
    const total = -[...expected.values()].reduce((a, b) => a + b, 0);
    expect(byMonth.total.outcome).toBe(total);
    expect(byMonth.asOfMonth).toBe(12);
    for (const by of ["class", "account", "costcentre", "project"] as const) {
      const report = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2009, by });
      expect(report.total.outcome, by).toBe(total);
      expect(report.fiscalYear.label, by).toBe("2009/10");
    }
  });

  it("keeps 2010 empty: the spring of 2010 belongs to 2009/10", async () => {
    const report = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2010, by: "month" });
    expect(report.rows).toEqual([]);
    expect(report.fiscalYear.label).toBe("2010");
  });

  it("drills down by the financial year's month: month 1 is July 2009, month 12 June 2010", async () => {
    const july = await drillDown(opened.db, { organisationId: org, year: 2009, month: 1, limit: 500 });
    expect(july.rows.length).toBeGreaterThan(0);
    expect(new Set(july.rows.map((r) => r.date.slice(0, 7)))).toEqual(new Set(["2009-07"]));
    const june = await drillDown(opened.db, { organisationId: org, year: 2009, month: 12, limit: 500 });
    expect(new Set(june.rows.map((r) => r.date.slice(0, 7)))).toEqual(new Set(["2010-06"]));
    const all = await drillDown(opened.db, { organisationId: org, year: 2009, limit: 1 });
    expect(all.total).toBe(405);
  });
});
