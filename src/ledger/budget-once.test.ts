import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { importSie } from "./import-sie";
import { budgetDisagreements, budgetVsOutcomeReport } from "./report";

// Test4.SE (a real export) gives each account's #PBUDGET twice: as the account's total ({}) and
// per cost centre ({1 "0"}), adding up to it for every account. The budget is counted once.
const file = new URL("../../test/fixtures/sie-samples/Test4.SE", import.meta.url).pathname;

describe("a budget given per account and per object", () => {
  let opened: OpenDatabase;
  let org: number;
  let warnings: { field: string; message: string }[];
  beforeAll(async () => {
    opened = await createTestDatabase();
    org = await createLedgerOrganisation(opened.db, "TEST4", "Test4");
    ({ warnings } = await importSie(opened.db, readFileSync(file), { organisationId: org, fileName: "Test4.SE" }));
  });
  afterAll(() => opened?.close());

  it("counts account 3010's budget once: 2 668 000 kr, as the file's total says", async () => {
    const byAccount = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2008, by: "account" });
    // Income reads positive in the report.
    expect(byAccount.rows.find((r) => r.key === "3010")!.budget).toBe(266_800_000);
  });

  it("gives the same budget total for every grouping, and the per-object view adds up to it", async () => {
    const totals = new Map<string, number>();
    for (const by of ["class", "account", "costcentre", "project", "month"] as const) totals.set(by, (await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2008, by })).total.budget);
    expect(new Set(totals.values()).size).toBe(1);
    const forecasts = new Map<string, [number, number]>();
    for (const by of ["class", "account", "costcentre", "project", "month"] as const) {
      const r = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2008, by });
      forecasts.set(by, [r.total.forecast, r.asOfMonth]);
    }
    expect(Object.fromEntries(forecasts)).toEqual(Object.fromEntries([...forecasts.keys()].map((k) => [k, forecasts.get("class")])));
    const byCostCentre = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2008, by: "costcentre" });
    expect(byCostCentre.rows.some((r) => r.key === "0" && r.budget !== 0)).toBe(true);
  });

  it("finds no disagreement between the totals and their objects here, and warns where there is one", async () => {
    expect(await budgetDisagreements(opened.db, org, 2008)).toEqual([]);
    expect(warnings.filter((w) => w.field === "#PBUDGET")).toEqual([]);
    const changed = readFileSync(file, "latin1").replace('#PBUDGET 0 200801 3010 {} -208000.00', '#PBUDGET 0 200801 3010 {} -209000.00');
    const other = await createLedgerOrganisation(opened.db, "TEST4B", "Test4 ändrad");
    const result = await importSie(opened.db, Buffer.from(changed, "latin1"), { organisationId: other, fileName: "Test4-ändrad.SE" });
    const budgetWarnings = result.warnings.filter((w) => w.field === "#PBUDGET");
    expect(budgetWarnings).toHaveLength(1);
    expect(budgetWarnings[0]!.message.replace(/[\u00a0\u202f]/g, " ").replace("\u2212", "-").replace("\u2212", "-")).toBe("Konto 3010, period 200801: budgeten för kontot är -209 000 kr men objektens budgetar summerar till -208 000 kr. Rapportens totaler räknar kontots budget, vyn per objekt objektens.");
    expect(await budgetDisagreements(opened.db, other, 2008)).toEqual([{ period: 200801, account: "3010", total: -20_900_000, objects: -20_800_000 }]);
  });
});
