import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { sql, type Transaction } from "kysely";
import { installPath } from "../install-root";
import { embeddedClient, type Db } from "./connect";
import type { Database } from "./schema";

// The .sql files ship in the source tree; a bundled build reads them from there too.
const migrationsDir = installPath("src", "db", "migrations") + "/";

export interface MigrationFile {
  name: string;
  /** The file as shipped; run whole (PostgreSQL's simple query protocol and PGlite's exec both take many statements). */
  text: string;
  /** sha256 of the text with line ends made LF: an edited shipped migration is refused by it. */
  checksum: string;
}

/** The database and the shipped migrations disagree: the program must not start on it. */
export class MigrationMismatchError extends Error {
  override readonly name = "MigrationMismatchError";
}

export function checksumOf(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex");
}

const MIGRATION_FILE = /^\d{4}_.*\.sql$/;

export function listMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(dir + name, "utf8");
      return { name, text, checksum: checksumOf(text) };
    });
}

/**
 * Runs a migration's text in `trx`. PGlite's `query` takes one statement; its `exec` takes many
 * and, PGlite being one session, runs inside the transaction `trx` holds. On PostgreSQL a query
 * without parameters goes by the simple protocol, which also takes many statements.
 */
async function runMigration(db: Db, trx: Transaction<Database>, text: string): Promise<void> {
  const lite = embeddedClient(db);
  if (lite) await lite.exec(text);
  else await sql.raw(text).execute(trx);
}

/**
 * Applies pending migrations in name order, each in its own transaction, after checking that
 * the database and the shipped files agree: every applied migration still ships, unchanged
 * (its checksum is stored when applied; rows from before checksums were kept get theirs on the
 * first run). Migrations may land out of order (helpers hold number blocks), so a pending file
 * numbered below an applied one is applied too. Returns the names applied.
 */
export async function migrate(db: Db, dir = migrationsDir): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  await sql`ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text`.execute(db);
  const shipped = listMigrations(dir);
  const byName = new Map(shipped.map((m) => [m.name, m]));
  const appliedRows = await sql<{ name: string; checksum: string | null }>`SELECT name, checksum FROM schema_migrations ORDER BY name`.execute(db);
  for (const row of appliedRows.rows) {
    const file = byName.get(row.name);
    if (!file) {
      throw new MigrationMismatchError(`Databasen har migreringen ${row.name}, som inte finns i programmet: databasen hör till en nyare eller annan version av Fördela.`);
    }
    if (row.checksum === null) {
      await sql`UPDATE schema_migrations SET checksum = ${file.checksum} WHERE name = ${row.name} AND checksum IS NULL`.execute(db);
    } else if (row.checksum !== file.checksum) {
      throw new MigrationMismatchError(`Migreringen ${row.name} har ändrats sedan den kördes mot databasen; en levererad migrering får aldrig ändras (lägg till en ny fil).`);
    }
  }
  // Only the files not applied when read above: a transaction for each of ninety applied ones
  // cost every command and test a fifth of a second. The lock and the check inside still keep
  // two starting servers from applying the same one.
  const appliedBefore = new Set(appliedRows.rows.map((r) => r.name));
  const applied: string[] = [];
  for (const migration of shipped.filter((m) => !appliedBefore.has(m.name))) {
    const done = await db.transaction().execute(async (trx) => {
      // Two servers starting at once against one PostgreSQL must not both apply a migration.
      await sql`SELECT pg_advisory_xact_lock(7461001)`.execute(trx);
      const seen = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name = ${migration.name}`.execute(trx);
      if (seen.rows.length > 0) return false;
      await runMigration(db, trx, migration.text);
      await sql`INSERT INTO schema_migrations (name, checksum) VALUES (${migration.name}, ${migration.checksum})`.execute(trx);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

let shippedNames: string[] | undefined;

/**
 * The names of the migrations this version ships, read once: they are part of the installed
 * program, not of the data, and a load balancer's health polls read and hashed all ninety files
 * each time (500 answers a second at most).
 */
function shippedMigrationNames(): string[] {
  return (shippedNames ??= readdirSync(migrationsDir).filter((f) => MIGRATION_FILE.test(f)).sort());
}

export interface MigrationStatus {
  /** Shipped with this version but not applied to the database. */
  pending: string[];
  /** Applied to the database but not shipped with this version: the database is newer than the code. */
  unknown: string[];
}

/**
 * Whether the database's schema is the one this version ships, for health checks. One statement:
 * on the embedded database each one waits for the statement running before it, and an answer
 * proves the database reachable. Anything but a missing table (a database never migrated) is
 * thrown.
 */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const shipped = shippedMigrationNames();
  const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db).then(
    (r) => r.rows.map((row) => row.name),
    (e: { code?: string }) => {
      if (e?.code === "42P01") return [];
      throw e;
    },
  );
  const appliedSet = new Set(applied);
  const shippedSet = new Set(shipped);
  return { pending: shipped.filter((n) => !appliedSet.has(n)), unknown: applied.filter((n) => !shippedSet.has(n)) };
}
