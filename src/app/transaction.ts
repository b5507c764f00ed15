import type { Kysely, Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";

export type Trx = Transaction<Database>;

/**
 * Runs one use case's writes in one transaction. Everything a use case decides on — the
 * record's state, its revision, balance checks — is read inside `work`, with the row locked
 * (`forUpdate()`) or by a conditional update, so a concurrent change cannot slip in between
 * the check and the write. The audit row is written with `trx` too.
 */
export function inTransaction<T>(db: Db | Kysely<Database>, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
