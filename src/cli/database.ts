import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase, type OpenDatabase } from "../db/connect";
import { lockDataDir, type DataDirLock } from "../db/data-dir-lock";
import { migrate } from "../db/migrate";
import { ensureReferenceData } from "../db/queries/reference-state";
import { removeInterruptedImports } from "../ledger/staged-import";

/** The embedded database lives here unless FORDELA_DATA_DIR or DATABASE_URL says otherwise. */
export function defaultDataDir(): string {
  return resolve(process.env.FORDELA_DATA_DIR ?? ".fordela/data");
}

export type AppDatabase = OpenDatabase & {
  /** The embedded data directory's lock (none on PostgreSQL, where many processes may connect). */
  lock?: DataDirLock;
};

/**
 * Opens the configured database, applies migrations and makes sure the reference data is loaded.
 * An embedded data directory is locked for this process first (src/db/data-dir-lock.ts): a
 * second fordela process on the same directory is refused, naming the one that holds it.
 */
export async function openAppDatabase(log: (line: string) => void = () => {}, command = process.argv[2] ?? "fordela"): Promise<AppDatabase> {
  const url = process.env.DATABASE_URL;
  let opened: AppDatabase;
  if (url) {
    opened = await openDatabase({ url });
    log(`Databas: PostgreSQL (${new URL(url).host})`);
  } else {
    const dataDir = defaultDataDir();
    mkdirSync(dataDir, { recursive: true });
    const lock = lockDataDir(dataDir, command);
    try {
      const embedded = await openDatabase({ dataDir });
      opened = {
        ...embedded,
        lock,
        async close() {
          try {
            await embedded.close();
          } finally {
            lock.release();
          }
        },
      };
    } catch (e) {
      lock.release();
      throw e;
    }
    log(`Databas: inbäddad PGlite i ${dataDir}`);
  }
  const applied = await migrate(opened.db);
  if (applied.length > 0) log(`Migreringar körda: ${applied.join(", ")}`);
  await ensureReferenceData(opened.db);
  if (opened.lock) {
    // This process holds the directory: an import still marked as running belonged to one that died.
    const removed = await removeInterruptedImports(opened.db);
    if (removed.length > 0) log(`Avbrutna importer borttagna: ${removed.join(", ")}`);
  }
  return opened;
}
