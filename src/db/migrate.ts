import { readdirSync, readFileSync } from "node:fs";
import { installPath } from "../install-root";
import { sql } from "kysely";
import type { Db } from "./connect";

// The .sql files ship in the source tree; a bundled build reads them from there too.
const migrationsDir = installPath("src", "db", "migrations") + "/";

export interface MigrationFile {
  name: string;
  statements: string[];
}

/**
 * Splits a migration into statements at semicolons that end a line. PGlite's query protocol
 * takes one statement at a time, so migrations keep to that shape (no multi-line function bodies).
 */
export function splitStatements(text: string): string[] {
  const withoutComments = text
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n");
  return withoutComments
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function listMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, statements: splitStatements(readFileSync(dir + name, "utf8")) }));
}

/** Applies pending migrations in order, each in its own transaction. Returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const done = await db.transaction().execute(async (trx) => {
      // Two servers starting at once against one PostgreSQL must not both apply a migration.
      await sql`SELECT pg_advisory_xact_lock(7461001)`.execute(trx);
      const seen = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name = ${migration.name}`.execute(trx);
      if (seen.rows.length > 0) return false;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await sql`INSERT INTO schema_migrations (name) VALUES (${migration.name})`.execute(trx);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

export interface MigrationStatus {
  /** Shipped with this version but not applied to the database. */
  pending: string[];
  /** Applied to the database but not shipped with this version: the database is newer than the code. */
  unknown: string[];
}

/** Whether the database's schema is the one this version ships, for health checks. */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const shipped = listMigrations().map((m) => m.name);
  const exists = await sql<{ present: boolean }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`.execute(db);
  const applied = exists.rows[0]?.present ? (await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db)).rows.map((r) => r.name) : [];
  const appliedSet = new Set(applied);
  const shippedSet = new Set(shipped);
  return { pending: shipped.filter((n) => !appliedSet.has(n)), unknown: applied.filter((n) => !shippedSet.has(n)) };
}
