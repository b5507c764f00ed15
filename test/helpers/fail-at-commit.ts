import { sql } from "kysely";
import type { Db } from "../../src/db/connect";

/**
 * Makes every transaction that inserts into or updates `table` fail at COMMIT (a deferred
 * constraint trigger), after all of the use case's statements — the change and its audit row —
 * have run. A use case that writes its audit row in the change's transaction then leaves
 * neither; one that writes it outside leaves an audit row for a change that never happened.
 * Returns a function that removes the trigger.
 */
export async function failAtCommit(db: Db, table: string): Promise<() => Promise<void>> {
  const name = `fail_at_commit_${table}`;
  // One statement per query: the extended protocol takes no more.
  await sql.raw(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: commit refused'; END $$`).execute(db);
  await sql.raw(`CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT OR UPDATE OR DELETE ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${name}()`).execute(db);
  return async () => {
    await sql.raw(`DROP TRIGGER ${name} ON ${table}`).execute(db);
    await sql.raw(`DROP FUNCTION ${name}()`).execute(db);
  };
}
