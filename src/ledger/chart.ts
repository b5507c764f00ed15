import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema";

type Trx = Transaction<Database>;

export interface ChartData {
  accounts: Map<string, { name: string; type: "T" | "S" | "K" | "I" | null }>;
  dimensions: Map<number, { name: string; parent: number | null }>;
  /** Key `${dimension}\0${code}` → name. */
  objects: Map<string, string>;
}

/** Stores the names an import gives accounts, dimensions and objects; a later import's names win. */
export async function upsertChart(trx: Trx, organisationId: number, chart: ChartData): Promise<void> {
  const accounts = [...chart.accounts.entries()];
  for (let i = 0; i < accounts.length; i += 5000) {
    const part = accounts.slice(i, i + 5000);
    await sql`INSERT INTO ledger_accounts (organisation_id, account, name, account_type)
      SELECT ${organisationId}, * FROM unnest(${part.map((a) => a[0])}::text[], ${part.map((a) => a[1].name)}::text[], ${part.map((a) => a[1].type)}::text[])
      ON CONFLICT (organisation_id, account) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN ledger_accounts.name ELSE excluded.name END,
        account_type = coalesce(excluded.account_type, ledger_accounts.account_type)`.execute(trx);
  }
  for (const [dimension, d] of chart.dimensions) {
    await trx
      .insertInto("ledger_dimensions")
      .values({ organisation_id: organisationId, dimension, name: d.name, parent: d.parent })
      .onConflict((oc) => oc.columns(["organisation_id", "dimension"]).doUpdateSet({ name: d.name, parent: d.parent }))
      .execute();
  }
  const objects = [...chart.objects.entries()].map(([k, name]) => [...k.split("\u0000"), name] as const);
  for (let i = 0; i < objects.length; i += 5000) {
    const part = objects.slice(i, i + 5000);
    await sql`INSERT INTO ledger_objects (organisation_id, dimension, code, name)
      SELECT ${organisationId}, * FROM unnest(${part.map((o) => Number(o[0]))}::int[], ${part.map((o) => o[1])}::text[], ${part.map((o) => o[2])}::text[])
      ON CONFLICT (organisation_id, dimension, code) DO UPDATE SET name = excluded.name`.execute(trx);
  }
}

/**
 * Marks the organisation's earlier imports of the same kind and year as replaced, so a year is
 * never counted twice (reports read only imports that are done). Their rows are kept as
 * versions (see makeImportCurrent). Returns their ids.
 */
export async function replacePreviousImports(trx: Trx, organisationId: number, year: number, kind: "sie" | "csv", keep: number): Promise<number[]> {
  const old = await trx
    .selectFrom("ledger_imports")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("year", "=", year)
    .where("kind", "=", kind)
    .where("status", "=", "done")
    .where("id", "!=", keep)
    .execute();
  const ids = old.map((o) => o.id);
  if (ids.length === 0) return [];
  // The rows stay: a replaced import is an earlier version, and can be made current again.
  await trx.updateTable("ledger_imports").set({ status: "replaced" }).where("id", "in", ids).execute();
  return ids;
}
