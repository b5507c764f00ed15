import type { Db } from "../db/connect";
import type { AppConfig } from "./context";
import { ensureFirstAdmin } from "./bootstrap";
import { startServer } from "./http";
import { startReminderTimer } from "./mail/timer";
import { startBackupTimer } from "./backup-timer";
import { requestsFinished } from "./requests-in-progress";

export interface StartOptions extends Pick<AppConfig, "sessionPolicy" | "trustProxy" | "allowedOrigins" | "oidc" | "healthDb" | "keepSessions"> {
  port: number;
  hostname: string;
  secureCookies: boolean;
  webDir?: string;
  log: (line: string) => void;
  /** Runs once the first administrator exists and before the server listens (the demo data). */
  beforeListen?: () => Promise<void>;
}

export interface StartedFordela {
  url: string;
  /** The first administrator's one-time password, when this start created it. */
  admin?: { username: string; password: string };
  remindersOn: boolean;
  stop(): Promise<void>;
}

/**
 * The server's one entry for the command line: `fordela serve` opens the database and loads
 * this module, and nothing else in src/cli imports from src/server. Starts the HTTP server,
 * the first administrator and the daily reminders on an open database.
 */
export async function startFordela(db: Db, options: StartOptions): Promise<StartedFordela> {
  const admin = await ensureFirstAdmin(db);
  await options.beforeListen?.();
  const server = await startServer(db, { port: options.port, hostname: options.hostname, secureCookies: options.secureCookies, webDir: options.webDir, sessionPolicy: options.sessionPolicy, trustProxy: options.trustProxy, allowedOrigins: options.allowedOrigins, oidc: options.oidc, healthDb: options.healthDb, keepSessions: options.keepSessions });
  const stopReminders = startReminderTimer(db, options.log);
  const stopBackups = startBackupTimer(db, options.log);
  if (stopBackups) options.log(`Nattliga säkerhetskopior skrivs till ${process.env.FORDELA_BACKUP_DIR}.`);
  return {
    url: server.url,
    admin,
    remindersOn: stopReminders !== null,
    async stop() {
      stopReminders?.();
      stopBackups?.();
      await server.close();
      await requestsFinished();
    },
  };
}
