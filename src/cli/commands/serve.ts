import { parseArgs } from "node:util";
import { oidcConfigFrom } from "../../app/auth/oidc-config";
import { sessionPolicyFrom } from "../../app/auth/sessions";
import { loadDemoData } from "../../db/demo/load";
import { installPath } from "../../install-root";
import { openDatabase } from "../../db/connect";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";

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
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port!) || port > 65535) throw new CliError(`--port: "${values.port}" är ingen port; ange ett tal 0–65535.`, 2, { field: "--port" });
  const log = (line: string) => console.log(line);
  const opened = await openAppDatabase(log);
  const health = process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL, poolSize: 1 }) : undefined;
  try {
    // The one place the command line meets the server: loaded only when serving.
    const { startFordela } = await import("../../server/main");
    // Given even before `npm run build` has made it: a page then says how to build it, where it
    // used to answer a JSON "Finns inte." to a new user's browser.
    const webDir = installPath("dist", "web");
    const started = await startFordela(opened.db, {
      port,
      hostname: values.host!,
      secureCookies: process.env.FORDELA_INSECURE_COOKIES !== "1",
      webDir,
      sessionPolicy: sessionPolicyFrom(process.env),
      trustProxy: process.env.FORDELA_TRUST_PROXY === "1",
      allowedOrigins: process.env.FORDELA_ORIGIN?.split(",").map((o) => o.trim()).filter(Boolean),
      oidc: oidcConfigFrom(process.env),
      healthDb: health?.db,
      keepSessions: process.env.FORDELA_KEEP_SESSIONS !== "0",
      log,
      beforeListen: async () => {
        if (!values.demo) return;
        const loaded = await loadDemoData(opened.db, log);
        if (loaded.length > 0) log(`Exempeldata laddad: ${loaded.join("; ")}`);
      },
    });
    opened.lock?.describe({ url: started.url });
    log(`Fördela körs på ${started.url}`);
    if (started.remindersOn) log("E-postpåminnelser om tidsfrister skickas dagligen.");
    if (started.admin) {
      log("");
      log("Första administratören är skapad. Lösenordet visas bara nu:");
      log(`  användarnamn: ${started.admin.username}`);
      log(`  lösenord:     ${started.admin.password}`);
      log("Byt lösenordet vid första inloggningen.");
    }
    const stop = async () => {
      await started.stop();
      await health?.close();
      await opened.close();
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (err) {
    await health?.close();
    await opened.close();
    throw err;
  }
}
