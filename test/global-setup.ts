import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { embeddedClient, openDatabase, type OpenDatabase } from "../src/db/connect";
import { migrate } from "../src/db/migrate";
import { ensureReferenceData } from "../src/db/queries/reference-state";

/**
 * Builds the databases every test file starts from, once per run: creating a PGlite cluster
 * (initdb) and applying the migrations cost seconds in each of a hundred test files, while
 * loading a dump or copying a template costs a fraction of one. Each test file still gets a
 * database of its own; only its starting point is shared.
 *
 * - PGlite: a dump of a migrated cluster (for createTestDatabase) and a data directory that is
 *   also loaded with the reference data, as `fordela` leaves it on first start (for the CLI).
 * - PostgreSQL: two template databases with the same contents, for CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const webBuild = buildWebBundle(project);
  const removeBundle = buildCliBundle(project);
  const serverUrl = process.env.DATABASE_URL;
  const removeTemplates = serverUrl ? await setupServerTemplates(project, serverUrl) : await setupEmbeddedTemplates(project);
  const removeWeb = await webBuild;
  return async () => {
    removeBundle();
    removeWeb();
    await removeTemplates();
  };
}

/**
 * The web UI built from the current sources into a private folder, once per run, for the
 * browser tests (test/helpers/browser.ts): sixteen test files each building it cost half a
 * minute a run. Built while the templates are made; a running server's dist/web is never touched.
 */
async function buildWebBundle(project: TestProject): Promise<() => void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const webDir = mkdtempSync(join(tmpdir(), "fordela-web-"));
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [vite, "build", "--config", "src/web/vite.config.ts", "--outDir", webDir, "--emptyOutDir", "--logLevel", "error"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (c) => resolve({ code: c, stderr: err }));
  });
  if (code !== 0) throw new Error(`Kunde inte bygga webbgränssnittet för testerna:\n${stderr}`);
  project.provide("webBundle", webDir);
  return () => rmSync(webDir, { recursive: true, force: true });
}

/**
 * The compiled CLI that CLI tests run (test/helpers/cli.ts), built from the sources as they are
 * now, inside the installation folder (dist/, ignored by git) so it finds data/ and migrations.
 */
function buildCliBundle(project: TestProject): () => void {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const folder = join(root, "dist", `test-cli-${process.pid}`);
  const bundle = join(folder, "fordela.mjs");
  const built = spawnSync(process.execPath, [join(root, "scripts/build-server.mjs"), "--outfile", bundle], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`Kunde inte bygga CLI:t för testerna:\n${built.stderr}`);
  project.provide("cliBundle", bundle);
  return () => rmSync(folder, { recursive: true, force: true });
}

async function setupEmbeddedTemplates(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), "fordela-test-templates-"));
  const dumpPath = join(folder, "migrated.tar");
  const migrated = await openDatabase({ dataDir: "memory://" });
  await migrate(migrated.db);
  const dump = await embeddedClient(migrated.db)!.dumpDataDir("none");
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await migrated.close();

  const cliDataDir = join(folder, "cli-data");
  const cli = await openDatabase({ dataDir: cliDataDir });
  await prepareLikeFirstStart(cli);
  await cli.close();

  project.provide("embeddedTemplateDump", dumpPath);
  project.provide("embeddedCliTemplateDir", cliDataDir);
  return async () => rmSync(folder, { recursive: true, force: true });
}

async function setupServerTemplates(project: TestProject, serverUrl: string): Promise<() => Promise<void>> {
  const suffix = `${process.pid}_${randomBytes(4).toString("hex")}`;
  const migratedName = `fordela_template_${suffix}`;
  const cliName = `fordela_template_cli_${suffix}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${migratedName}`);
  await adminQuery(serverUrl, `CREATE DATABASE ${cliName}`);
  const migrated = await openDatabase({ url: databaseUrl(serverUrl, migratedName) });
  await migrate(migrated.db);
  await migrated.close();
  const cli = await openDatabase({ url: databaseUrl(serverUrl, cliName) });
  await prepareLikeFirstStart(cli);
  await cli.close();

  project.provide("serverTemplate", migratedName);
  project.provide("serverCliTemplate", cliName);
  return async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${migratedName} WITH (FORCE)`);
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${cliName} WITH (FORCE)`);
  };
}

async function prepareLikeFirstStart(opened: OpenDatabase): Promise<void> {
  await migrate(opened.db);
  await ensureReferenceData(opened.db);
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    embeddedTemplateDump: string;
    embeddedCliTemplateDir: string;
    serverTemplate: string;
    serverCliTemplate: string;
    cliBundle: string;
    webBundle: string;
  }
}
