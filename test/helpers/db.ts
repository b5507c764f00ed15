import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "../../src/db/connect";
import { migrate } from "../../src/db/migrate";

/** A new, empty database on the server at serverUrl; drop() removes it and ends its connections. */
async function createServerDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server named by DATABASE_URL (dropped again by close()), so test files
 * running in parallel never see each other's rows.
 */
export async function createTestDatabase(): Promise<OpenDatabase & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const opened = await openDatabase({ dataDir: "memory://" });
    await migrate(opened.db);
    return opened;
  }
  const created = await createServerDatabase(serverUrl, "fordela_test");
  const opened = await openDatabase({ url: created.url });
  await migrate(opened.db);
  return {
    ...opened,
    // A second connection pool on the same database, for tests of two servers sharing one.
    url: created.url,
    async close() {
      await opened.close();
      await created.drop();
    },
  };
}

/**
 * Environment for running the CLI against a database of its own: a temporary PGlite data
 * directory, or a fresh PostgreSQL database when DATABASE_URL is set. drop() removes it.
 */
export async function createCliEnvironment(): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "fordela-cli-"));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: { ...process.env, FORDELA_DATA_DIR: dataDir }, drop: async () => removeDir() };
  const created = await createServerDatabase(serverUrl, "fordela_cli");
  return {
    env: { ...process.env, DATABASE_URL: created.url, FORDELA_DATA_DIR: dataDir },
    async drop() {
      removeDir();
      await created.drop();
    },
  };
}
