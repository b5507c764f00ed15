import { sql } from "kysely";
import type { Db } from "../db/connect";
import { accountClassifier } from "../core/followup/account-class";
import { budgetVsOutcome, type AmountCell, type BudgetOutcomeGrouping, type BudgetOutcomeReport } from "../core/followup/budget-outcome";
import type { ForecastMethod } from "../core/followup/forecast";
import { accountClassOverrides, classOutcomeCells, ensureClassTotals } from "./class-totals";
import { liveImports } from "./imports";

export interface BudgetOutcomeQuery {
  organisationId: number;
  year: number;
  by: BudgetOutcomeGrouping;
  /** Only rows of this project; "none" for rows without a project (the board's own operations). */
  project?: string;
  /** Only rows of this cost centre ("none": without one). */
  costCentre?: string;
  asOfMonth?: number;
  forecastMethod?: ForecastMethod;
}

const objectFilter = (value: string | undefined) => (value === "none" ? "" : value);

/**
 * Outcome sums for the report. Read from ledger_totals (kept at import) whenever the grouping and
 * filters allow, so the report never scans the ledger rows; only a cost-centre filter combined
 * with a project, or cost centres by month, fall back to summing rows.
 */
export async function outcomeCells(db: Db, q: BudgetOutcomeQuery): Promise<AmountCell[]> {
  const from = q.year * 100;
  const to = q.year * 100 + 12;
  const project = objectFilter(q.project);
  const costCentre = objectFilter(q.costCentre);
  const fromRows = costCentre !== undefined && (project !== undefined || q.by !== "costcentre") || (q.by === "costcentre" && project !== undefined);
  if (fromRows) {
    let query = db
      .selectFrom("ledger_transactions")
      .select(["period", "account", sql<string>`coalesce(${sql.ref(q.by === "project" ? "project" : "cost_centre")}, '')`.as("key"), sql<string>`sum(amount_ore)`.as("amount")])
      .where("import_id", "in", liveImports(db, q.organisationId))
      .where("period", ">=", from)
      .where("period", "<=", to)
      .groupBy(["period", "account", "key"]);
    if (project !== undefined) query = project === "" ? query.where("project", "is", null) : query.where("project", "=", project);
    if (costCentre !== undefined) query = costCentre === "" ? query.where("cost_centre", "is", null) : query.where("cost_centre", "=", costCentre);
    const rows = await query.execute();
    return rows.map((r) => ({ period: r.period, account: r.account, key: r.key, amount: Number(r.amount) }));
  }
  const dimension = q.by === "costcentre" || costCentre !== undefined ? 1 : q.by === "project" || project !== undefined ? 6 : 0;
  let query = db
    .selectFrom("ledger_totals")
    .select(["period", "account", "object", sql<string>`sum(amount_ore)`.as("amount")])
    .where("import_id", "in", liveImports(db, q.organisationId))
    .where("dimension", "=", dimension)
    .where("period", ">=", from)
    .where("period", "<=", to)
    .groupBy(["period", "account", "object"]);
  if (dimension === 6 && project !== undefined) query = query.where("object", "=", project);
  if (dimension === 1 && costCentre !== undefined) query = query.where("object", "=", costCentre);
  const rows = await query.execute();
  return rows.map((r) => ({ period: r.period, account: r.account, key: r.object, amount: Number(r.amount) }));
}

/** Budget sums from #PBUDGET (and CSV budgets when they come), filtered like the outcome. */
export async function budgetCells(db: Db, q: BudgetOutcomeQuery): Promise<AmountCell[]> {
  const project = objectFilter(q.project);
  const costCentre = objectFilter(q.costCentre);
  let query = db
    .selectFrom("ledger_period_amounts")
    .select(["period", "account", sql<string>`coalesce(${sql.ref(q.by === "costcentre" ? "cost_centre" : "project")}, '')`.as("key"), sql<string>`sum(amount_ore)`.as("amount")])
    .where("import_id", "in", liveImports(db, q.organisationId))
    .where("kind", "=", "PBUDGET")
    .where("period", ">=", q.year * 100)
    .where("period", "<=", q.year * 100 + 12)
    .groupBy(["period", "account", "key"]);
  if (project !== undefined) query = project === "" ? query.where("project", "is", null) : query.where("project", "=", project);
  if (costCentre !== undefined) query = costCentre === "" ? query.where("cost_centre", "is", null) : query.where("cost_centre", "=", costCentre);
  const rows = await query.execute();
  return rows.map((r) => ({ period: r.period, account: r.account, key: r.key, amount: Number(r.amount) }));
}

export async function objectNames(db: Db, organisationId: number, by: BudgetOutcomeGrouping): Promise<Map<string, string>> {
  if (by === "account") {
    const rows = await db.selectFrom("ledger_accounts").select(["account", "name"]).where("organisation_id", "=", organisationId).execute();
    return new Map(rows.map((r) => [r.account, r.name]));
  }
  if (by !== "project" && by !== "costcentre") return new Map();
  const rows = await db.selectFrom("ledger_objects").select(["code", "name"]).where("organisation_id", "=", organisationId).where("dimension", "=", by === "project" ? 6 : 1).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Budget vs outcome for an organisation's year, grouped by account class, account, cost centre, project or month. */
export async function budgetVsOutcomeReport(db: Db, q: BudgetOutcomeQuery): Promise<BudgetOutcomeReport> {
  const overrides = await accountClassOverrides(db, q.organisationId);
  // Without object filters the outcome comes from the sums per class (a few thousand rows).
  const byClass = q.project === undefined && q.costCentre === undefined && q.by !== "account" ? q.by : null;
  if (byClass) await ensureClassTotals(db, q.organisationId, overrides);
  const [outcome, budget, labels] = await Promise.all([
    byClass ? classOutcomeCells(db, q.organisationId, q.year, byClass) : outcomeCells(db, q),
    budgetCells(db, q),
    objectNames(db, q.organisationId, q.by),
  ]);
  return budgetVsOutcome({
    year: q.year,
    by: q.by,
    outcome,
    budget,
    classify: accountClassifier(overrides),
    labels,
    ...(q.asOfMonth === undefined ? {} : { asOfMonth: q.asOfMonth }),
    ...(q.forecastMethod === undefined ? {} : { forecastMethod: q.forecastMethod }),
  });
}
