import { sql, type Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import { sumsByClass, type AccountSum, type ClassSum } from "../core/followup/class-sums";
import type { BudgetTotal } from "../core/followup/budgets-once";
import type { Copier } from "./rows";
import { storeRows } from "./store-rows";
import { accountClassifier, type AccountClass, type AccountClassOverride } from "../core/followup/account-class";
import type { AmountCell } from "../core/followup/budget-outcome";
import { periodWindow, type FiscalYear } from "../core/followup/fiscal-year";
import { dimensionOf } from "./budget-totals";
import { liveImports } from "./imports";
import { manyRows } from "../db/many-rows";

/** The part of a class mapping that decides the sums (joint financing does not). */
export function classingKey(overrides: readonly AccountClassOverride[]): string {
  const parts = overrides.map((o) => [o.from, o.to, o.class] as const).sort((a, b) => (a[0] + "\u0000" + a[1] < b[0] + "\u0000" + b[1] ? -1 : 1));
  return JSON.stringify(parts);
}

/**
 * Makes sure every live import of the organisation has its outcome per account class
 * (ledger_class_totals) summed with the current class mapping: imports without them, or summed
 * with another mapping, are summed again from ledger_totals, each in its own transaction with
 * the import row locked, so two reports at once never both write them.
 */
export async function ensureClassTotals(db: Db, organisationId: number, overrides: readonly AccountClassOverride[]): Promise<void> {
  const key = classingKey(overrides);
  const imports = await db
    .selectFrom("ledger_imports as i")
    .leftJoin("ledger_class_totals_state as s", "s.import_id", "i.id")
    .select(["i.id", "s.classing"])
    .where("i.organisation_id", "=", organisationId)
    .where("i.status", "=", "done")
    .execute();
  for (const imp of imports) {
    if (imp.classing === key) continue;
    await db.transaction().execute(async (trx) => {
      await sql`SELECT id FROM ledger_imports WHERE id = ${imp.id} FOR UPDATE`.execute(trx);
      const state = await trx.selectFrom("ledger_class_totals_state").select("classing").where("import_id", "=", imp.id).executeTakeFirst();
      if (state?.classing === key) return;
      await buildClassTotals(trx, imp.id, overrides);
    });
  }
}

/**
 * Sums one import's ledger_totals per class (balance accounts are left out, as in the report)
 * and records the mapping used: when the mapping has changed since the import stored its sums
 * (storeClassTotals, the same sums from memory). In the caller's transaction.
 */
export async function buildClassTotals(db: Db, importId: number, overrides: readonly AccountClassOverride[]): Promise<void> {
  await recordClassing(db, importId, overrides);
  await db.deleteFrom("ledger_class_totals").where("import_id", "=", importId).execute();
  const accounts = await db
    .selectFrom("ledger_totals")
    .select("account")
    .where("import_id", "=", importId)
    .where("dimension", "=", 0)
    .union(db.selectFrom("ledger_budget_totals").select("account").where("import_id", "=", importId).where("dimension", "=", 0))
    .execute();
  const classify = accountClassifier(overrides);
  const classed = accounts.map((a) => [a.account, classify(a.account).class] as const).filter(([, c]) => c !== "balance");
  if (classed.length === 0) return;
  // One statement each: this runs in a transaction, which holds the embedded session throughout
  // anyway (the import, which needed its sums in pieces, makes them from memory instead).
  const accountsOf = sql`unnest(${classed.map((c) => c[0])}::text[], ${classed.map((c) => c[1])}::text[]) AS c(account, class)`;
  await sql`INSERT INTO ledger_class_totals (import_id, dimension, period, object, class, amount_ore)
    SELECT t.import_id, t.dimension, t.period, t.object, c.class, sum(t.amount_ore)
    FROM ledger_totals t JOIN ${accountsOf} ON c.account = t.account
    WHERE t.import_id = ${importId}
    GROUP BY t.import_id, t.dimension, t.period, t.object, c.class`.execute(db);
  // The budgets beside them, from the budgets counted once (src/ledger/budget-totals.ts).
  await sql`INSERT INTO ledger_class_totals (import_id, dimension, period, object, class, amount_ore, kind)
    SELECT t.import_id, t.dimension, t.period, t.object, c.class, sum(t.amount_ore), 'budget'
    FROM ledger_budget_totals t JOIN ${accountsOf} ON c.account = t.account
    WHERE t.import_id = ${importId}
    GROUP BY t.import_id, t.dimension, t.period, t.object, c.class`.execute(db);
}

/**
 * The import's own way to the same sums as buildClassTotals: from the totals and budgets it has
 * in memory, by COPY when there is a copier, a chunk per statement with `between` before each.
 * Summed in SQL from the stored totals they took 230 ms of the reference ledger's import.
 */
export async function storeClassTotals(
  db: Db | Transaction<Database>,
  importId: number,
  overrides: readonly AccountClassOverride[],
  outcome: Iterable<AccountSum>,
  budgets: readonly BudgetTotal[],
  copier: Copier | undefined,
  between: () => Promise<unknown> = async () => {},
): Promise<void> {
  await recordClassing(db, importId, overrides);
  const classify = accountClassifier(overrides);
  const row = (kind: "outcome" | "budget") => (s: ClassSum) => ({ import_id: importId, dimension: s.dimension, period: s.period, object: s.object, class: s.class, amount_ore: s.amount, kind });
  await between();
  const outcomeRows = sumsByClass(outcome, classify).map(row("outcome"));
  await between();
  const rows = [...outcomeRows, ...sumsByClass(budgets, classify).map(row("budget"))];
  await storeRows(db, copier, "ledger_class_totals", [["import_id", "int4"], ["dimension", "int4"], ["period", "int4"], ["object", "text"], ["class", "text"], ["amount_ore", "int8"], ["kind", "text"]], rows, between);
}

/** Which class mapping an import's class sums were made with (ensureClassTotals compares it). */
async function recordClassing(db: Db | Transaction<Database>, importId: number, overrides: readonly AccountClassOverride[]): Promise<void> {
  const key = classingKey(overrides);
  await db
    .insertInto("ledger_class_totals_state")
    .values({ import_id: importId, classing: key })
    .onConflict((oc) => oc.column("import_id").doUpdateSet({ classing: key }))
    .execute();
}

type ClassGrouping = "class" | "month" | "project" | "costcentre";

/**
 * Outcome per class for the report without object filters: by class or month from dimension 0,
 * by project from 6, by cost centre from 1 (whole-year sums, as in ledger_totals). The cells
 * carry their class, and `account` is left empty.
 */
export function classOutcomeCells(db: Db, organisationId: number, fy: FiscalYear, by: ClassGrouping): Promise<AmountCell[]> {
  return classCells(db, organisationId, fy, by, "outcome");
}

/** Budget per class, counted once, for the same reports (per month also by cost centre). */
export function classBudgetCells(db: Db, organisationId: number, fy: FiscalYear, by: ClassGrouping): Promise<AmountCell[]> {
  return classCells(db, organisationId, fy, by, "budget");
}

async function classCells(db: Db, organisationId: number, fy: FiscalYear, by: ClassGrouping, kind: "outcome" | "budget"): Promise<AmountCell[]> {
  const dimension = dimensionOf(by);
  const { from, to } = periodWindow(fy);
  // Not grouped: each import's rows are already one per period, object and class, and the report
  // adds up cells as it groups them. Summing the live imports here cost PostgreSQL 4 of its 6 ms.
  const rows = await manyRows(db, db
    .selectFrom("ledger_class_totals")
    .select(["period", "object", "class", "amount_ore"])
    .where("import_id", "in", liveImports(db, organisationId, fy.year))
    .where("dimension", "=", dimension)
    .where("kind", "=", kind)
    .where("period", ">=", from)
    .where("period", "<=", to));
  return rows.map((r) => ({ period: r.period, account: "", key: r.object, class: r.class as AccountClass, amount: r.amount_ore }));
}

// The query lives in db/queries (grant closing reads it too, and db does not import the ledger).
export { accountClassOverrides } from "../db/queries/account-classes";
