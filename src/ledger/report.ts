import { sumToOre } from "../core/money";
import { sql } from "kysely";
import type { Db } from "../db/connect";
import { manyRows, type SumOfOre } from "../db/many-rows";
import { accountClassifier } from "../core/followup/account-class";
import { budgetVsOutcome, type AmountCell, type BudgetOutcomeGrouping, type BudgetOutcomeReport } from "../core/followup/budget-outcome";
import type { ForecastMethod } from "../core/followup/forecast";
import { accountClassOverrides, classBudgetCells, classOutcomeCells, ensureClassTotals } from "./class-totals";
import { budgetTotalCells, dimensionOf } from "./budget-totals";
import { calendarFiscalYear, fiscalMonthOf, periodWindow, type FiscalYear } from "../core/followup/fiscal-year";
import { fiscalYearOf, liveImports } from "./imports";

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
  /** The year's months; the calendar year's when not given (budgetVsOutcomeReport looks it up). */
  fiscalYear?: FiscalYear;
}

const objectFilter = (value: string | undefined) => (value === "none" ? "" : value);

/**
 * Outcome sums for the report. Read from ledger_totals (kept at import) whenever the grouping and
 * filters allow, so the report never scans the ledger rows; only a cost-centre filter combined
 * with a project, or cost centres by month, fall back to summing rows.
 */
export async function outcomeCells(db: Db, q: BudgetOutcomeQuery): Promise<AmountCell[]> {
  const { from, to } = periodWindow(q.fiscalYear ?? calendarFiscalYear(q.year));
  const project = objectFilter(q.project);
  const costCentre = objectFilter(q.costCentre);
  const fromRows = costCentre !== undefined && (project !== undefined || q.by !== "costcentre") || (q.by === "costcentre" && project !== undefined);
  if (fromRows) {
    let query = db
      .selectFrom("ledger_transactions")
      .select(["period", "account", sql<string>`coalesce(${sql.ref(q.by === "project" ? "project" : "cost_centre")}, '')`.as("key"), sql<SumOfOre>`sum(amount_ore)`.as("amount")])
      .where("import_id", "in", liveImports(db, q.organisationId, q.year))
      .where("period", ">=", from)
      .where("period", "<=", to)
      .groupBy(["period", "account", "key"]);
    if (project !== undefined) query = project === "" ? query.where("project", "is", null) : query.where("project", "=", project);
    if (costCentre !== undefined) query = costCentre === "" ? query.where("cost_centre", "is", null) : query.where("cost_centre", "=", costCentre);
    const rows = await manyRows(db, query);
    return rows.map((r) => ({ period: r.period, account: r.account, key: r.key, amount: sumToOre(r.amount) }));
  }
  const dimension = q.by === "costcentre" || costCentre !== undefined ? 1 : q.by === "project" || project !== undefined ? 6 : 0;
  let query = db
    .selectFrom("ledger_totals")
    .select(["period", "account", "object", sql<SumOfOre>`sum(amount_ore)`.as("amount")])
    .where("import_id", "in", liveImports(db, q.organisationId, q.year))
    .where("dimension", "=", dimension)
    .where("period", ">=", from)
    .where("period", "<=", to)
    .groupBy(["period", "account", "object"]);
  if (dimension === 6 && project !== undefined) query = query.where("object", "=", project);
  if (dimension === 1 && costCentre !== undefined) query = query.where("object", "=", costCentre);
  const rows = await manyRows(db, query);
  return rows.map((r) => ({ period: r.period, account: r.account, key: r.object, amount: sumToOre(r.amount) }));
}

/**
 * Budget sums from #PBUDGET, filtered like the outcome, each budget counted once (see
 * buildBudgetTotals). Without object filters they are read as kept at import; with them summed
 * from the budget lines here. Where the total and the objects disagree, budgetDisagreements says so.
 */
export async function budgetCells(db: Db, q: BudgetOutcomeQuery): Promise<AmountCell[]> {
  if (q.project !== undefined || q.costCentre !== undefined) return budgetCellsFromLines(db, q);
  return budgetTotalCells(db, q.organisationId, q.fiscalYear ?? calendarFiscalYear(q.year), dimensionOf(q.by));
}

/** Budget sums counted once from the import's budget lines (a window over the year's lines), for any filters. */
export async function budgetCellsFromLines(db: Db, q: BudgetOutcomeQuery): Promise<AmountCell[]> {
  const project = objectFilter(q.project);
  const costCentre = objectFilter(q.costCentre);
  const byObject = q.by === "costcentre" || q.by === "project" || project !== undefined || costCentre !== undefined;
  const rows = db
    .selectFrom("ledger_period_amounts")
    .select([
      "period",
      "account",
      "cost_centre",
      "project",
      "amount_ore",
      sql<boolean>`bool_or(cost_centre IS NULL AND project IS NULL) OVER w`.as("has_total"),
      sql<boolean>`bool_or(cost_centre IS NOT NULL OR project IS NOT NULL) OVER w`.as("has_objects"),
    ])
    .where("import_id", "in", liveImports(db, q.organisationId, q.year))
    .where("kind", "=", "PBUDGET")
    .where("year_index", "=", 0)
    .where("period", ">=", periodWindow(q.fiscalYear ?? calendarFiscalYear(q.year)).from)
    .where("period", "<=", periodWindow(q.fiscalYear ?? calendarFiscalYear(q.year)).to)
    .modifyEnd(sql`WINDOW w AS (PARTITION BY import_id, period, account)`)
    .as("b");
  const duplicate = byObject ? sql<boolean>`b.cost_centre IS NULL AND b.project IS NULL` : sql<boolean>`(b.cost_centre IS NOT NULL OR b.project IS NOT NULL)`;
  let query = db
    .selectFrom(rows)
    .select(["b.period", "b.account", sql<string>`coalesce(${sql.ref(q.by === "costcentre" ? "b.cost_centre" : "b.project")}, '')`.as("key"), sql<SumOfOre>`sum(b.amount_ore)`.as("amount")])
    .where(sql<boolean>`NOT (b.has_total AND b.has_objects AND ${duplicate})`)
    .groupBy(["b.period", "b.account", "key"]);
  if (project !== undefined) query = project === "" ? query.where("b.project", "is", null) : query.where("b.project", "=", project);
  if (costCentre !== undefined) query = costCentre === "" ? query.where("b.cost_centre", "is", null) : query.where("b.cost_centre", "=", costCentre);
  const result = await manyRows(db, query);
  return result.map((r) => ({ period: r.period, account: r.account, key: r.key, amount: sumToOre(r.amount) }));
}

/** Periods and accounts whose budget total and the sum of its objects' budgets differ. */
export async function budgetDisagreements(db: Db, organisationId: number, year: number, fy: FiscalYear = calendarFiscalYear(year)): Promise<{ period: number; account: string; total: number; objects: number }[]> {
  const { from, to } = periodWindow(fy);
  const rows = await db
    .selectFrom("ledger_period_amounts")
    .select([
      "period",
      "account",
      sql<string>`sum(amount_ore) FILTER (WHERE cost_centre IS NULL AND project IS NULL)`.as("total"),
      sql<string>`sum(amount_ore) FILTER (WHERE cost_centre IS NOT NULL OR project IS NOT NULL)`.as("objects"),
    ])
    .where("import_id", "in", liveImports(db, organisationId, year))
    .where("kind", "=", "PBUDGET")
    .where("year_index", "=", 0)
    .where("period", ">=", from)
    .where("period", "<=", to)
    .groupBy(["period", "account"])
    .execute();
  return rows
    .filter((r) => r.total !== null && r.objects !== null && r.total !== r.objects)
    .map((r) => ({ period: r.period, account: r.account, total: sumToOre(r.total), objects: Number(r.objects) }));
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

/**
 * Cost centres' outcome is kept per year, not per month (src/ledger/running-totals.ts), so a
 * report by or filtered on cost centre cannot see which month the books are closed through and
 * would forecast from month 0. The organisation's months say it: the last month with outcome.
 */
async function monthOfCostCentreOutcome(db: Db, q: BudgetOutcomeQuery & { fiscalYear: FiscalYear }, overrides: Awaited<ReturnType<typeof accountClassOverrides>>): Promise<number | undefined> {
  if (q.by !== "costcentre" && q.costCentre === undefined) return undefined;
  await ensureClassTotals(db, q.organisationId, overrides);
  const months = await classOutcomeCells(db, q.organisationId, q.fiscalYear, "month");
  // Summed per month first: the cells are each live import's, and two may cancel out.
  const perMonth = new Map<number, number>();
  for (const c of months) {
    const month = fiscalMonthOf(q.fiscalYear, c.period) ?? 0;
    if (c.class !== "balance") perMonth.set(month, (perMonth.get(month) ?? 0) + c.amount);
  }
  let last = 0;
  for (const [month, amount] of perMonth) if (amount !== 0 && month > last) last = month;
  return last;
}

/** Budget vs outcome for an organisation's year, grouped by account class, account, cost centre, project or month. */
export async function budgetVsOutcomeReport(db: Db, query: BudgetOutcomeQuery): Promise<BudgetOutcomeReport> {
  const q = { ...query, fiscalYear: query.fiscalYear ?? (await fiscalYearOf(db, query.organisationId, query.year)) };
  const overrides = await accountClassOverrides(db, q.organisationId);
  // Without object filters the outcome comes from the sums per class (a few thousand rows).
  const byClass = q.project === undefined && q.costCentre === undefined && q.by !== "account" ? q.by : null;
  if (byClass) await ensureClassTotals(db, q.organisationId, overrides);
  const [outcome, budget, labels] = await Promise.all([
    byClass ? classOutcomeCells(db, q.organisationId, q.fiscalYear, byClass) : outcomeCells(db, q),
    byClass ? classBudgetCells(db, q.organisationId, q.fiscalYear, byClass) : budgetCells(db, q),
    objectNames(db, q.organisationId, q.by),
  ]);
  const asOfMonth = q.asOfMonth ?? (await monthOfCostCentreOutcome(db, q, overrides));
  return budgetVsOutcome({
    year: q.year,
    by: q.by,
    outcome,
    budget,
    classify: accountClassifier(overrides),
    labels,
    fiscalYear: q.fiscalYear,
    ...(asOfMonth === undefined ? {} : { asOfMonth }),
    ...(q.forecastMethod === undefined ? {} : { forecastMethod: q.forecastMethod }),
  });
}
