import { serve, type ServerType } from "@hono/node-server";
import type { Db } from "../db/connect";
import { createApp } from "./app";
import type { AppConfig } from "./context";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(db: Db, config: AppConfig & { port: number; hostname?: string }): Promise<RunningServer> {
  const app = createApp(db, config);
  return new Promise((resolve) => {
    let server: ServerType;
    // eslint-disable-next-line prefer-const
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.hostname ?? "127.0.0.1" }, (info) => {
      resolve({
        url: `http://localhost:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
