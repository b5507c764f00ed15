import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase, type OpenDatabase } from "../db/connect";
import { migrate } from "../db/migrate";
import { ensureReferenceData } from "../db/queries/reference-state";

/** The embedded database lives here unless FORDELA_DATA_DIR or DATABASE_URL says otherwise. */
export function defaultDataDir(): string {
  return resolve(process.env.FORDELA_DATA_DIR ?? ".fordela/data");
}

/** Opens the configured database, applies migrations and makes sure the reference data is loaded. */
export async function openAppDatabase(log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  let opened: OpenDatabase;
  if (url) {
    opened = await openDatabase({ url });
    log(`Databas: PostgreSQL (${new URL(url).host})`);
  } else {
    const dataDir = defaultDataDir();
    mkdirSync(dataDir, { recursive: true });
    opened = await openDatabase({ dataDir });
    log(`Databas: inbäddad PGlite i ${dataDir}`);
  }
  const applied = await migrate(opened.db);
  if (applied.length > 0) log(`Migreringar körda: ${applied.join(", ")}`);
  await ensureReferenceData(opened.db);
  return opened;
}
