import { sumToOre } from "../core/money";
import { sql, type Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import { budgetsCountedOnce, type BudgetDimension, type BudgetLine, type BudgetTotal } from "../core/followup/budgets-once";
import type { Copier } from "./rows";
import { storeRows } from "./store-rows";
import { manyRows, type SumOfOre } from "../db/many-rows";
import type { AmountCell } from "../core/followup/budget-outcome";
import { periodWindow, type FiscalYear } from "../core/followup/fiscal-year";
import { liveImports } from "./imports";

export { BUDGET_DIMENSIONS, type BudgetDimension } from "../core/followup/budgets-once";

/** The SIE dimension whose sums a report grouped this way reads: 1 cost centres, 6 projects, 0 the account's own. */
export function dimensionOf(by: string): BudgetDimension {
  return by === "costcentre" ? 1 : by === "project" ? 6 : 0;
}

/**
 * Stores one import's budgets counted once per dimension (ledger_budget_totals; the rule is
 * budgetsCountedOnce's), summed here from the file's lines, a chunk per statement with `between`
 * before each: by COPY when there is a copier. Returns them (the class sums are made from them).
 * Summed in SQL from the stored lines they took 250 ms of the reference ledger's import.
 * Migration 0092 made the same sums for earlier imports.
 */
export async function buildBudgetTotals(db: Db | Transaction<Database>, importId: number, lines: readonly BudgetLine[], copier: Copier | undefined, between: () => Promise<unknown> = async () => {}): Promise<BudgetTotal[]> {
  await between();
  const totals = budgetsCountedOnce(lines);
  const rows = totals.map((t) => ({ import_id: importId, dimension: t.dimension, period: t.period, object: t.object, account: t.account, amount_ore: t.amount }));
  await storeRows(db, copier, "ledger_budget_totals", [["import_id", "int4"], ["dimension", "int4"], ["period", "int4"], ["object", "text"], ["account", "text"], ["amount_ore", "int8"]], rows, between);
  return totals;
}

/** Budget cells of the organisation's year for a report without object filters: a few thousand rows. */
export async function budgetTotalCells(db: Db, organisationId: number, fy: FiscalYear, dimension: BudgetDimension): Promise<AmountCell[]> {
  const { from, to } = periodWindow(fy);
  const rows = await manyRows(db, db
    .selectFrom("ledger_budget_totals")
    .select(["period", "account", "object", sql<SumOfOre>`sum(amount_ore)`.as("amount")])
    .where("import_id", "in", liveImports(db, organisationId, fy.year))
    .where("dimension", "=", dimension)
    .where("period", ">=", from)
    .where("period", "<=", to)
    .groupBy(["period", "account", "object"]));
  return rows.map((r) => ({ period: r.period, account: r.account, key: r.object, amount: sumToOre(r.amount) }));
}
