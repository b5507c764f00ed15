import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "../../src/db/connect";
import { migrate } from "../../src/db/migrate";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server named by DATABASE_URL (dropped again by close()), so test files
 * running in parallel never see each other's rows.
 */
export async function createTestDatabase(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const opened = await openDatabase({ dataDir: "memory://" });
    await migrate(opened.db);
    return opened;
  }
  const name = `fordela_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const opened = await openDatabase({ url: testUrl.toString() });
  await migrate(opened.db);
  return {
    ...opened,
    async close() {
      await opened.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Environment for running the CLI against a database of its own: a temporary PGlite data
 * directory, or a fresh PostgreSQL database when DATABASE_URL is set. drop() removes it.
 */
export async function createCliEnvironment(): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dataDir = mkdtempSync(join(tmpdir(), "fordela-cli-"));
  const url = process.env.DATABASE_URL;
  if (!url) {
    return { env: { ...process.env, FORDELA_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `fordela_cli_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    env: { ...process.env, DATABASE_URL: testUrl.toString(), FORDELA_DATA_DIR: dataDir },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
