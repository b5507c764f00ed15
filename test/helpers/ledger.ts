import { sql } from "kysely";
import type { Db } from "../../src/db/connect";

/** An organisation to import into; ledger tests need no reference data. */
export async function createLedgerOrganisation(db: Db, code = "SSVR", name = "Södra regionvårdsnämnden"): Promise<number> {
  const { id } = await db
    .insertInto("organisations")
    .values({ code, kind: "board", name, short_name: name, county_code: null, parent_id: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Rows in each of `tables`: what an all-or-nothing test compares before and after. */
export async function countRows(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n;
  return out;
}
