import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/db/connect";
import { migrate } from "../../src/db/migrate";

/**
 * A new database on the server at serverUrl, a copy of the run's template (test/global-setup.ts);
 * drop() removes it and ends its connections.
 */
async function createServerDatabase(serverUrl: string, prefix: string, template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // Two files copying one template at the same moment are refused ("being accessed by other
  // users" is about the template's own connections, never ours, but CREATE DATABASE also takes a
  // lock on it): retry briefly instead of failing the file.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (e) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
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

let migratedDump: Blob | undefined;

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server named by DATABASE_URL (dropped again by close()), so test files
 * running in parallel never see each other's rows. Both start from the run's migrated
 * template; migrate() then only confirms that nothing is pending.
 */
export async function createTestDatabase(): Promise<OpenDatabase & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    migratedDump ??= new Blob([readFileSync(inject("embeddedTemplateDump"))]);
    const opened = await openDatabase({ dataDir: "memory://", loadDataDir: migratedDump });
    await migrate(opened.db);
    return opened;
  }
  const created = await createServerDatabase(serverUrl, "fordela_test", inject("serverTemplate"));
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
 * directory, or a fresh PostgreSQL database when DATABASE_URL is set. Both start as `fordela`
 * leaves a new database after its first start (migrated, reference data loaded), copied from
 * the run's template. drop() removes it.
 */
export async function createCliEnvironment(): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "fordela-cli-"));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    cpSync(inject("embeddedCliTemplateDir"), dataDir, { recursive: true });
    // A test that opened the directory itself (to tamper with it, or to count rows) has a PGlite
    // that still writes its last files there a moment after close(): removing the directory
    // under it makes that write fail as an unhandled rejection in the test's process.
    return { env: { ...process.env, FORDELA_DATA_DIR: dataDir }, drop: async () => {
      await new Promise((r) => setTimeout(r, 1000));
      removeDir();
    } };
  }
  const created = await createServerDatabase(serverUrl, "fordela_cli", inject("serverCliTemplate"));
  return {
    env: { ...process.env, DATABASE_URL: created.url, FORDELA_DATA_DIR: dataDir },
    async drop() {
      removeDir();
      await created.drop();
    },
  };
}
