import { hostname } from "node:os";
import { nightlyBackupConfigFromEnv, runNightlyBackup } from "../app/database/run-nightly-backup";
import { todayInSweden } from "../core/grants/dates";
import { embeddedClient, type Db } from "../db/connect";

const CHECK_MS = 10 * 60 * 1000;
/** Nightly means after 02:00 Swedish time, when nobody works; a server started later that day catches up. */
const FROM_HOUR = 2;

function swedishHour(now: Date): number {
  return Number(new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", hour12: false }).format(now));
}

/**
 * Checks every ten minutes whether tonight's backup is due and, if this instance wins the
 * night's claim in the database, writes it. Returns a stop function, or null when
 * FORDELA_BACKUP_DIR is unset.
 */
export function startBackupTimer(db: Db, log: (line: string) => void): (() => void) | null {
  const config = nightlyBackupConfigFromEnv();
  if (!config) return null;
  const kind = embeddedClient(db) ? "pglite" : "postgres";
  const instance = `${hostname()}:${process.pid}`;
  let running = false;
  const tick = async () => {
    const now = new Date();
    if (running || swedishHour(now) < FROM_HOUR) return;
    running = true;
    try {
      const outcome = await runNightlyBackup(db, kind, config, todayInSweden(now), instance);
      if (outcome.ran) log(`Nattlig säkerhetskopia skriven: ${outcome.file} (${outcome.rows} rader)${outcome.removed.length ? `; borttagna: ${outcome.removed.join(", ")}` : ""}`);
    } catch (err) {
      log(`Nattlig säkerhetskopia misslyckades: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
