import pg from "pg";
import type { Db } from "./connect";

export interface NoticeHandlers {
  /** A notice on the channel, with its payload. */
  notice(payload: string): void;
  /** Listening from now on: notices sent before this may have been missed. */
  listening(): void;
  /** No longer listening (the connection broke): notices may be missed until `listening` again. */
  lost(): void;
}

export interface Listener {
  stop(): Promise<void>;
}

type Subscribe = (channel: string, handlers: NoticeHandlers) => Promise<Listener>;
const subscribers = new WeakMap<Db, Subscribe>();

/** Called by openDatabase: how a database opened there delivers PostgreSQL's notices. */
export function registerNotices(db: Db, subscribe: Subscribe): void {
  subscribers.set(db, subscribe);
}

/**
 * Listens to a channel of PostgreSQL notices (NOTIFY) on a database opened by openDatabase.
 * Undefined for a database opened elsewhere: the caller then has no notices and must not rely on them.
 */
export function listenTo(db: Db, channel: string, handlers: NoticeHandlers): Promise<Listener> | undefined {
  return subscribers.get(db)?.(channel, handlers);
}

const RECONNECT_MS = 1000;

/**
 * PostgreSQL: a connection of its own, outside the pool, that only listens. When it breaks the
 * handlers hear `lost` at once and it is opened again every second until it listens again.
 */
export function postgresNotices(url: string): Subscribe {
  return async (channel, handlers) => {
    let stopped = false;
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    const reconnect = () => {
      if (stopped || retry) return;
      retry = setTimeout(() => {
        retry = undefined;
        void open();
      }, RECONNECT_MS);
      retry.unref();
    };
    const open = async () => {
      // Named, so that an operator sees in pg_stat_activity what the extra connection is.
      const c = new pg.Client({ connectionString: url, application_name: "fordela-notices" });
      client = c;
      let down = false;
      const broke = () => {
        if (down) return;
        down = true;
        handlers.lost();
        void c.end().catch(() => {});
        reconnect();
      };
      c.on("error", broke);
      c.on("end", broke);
      c.on("notification", (n) => {
        if (n.channel === channel) handlers.notice(n.payload ?? "");
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        if (stopped) return void (await c.end().catch(() => {}));
        if (!down) handlers.listening();
      } catch {
        broke();
      }
    };
    await open();
    return {
      async stop() {
        stopped = true;
        clearTimeout(retry);
        handlers.lost();
        await client?.end().catch(() => {});
      },
    };
  };
}
