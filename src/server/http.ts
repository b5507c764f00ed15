import { serve, type ServerType } from "@hono/node-server";
import { keepSessions } from "../app/auth/kept-sessions";
import { UserFacingError } from "../core/errors";
import type { Db } from "../db/connect";
import { createApp } from "./app";
import type { AppConfig } from "./context";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(db: Db, config: AppConfig & { port: number; hostname?: string }): Promise<RunningServer> {
  const app = createApp(db, config);
  const hostname = config.hostname ?? "127.0.0.1";
  const stopKeeping = config.keepSessions === false ? async () => {} : await keepSessions(db);
  return new Promise<RunningServer>((resolve, reject) => {
    let server: ServerType;
    // eslint-disable-next-line prefer-const
    server = serve({ fetch: app.fetch, port: config.port, hostname }, (info) => {
      resolve({
        url: `http://localhost:${info.port}`,
        close: async () => {
          await new Promise<void>((done) => server.close(() => done()));
          await stopKeeping();
        },
      });
    });
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE") reject(new UserFacingError(`Porten ${config.port} på ${hostname} används redan av ett annat program. Välj en annan med --port eller PORT.`, { code: "port_in_use", where: { field: "--port" } }));
      else if (err.code === "EACCES") reject(new UserFacingError(`Porten ${config.port} på ${hostname} får inte användas av den här användaren. Välj en port över 1024 med --port.`, { code: "port_denied", where: { field: "--port" } }));
      else if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND") reject(new UserFacingError(`Adressen ${hostname} finns inte på den här datorn (--host).`, { code: "bad_host", where: { field: "--host" } }));
      else reject(err);
    });
  }).catch(async (err: unknown) => {
    await stopKeeping();
    throw err;
  });
}
