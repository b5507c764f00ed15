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
  const agg = await base.select([sql<string>`count(*)`.as("n"), sql<string>`coalesce(sum(t.amount_ore), 0)`.as("s")]).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin("ledger_vouchers as v", (j) => j.onRef("v.import_id", "=", "t.import_id").onRef("v.seq", "=", "t.voucher_seq"))
    .innerJoin("ledger_imports as i", "i.id", "t.import_id")
    .leftJoin("ledger_accounts as a", (j) => j.onRef("a.account", "=", "t.account").on("a.organisation_id", "=", q.organisationId))
    .select([
      "t.import_id", "v.series", "v.number", "v.voucher_date", "v.text as voucher_text", "v.line", "t.trans_date", "t.account", "a.name as account_name",
      "t.cost_centre", "t.project", "t.objects", "t.amount_ore", "t.text", "i.file_name",
    ])
    .orderBy("t.trans_date", "desc")
    .orderBy("t.import_id")
    .orderBy("t.voucher_seq")
    .orderBy("t.row_no")
    .limit(Math.min(q.limit ?? 100, 1000))
    .offset(q.offset ?? 0)
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
    if (c === "income") out.income -= Number(r.s);
    else out.costs += Number(r.s);
  }
  return out;
}
