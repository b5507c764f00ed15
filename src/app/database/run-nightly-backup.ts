import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeBackup } from "../../db/backup/write-backup";
import type { Db } from "../../db/connect";
import { systemActor } from "../actor";
import { writeAudit } from "../audit";

export interface NightlyBackupConfig {
  dir: string;
  /** How many nightly files to keep; older ones are removed after a new one is written. */
  keep: number;
}

export type NightlyBackupOutcome =
  | { ran: false; reason: "claimed-elsewhere" }
  | { ran: true; file: string; rows: number; removed: string[] };

const NIGHTLY_FILE = /^fordela-\d{4}-\d{2}-\d{2}\.fordela\.gz$/;

/** FORDELA_BACKUP_DIR and FORDELA_BACKUP_KEEP (default 14), or null when nightly backups are off. */
export function nightlyBackupConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NightlyBackupConfig | null {
  const dir = env.FORDELA_BACKUP_DIR?.trim();
  if (!dir) return null;
  const keepText = env.FORDELA_BACKUP_KEEP?.trim() || "14";
  const keep = Number(keepText);
  if (!Number.isSafeInteger(keep) || keep < 1) throw new Error(`FORDELA_BACKUP_KEEP måste vara ett heltal från 1, fick "${keepText}".`);
  return { dir, keep };
}

/**
 * The night's backup, written by exactly one of the server instances sharing the database: the
 * one whose insert of the night's row succeeds. Then the folder is pruned to the newest `keep`
 * nightly files (only files named like ours are touched).
 */
export async function runNightlyBackup(db: Db, kind: "pglite" | "postgres", config: NightlyBackupConfig, night: string, instance: string): Promise<NightlyBackupOutcome> {
  const claimed = await db
    .insertInto("backup_runs")
    .values({ night, claimed_by: instance })
    .onConflict((oc) => oc.column("night").doNothing())
    .returning("night")
    .executeTakeFirst();
  if (!claimed) return { ran: false, reason: "claimed-elsewhere" };
  try {
    mkdirSync(config.dir, { recursive: true });
    const file = join(config.dir, `fordela-${night}.fordela.gz`);
    // A file of the same night left by an earlier, interrupted run is replaced.
    if (existsSync(file)) rmSync(file);
    const summary = await writeBackup(db, file, kind);
    await db.updateTable("backup_runs").set({ finished_at: new Date(), file }).where("night", "=", night).execute();
    await writeAudit(db, systemActor(instance), { action: "backup", entity: "database", after: { file, tables: summary.tables, rows: summary.rows } });
    const nightly = readdirSync(config.dir).filter((f) => NIGHTLY_FILE.test(f)).sort();
    const removed = nightly.slice(0, Math.max(0, nightly.length - config.keep));
    for (const f of removed) rmSync(join(config.dir, f), { force: true });
    return { ran: true, file, rows: summary.rows, removed };
  } catch (err) {
    await db.updateTable("backup_runs").set({ error: err instanceof Error ? err.message : String(err) }).where("night", "=", night).execute();
    throw err;
  }
}
