import type { Db } from "../db/connect";

function toImport(r: {
  id: number; organisation_id: number; file_name: string; kind: "sie" | "csv"; year: number; status: "done" | "failed" | "replaced";
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

/** Imports whose rows count: the latest of each kind and year, never failed or replaced ones. */
export function liveImports(db: Db, organisationId: number) {
  return db.selectFrom("ledger_imports").select("id").where("organisation_id", "=", organisationId).where("status", "=", "done");
}
