import { sumToOre } from "../core/money";
import { sql } from "kysely";
import type { Db } from "../db/connect";
import { accountClassifier, type AccountClass } from "../core/followup/account-class";
import { accountClassOverrides } from "./class-totals";
import { periodOfFiscalMonth, periodWindow } from "../core/followup/fiscal-year";
import { fiscalYearOf, liveImports } from "./imports";

export interface DrillDownQuery {
  organisationId: number;
  year: number;
  /** 1–12: the month of the financial year (1 is July in 2009/10), as the report numbers them. */
  month?: number;
  accountClass?: AccountClass;
  account?: string;
  /** A code, or "none" for rows without one. */
  costCentre?: string;
  project?: string;
  limit?: number;
  offset?: number;
}

export interface DrillDownRow {
  importId: number;
  voucher: string;
  voucherDate: string;
  voucherText: string;
  date: string;
  account: string;
  accountName: string;
  costCentre: string | null;
  project: string | null;
  objects: unknown;
  /** Ledger sign: debit positive. */
  amount: number;
  text: string | null;
  fileName: string;
  line: number;
}

/**
 * The count and sum of the rows a drill-down shows, from the sums kept at import (ledger_totals)
 * when they are kept at that grain, so a page never counts the month's rows again; null when the
 * filters need the rows (a cost centre and a project together, or a cost centre by month).
 */
async function keptTotals(db: Db, q: DrillDownQuery, from: number, to: number, accounts: string[] | undefined): Promise<{ n: string; s: string } | null> {
  if (q.costCentre && q.project) return null;
  const dimension = q.costCentre ? 1 : q.project ? 6 : 0;
  if (dimension === 1 && q.month) return null;
  let query = db
    .selectFrom("ledger_totals")
    .select([sql<string>`coalesce(sum(row_count), 0)`.as("n"), sql<string>`coalesce(sum(amount_ore), 0)`.as("s")])
    .where("import_id", "in", liveImports(db, q.organisationId, q.year))
    .where("dimension", "=", dimension)
    .where("period", ">=", from)
    .where("period", "<=", to);
  const object = q.costCentre ?? q.project;
  if (object !== undefined) query = query.where("object", "=", object === "none" ? "" : object);
  if (accounts) query = query.where("account", "in", accounts);
  if (q.account) query = query.where("account", "=", q.account);
  return query.executeTakeFirstOrThrow();
}

/** The ledger rows behind a figure of the report, with their voucher, newest first, a page at a time. */
export async function drillDown(db: Db, q: DrillDownQuery): Promise<{ rows: DrillDownRow[]; total: number; sum: number }> {
  const fy = await fiscalYearOf(db, q.organisationId, q.year);
  const { from, to } = q.month ? { from: periodOfFiscalMonth(fy, q.month), to: periodOfFiscalMonth(fy, q.month) } : periodWindow(fy);
  let accounts: string[] | undefined;
  if (q.accountClass) {
    const classify = accountClassifier(await accountClassOverrides(db, q.organisationId));
    const all = await db
      .selectFrom("ledger_totals")
      .select("account")
      .distinct()
      .where("import_id", "in", liveImports(db, q.organisationId, q.year))
      .where("dimension", "=", 0)
      .where("period", ">=", from)
      .where("period", "<=", to)
      .execute();
    accounts = all.map((a) => a.account).filter((a) => classify(a).class === q.accountClass);
    if (accounts.length === 0) return { rows: [], total: 0, sum: 0 };
  }
  let base = db
    .selectFrom("ledger_transactions as t")
    .where("t.import_id", "in", liveImports(db, q.organisationId, q.year))
    .where("t.period", ">=", from)
    .where("t.period", "<=", to);
  if (accounts) base = base.where("t.account", "in", accounts);
  if (q.account) base = base.where("t.account", "=", q.account);
  if (q.costCentre) base = q.costCentre === "none" ? base.where("t.cost_centre", "is", null) : base.where("t.cost_centre", "=", q.costCentre);
  if (q.project) base = q.project === "none" ? base.where("t.project", "is", null) : base.where("t.project", "=", q.project);
  const agg = (await keptTotals(db, q, from, to, accounts)) ?? (await base.select([sql<string>`count(*)`.as("n"), sql<string>`coalesce(sum(t.amount_ore), 0)`.as("s")]).executeTakeFirstOrThrow());
  // The page is chosen from the transaction rows alone, then joined with its vouchers, accounts
  // and import: the joins are made for the hundred rows shown, not for the month's thousands.
  const page = base
    .select(["t.import_id", "t.voucher_seq", "t.row_no", "t.trans_date", "t.account", "t.cost_centre", "t.project", "t.objects", "t.amount_ore", "t.text"])
    .orderBy("t.trans_date", "desc")
    .orderBy("t.import_id")
    .orderBy("t.voucher_seq")
    .orderBy("t.row_no")
    .limit(Math.min(q.limit ?? 100, 1000))
    .offset(q.offset ?? 0)
    .as("p");
  const rows = await db
    .selectFrom(page)
    .innerJoin("ledger_vouchers as v", (j) => j.onRef("v.import_id", "=", "p.import_id").onRef("v.seq", "=", "p.voucher_seq"))
    .innerJoin("ledger_imports as i", "i.id", "p.import_id")
    .leftJoin("ledger_accounts as a", (j) => j.onRef("a.account", "=", "p.account").on("a.organisation_id", "=", q.organisationId))
    .select([
      "p.import_id", "v.series", "v.number", "v.voucher_date", "v.text as voucher_text", "v.line", "p.trans_date", "p.account", "a.name as account_name",
      "p.cost_centre", "p.project", "p.objects", "p.amount_ore", "p.text", "i.file_name",
    ])
    .orderBy("p.trans_date", "desc")
    .orderBy("p.import_id")
    .orderBy("p.voucher_seq")
    .orderBy("p.row_no")
    .execute();
  return {
    total: Number(agg.n),
    sum: Number(agg.s),
    rows: rows.map((r) => ({
      importId: r.import_id,
      voucher: [r.series, r.number].filter((s) => s !== "").join(" "),
      voucherDate: r.voucher_date,
      voucherText: r.voucher_text,
      date: r.trans_date,
      account: r.account,
      accountName: r.account_name ?? "",
      costCentre: r.cost_centre,
      project: r.project,
      objects: r.objects,
      amount: r.amount_ore,
      text: r.text,
      fileName: r.file_name,
      line: r.line,
    })),
  };
}

export interface ObjectCosts {
  object: string;
  year: number;
  /** Costs booked on the object (report sign: spent money positive). */
  costs: number;
  /** Income booked on the object (positive). */
  income: number;
  rows: number;
}

/**
 * Costs and income on an accounting object (any dimension: "9929" as cost centre, project or
 * another object) in a year, for grant follow-up: what the grant's used, unspent and repayment
 * figures are computed from. Without an organisation, all organisations' ledgers count.
 */
export async function costsOnObject(db: Db, q: { organisationId?: number; object: string; year: number }): Promise<ObjectCosts> {
  let query = db
    .selectFrom("ledger_transactions as t")
    .innerJoin("ledger_imports as i", "i.id", "t.import_id")
    .select(["t.account", sql<string>`sum(t.amount_ore)`.as("s"), sql<string>`count(*)`.as("n")])
    .where("i.status", "=", "done")
    .where("t.period", ">=", q.year * 100)
    .where("t.period", "<=", q.year * 100 + 12)
    .where((eb) => eb.or([eb("t.cost_centre", "=", q.object), eb("t.project", "=", q.object), eb(sql`t.objects @> ${JSON.stringify([{ code: q.object }])}::jsonb`, "=", sql`true`)]))
    .groupBy("t.account");
  if (q.organisationId !== undefined) query = query.where("i.organisation_id", "=", q.organisationId);
  const rows = await query.execute();
  const overrides = q.organisationId === undefined ? [] : await accountClassOverrides(db, q.organisationId);
  const classify = accountClassifier(overrides);
  const out: ObjectCosts = { object: q.object, year: q.year, costs: 0, income: 0, rows: 0 };
  for (const r of rows) {
    const c = classify(r.account).class;
    if (c === "balance") continue;
    out.rows += Number(r.n);
    if (c === "income") out.income -= sumToOre(r.s);
    else out.costs += sumToOre(r.s);
  }
  return out;
}
