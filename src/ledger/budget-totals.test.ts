import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { importSie } from "./import-sie";
import { accountClassifier } from "../core/followup/account-class";
import { budgetVsOutcome } from "../core/followup/budget-outcome";
import { accountClassOverrides } from "./class-totals";
import { budgetCells, budgetCellsFromLines, budgetVsOutcomeReport, type BudgetOutcomeQuery } from "./report";

// Budgets in every shape real exports give them, for one year: an account's total and per
// project (3010), per project only (4010), total only (5010), total and per cost centre (6010),
// a line with both objects (7010), and a budget on an account without outcome (7510).
const file = [
  "#FLAGGA 0",
  "#SIETYP 4",
  "#RAR 0 20240101 20241231",
  '#DIM 1 "Kostnadsställe"',
  '#DIM 6 "Projekt"',
  '#OBJEKT 1 "K1" "Kst ett"',
  '#OBJEKT 1 "K2" "Kst två"',
  '#OBJEKT 6 "P1" "Projekt ett"',
  '#OBJEKT 6 "P2" "Projekt två"',
  ...["3010", "4010", "5010", "6010", "7010", "7510", "1930"].map((a) => `#KONTO ${a} "Konto ${a}"`),
  "#PBUDGET 0 202401 3010 {} -1000.00",
  '#PBUDGET 0 202401 3010 {6 "P1"} -600.00',
  '#PBUDGET 0 202401 3010 {6 "P2"} -400.00',
  '#PBUDGET 0 202402 4010 {6 "P1"} 250.00',
  '#PBUDGET 0 202402 4010 {6 "P2"} 50.00',
  "#PBUDGET 0 202403 5010 {} 700.00",
  "#PBUDGET 0 202403 6010 {} 900.00",
  '#PBUDGET 0 202403 6010 {1 "K1"} 500.00',
  '#PBUDGET 0 202403 6010 {1 "K2"} 300.00',
  '#PBUDGET 0 202404 7010 {1 "K1" 6 "P1"} 120.00',
  "#PBUDGET 0 202405 7510 {} 80.00",
  '#VER A 1 20240115 "Intäkt"',
  "{",
  '#TRANS 3010 {6 "P1"} -800.00',
  "#TRANS 1930 {} 800.00",
  "}",
  '#VER A 2 20240310 "Kostnad"',
  "{",
  '#TRANS 6010 {1 "K1"} 450.00',
  "#TRANS 1930 {} -450.00",
  "}",
].join("\r\n");

describe("budgets counted once, kept at import", () => {
  let opened: OpenDatabase;
  let org: number;
  beforeAll(async () => {
    opened = await createTestDatabase();
    org = await createLedgerOrganisation(opened.db, "BUDG", "Budgetformer");
    await importSie(opened.db, new TextEncoder().encode(file), { organisationId: org, fileName: "budgetar.se" });
  });
  afterAll(() => opened?.close());

  const sorted = (cells: { period: number; account: string; key?: string; amount: number }[]) =>
    cells.map((c) => `${c.period} ${c.account} ${c.key ?? ""} ${c.amount}`).sort();

  // Not by object, the report reads no key (the lines' query keys them by project all the same).
  const summed = (by: BudgetOutcomeQuery["by"], cells: { period: number; account: string; key?: string; amount: number }[]) => {
    const sums = new Map<string, number>();
    for (const c of cells) {
      const id = `${c.period} ${c.account} ${by === "project" || by === "costcentre" ? c.key : ""}`;
      sums.set(id, (sums.get(id) ?? 0) + c.amount);
    }
    return [...sums].map(([id, amount]) => `${id} ${amount}`).sort();
  };

  it("gives every grouping the sums the budget lines give", async () => {
    for (const by of ["class", "account", "costcentre", "project", "month"] as const) {
      const q: BudgetOutcomeQuery = { organisationId: org, year: 2024, by };
      expect(summed(by, await budgetCells(opened.db, q)), by).toEqual(summed(by, await budgetCellsFromLines(opened.db, q)));
    }
  });

  it("gives the report by class, month, project and cost centre the budgets per class the lines give", async () => {
    const classify = accountClassifier(await accountClassOverrides(opened.db, org));
    for (const by of ["class", "month", "project", "costcentre"] as const) {
      const q: BudgetOutcomeQuery = { organisationId: org, year: 2024, by };
      const budgets = (rows: { key: string; budget: number }[]) => Object.fromEntries(rows.filter((r) => r.budget !== 0).map((r) => [r.key, r.budget]));
      const expected = budgetVsOutcome({ year: 2024, by, outcome: [], budget: await budgetCellsFromLines(opened.db, q), classify });
      const report = await budgetVsOutcomeReport(opened.db, q);
      expect(budgets(report.rows), by).toEqual(budgets(expected.rows));
      expect(Object.keys(budgets(report.rows)).length, by).toBeGreaterThan(1);
    }
  });

  it("counts the total where the report is not by object and the objects where it is", async () => {
    const byAccount = sorted(await budgetCells(opened.db, { organisationId: org, year: 2024, by: "account" }));
    expect(byAccount).toEqual(sorted([
      { period: 202401, account: "3010", key: "", amount: -100_000 },
      { period: 202402, account: "4010", key: "", amount: 30_000 },
      { period: 202403, account: "5010", key: "", amount: 70_000 },
      { period: 202403, account: "6010", key: "", amount: 90_000 },
      { period: 202404, account: "7010", key: "", amount: 12_000 },
      { period: 202405, account: "7510", key: "", amount: 8_000 },
    ]));
    const byProject = sorted(await budgetCells(opened.db, { organisationId: org, year: 2024, by: "project" }));
    expect(byProject).toEqual(sorted([
      { period: 202401, account: "3010", key: "P1", amount: -60_000 },
      { period: 202401, account: "3010", key: "P2", amount: -40_000 },
      { period: 202402, account: "4010", key: "P1", amount: 25_000 },
      { period: 202402, account: "4010", key: "P2", amount: 5_000 },
      { period: 202403, account: "5010", key: "", amount: 70_000 },
      // 6010's budget per cost centre (80 000) is read, not its total (90 000): by project it has none.
      { period: 202403, account: "6010", key: "", amount: 80_000 },
      { period: 202404, account: "7010", key: "P1", amount: 12_000 },
      { period: 202405, account: "7510", key: "", amount: 8_000 },
    ]));
  });

  it("is removed with its import", async () => {
    const other = await importSie(opened.db, new TextEncoder().encode(file), { organisationId: org, fileName: "igen.se", replace: true });
    await opened.db.deleteFrom("ledger_imports").where("id", "=", other.importId).execute();
    const left = await opened.db.selectFrom("ledger_budget_totals").select("import_id").where("import_id", "=", other.importId).execute();
    expect(left).toEqual([]);
  });
});
