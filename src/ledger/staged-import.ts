import type { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import type { Db } from "../db/connect";
import { pgliteCopier, type Copier } from "./rows";

// The embedded database is one session, handed to one holder at a time (src/db/connect.ts). An
// import held it from its first row to its commit, so for a large file nobody could log in or
// read a report. There, an import stages its rows instead: each COPY takes the session for
// itself only, under an import record marked 'importing' that no report counts, and a last,
// short transaction checks, replaces and marks it 'done'. Others queue for the session between
// two COPYs like any query. What a failed or cut-off import staged is removed here, in pieces
// for the same reason.

/** Table blocks (8 kB, about 90 ledger rows) scanned and cleared per statement: about as long as one COPY of a batch holds the session. */
const REMOVE_BLOCKS = 200;

/**
 * Lets the event loop turn. PGlite answers without I/O, so statements that follow one another
 * settle as microtasks only: without this the server would read no request until the last one.
 */
export const letOthersIn = () => new Promise((resolve) => setImmediate(resolve));

/** COPY into PGlite with the session taken for each statement alone, not for the whole import. */
export function stagedPgliteCopier(db: Db, client: PGlite): Copier {
  return pgliteCopier(client, async (statement) => {
    await letOthersIn();
    return db.connection().execute(statement);
  });
}

// The large tables, which have no foreign key to the record; balances and period amounts go
// with it (ON DELETE CASCADE), class totals by its delete trigger.
const stagedTables = ["ledger_transactions", "ledger_vouchers", "ledger_totals"] as const;

/**
 * Removes an import that did not finish: its rows a range of table blocks per statement (a
 * TID range scan: the tables have no B-tree on the import, and a LIMIT over the BRIN would pass
 * the rows already removed again each time), then the record, whose delete trigger then finds
 * nothing left. Only an 'importing' one: a finished import is never removed here.
 */
export async function removeStagedImport(db: Db, importId: number): Promise<void> {
  for (const table of stagedTables) {
    const first = await sql<{ ctid: string }>`SELECT ctid FROM ${sql.table(table)} WHERE import_id = ${importId} LIMIT 1`.execute(db);
    if (first.rows.length === 0) continue;
    const firstBlock = Number(/^\((\d+),/.exec(first.rows[0]!.ctid)![1]);
    // Rows appended after the first one may sit anywhere up to the table's end (another import
    // staging beside this one, space freed by an earlier removal), never before its first block.
    const size = await sql<{ blocks: string }>`SELECT pg_relation_size(${table}) / current_setting('block_size')::bigint AS blocks`.execute(db);
    const blocks = Number(size.rows[0]!.blocks);
    for (let b = firstBlock; b < blocks; b += REMOVE_BLOCKS) {
      await letOthersIn();
      await sql`DELETE FROM ${sql.table(table)} WHERE ctid >= ${`(${b},0)`}::tid AND ctid < ${`(${b + REMOVE_BLOCKS},0)`}::tid AND import_id = ${importId}`.execute(db);
    }
  }
  await db.deleteFrom("ledger_imports").where("id", "=", importId).where("status", "=", "importing").execute();
}

/**
 * Removes what imports cut off by a process that died (a crash, a kill) had staged. Only for
 * the embedded database, by the process that has just locked its directory: no other process
 * can be importing into it (src/db/data-dir-lock.ts). Returns the imports removed.
 */
export async function removeInterruptedImports(db: Db): Promise<number[]> {
  const left = await db.selectFrom("ledger_imports").select("id").where("status", "=", "importing").orderBy("id").execute();
  for (const { id } of left) await removeStagedImport(db, id);
  return left.map((r) => r.id);
}
