import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "./schema";

const waitingFor = new WeakMap<Kysely<Database>, Map<string, Promise<readonly unknown[]>>>();

/**
 * Runs a read, or joins the same read (same SQL, same values) while it still waits for a
 * connection: under load the pool's queue holds many requests asking the same thing (every page
 * asks for the organisations), and one round trip answers them all. A read joins only one that
 * has not been sent: it runs after every joiner asked, so each gets an answer at least as fresh as
 * its own would have been, and a writer's next read still sees its write. Once a connection is
 * free the read leaves the waiting list; the next identical one starts a new wait.
 *
 * Only for a select outside a transaction (in a transaction it simply runs). The rows are shared
 * by every joiner, so they are frozen.
 */
export function sharedRead<R>(db: Kysely<Database>, query: CompiledQuery): Promise<readonly R[]> {
  if (db.isTransaction) return db.executeQuery<R>(query).then((r) => r.rows);
  let waiting = waitingFor.get(db);
  if (!waiting) waitingFor.set(db, (waiting = new Map()));
  const key = `${query.sql}\u0000${JSON.stringify(query.parameters)}`;
  const joined = waiting.get(key);
  if (joined) return joined as Promise<readonly R[]>;
  const list = waiting;
  const rows: Promise<readonly R[]> = db
    .connection()
    .execute(async (connection) => {
      // On its way now: whoever asks from here on must not get an answer to an earlier question.
      if (list.get(key) === rows) list.delete(key);
      const result = await connection.executeQuery<R>(query);
      for (const row of result.rows) Object.freeze(row);
      return Object.freeze(result.rows);
    })
    .finally(() => {
      if (list.get(key) === rows) list.delete(key);
    });
  list.set(key, rows);
  return rows;
}
