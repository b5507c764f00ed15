import { sumToOre } from "../core/money";
import { sql } from "kysely";
import type { Db } from "../db/connect";
import { manyRows, type SumOfOre } from "../db/many-rows";
import type { AmountCell } from "../core/followup/budget-outcome";
import { periodWindow, type FiscalYear } from "../core/followup/fiscal-year";
import { liveImports } from "./imports";

/** The budgets kept per cost centre (1) and per project (6); 0 is the account's own, for a report not by object. */
export const BUDGET_DIMENSIONS = [0, 1, 6] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

/** The SIE dimension whose sums a report grouped this way reads: 1 cost centres, 6 projects, 0 the account's own. */
export function dimensionOf(by: string): BudgetDimension {
  return by === "costcentre" ? 1 : by === "project" ? 6 : 0;
}

/**
 * Real exports give an account's budget twice: once as the account's total (no objects) and
 * once per object, adding up to it. Each is counted once: where a period and account has both
 * kinds, a report by object reads the per-object rows and any other the total; where it has
 * only one kind, that kind is read.
 *
 * Stores one import's budgets counted once per dimension (ledger_budget_totals), from its
 * #PBUDGET lines of the year (year_index 0), a statement per dimension with `between` before
 * each: the import calls it once its period amounts are in, in its transaction or (staged on the
 * embedded database) before the last one. Migration 0092 made the same sums for earlier imports.
 */
export async function buildBudgetTotals(db: Db, importId: number, between: () => Promise<unknown> = async () => {}): Promise<void> {
  for (const dimension of BUDGET_DIMENSIONS) {
    await between();
    const object = dimension === 1 ? sql`coalesce(b.cost_centre, '')` : dimension === 6 ? sql`coalesce(b.project, '')` : sql`''`;
    await sql`INSERT INTO ledger_budget_totals (import_id, dimension, period, object, account, amount_ore)
      SELECT b.import_id, ${sql.lit(dimension)}, b.period, ${object}, b.account, sum(b.amount_ore)
      FROM (
        SELECT import_id, period, account, cost_centre, project, amount_ore,
               cost_centre IS NULL AND project IS NULL AS total,
               bool_or(cost_centre IS NULL AND project IS NULL) OVER w AS has_total,
               bool_or(cost_centre IS NOT NULL OR project IS NOT NULL) OVER w AS has_objects
        FROM ledger_period_amounts WHERE import_id = ${importId} AND kind = 'PBUDGET' AND year_index = 0
        WINDOW w AS (PARTITION BY period, account)
      ) b
      WHERE NOT (b.has_total AND b.has_objects AND b.total = ${sql.lit(dimension !== 0)})
      GROUP BY 1, 2, 3, 4, 5`.execute(db);
  }
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
