import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadDemoData } from "../../db/demo/load";
import { ensureFirstAdmin } from "../../server/bootstrap";
import { startServer } from "../../server/http";
import { startReminderTimer } from "../../server/mail/timer";
import { openAppDatabase } from "../database";
import { installPath } from "../../install-root";

export const serveHelp = `fordela serve [--port 3000] [--host 127.0.0.1] [--demo]
  Startar webbgränssnittet och API:t. --demo laddar exemplen från seed-dokumenten om de saknas.`;

export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
      demo: { type: "boolean", default: false },
    },
  });
  const log = (line: string) => console.log(line);
  const opened = await openAppDatabase(log);
  const admin = await ensureFirstAdmin(opened.db);
  if (values.demo) {
    const loaded = await loadDemoData(opened.db, log);
    if (loaded.length > 0) log(`Exempeldata laddad: ${loaded.join("; ")}`);
  }
  const webDir = installPath("dist", "web");
  const server = await startServer(opened.db, {
    port: Number(values.port),
    hostname: values.host,
    secureCookies: process.env.FORDELA_INSECURE_COOKIES !== "1",
    webDir: existsSync(webDir) ? webDir : undefined,
  });
  log(`Fördela körs på ${server.url}`);
  const stopReminders = startReminderTimer(opened.db, log);
  if (stopReminders) log("E-postpåminnelser om tidsfrister skickas dagligen.");
  if (admin) {
    log("");
    log("Första administratören är skapad. Lösenordet visas bara nu:");
    log(`  användarnamn: ${admin.username}`);
    log(`  lösenord:     ${admin.password}`);
    log("Byt lösenordet vid första inloggningen.");
  }
  const stop = async () => {
    stopReminders?.();
    await server.close();
    await opened.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
