import type { Db } from "../db/connect";
import { sql } from "kysely";
import { calendarFiscalYear, fiscalYearFromDates, type FiscalYear } from "../core/followup/fiscal-year";

function toImport(r: {
  id: number; organisation_id: number; file_name: string; kind: "sie" | "csv"; year: number; status: "importing" | "done" | "failed" | "replaced";
  voucher_count: number; transaction_count: number; balance_count: number; budget_count: number; warnings: unknown; error: string | null;
  username: string | null; imported_at: Date | string;
}) {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    fileName: r.file_name,
    kind: r.kind,
    year: r.year,
    status: r.status,
    voucherCount: r.voucher_count,
    transactionCount: r.transaction_count,
    balanceCount: r.balance_count,
    budgetCount: r.budget_count,
    warningCount: Array.isArray(r.warnings) ? r.warnings.length : 0,
    error: r.error,
    importedBy: r.username,
    importedAt: new Date(r.imported_at).toISOString(),
  };
}

const base = (db: Db) =>
  db
    .selectFrom("ledger_imports as i")
    .leftJoin("users as u", "u.id", "i.imported_by")
    .select(["i.id", "i.organisation_id", "i.file_name", "i.kind", "i.year", "i.status", "i.voucher_count", "i.transaction_count", "i.balance_count", "i.budget_count", "i.warnings", "i.error", "i.summary", "i.imported_at", "u.username"]);

export async function listImports(db: Db, organisationId: number) {
  const rows = await base(db).where("i.organisation_id", "=", organisationId).orderBy("i.id", "desc").execute();
  return rows.map(toImport);
}

export async function getImport(db: Db, id: number) {
  const r = await base(db).where("i.id", "=", id).executeTakeFirst();
  if (!r) return undefined;
  return { ...toImport(r), warnings: (r.warnings ?? []) as { file: string; line: number; field: string; message: string }[], summary: r.summary };
}

/**
 * Imports whose rows count: the latest of each kind and year, never failed or replaced ones;
 * with a year, only that financial year's (a 2009/10 file's rows of 2010 belong to 2009).
 */
export function liveImports(db: Db, organisationId: number, year?: number) {
  const live = db.selectFrom("ledger_imports").select("id").where("organisation_id", "=", organisationId).where("status", "=", "done");
  return year === undefined ? live : live.where("year", "=", year);
}

/**
 * The organisation's financial year as its current SIE import of the year gives it (#RAR 0), or
 * the calendar year when there is none or it does not say.
 */
export async function fiscalYearOf(db: Db, organisationId: number, year: number): Promise<FiscalYear> {
  const row = await db
    .selectFrom("ledger_imports")
    .select(sql<{ start: string; end: string } | null>`(SELECT y FROM jsonb_array_elements(summary->'years') AS y WHERE (y->>'yearIndex')::int = 0 LIMIT 1)`.as("rar"))
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "done")
    .where("kind", "=", "sie")
    .where("year", "=", year)
    .orderBy("id", "desc")
    .executeTakeFirst();
  const rar = row?.rar;
  if (!rar?.start || !rar.end) return calendarFiscalYear(year);
  const fy = fiscalYearFromDates(rar.start, rar.end);
  return fy.year === year ? fy : calendarFiscalYear(year);
}
