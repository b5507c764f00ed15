import type { Db } from "../../db/connect";
import { listenTo, type Listener } from "../../db/notices";
import { SessionCache } from "./session-cache";

/** The channel migration 0093's triggers announce changes to sessions, users, roles and organisations on. */
export const AUTH_CHANNEL = "fordela_auth";

interface Running {
  cache: SessionCache;
  listener: Listener;
  servers: number;
}

const running = new WeakMap<Db, Running>();

/** The sessions kept for a database, while a server on it keeps them; undefined otherwise (every lookup asks the database). */
export function keptSessionsOf(db: Db): SessionCache | undefined {
  return running.get(db)?.cache;
}

/**
 * Starts keeping sessions on a database opened by openDatabase, listening to its notices; the
 * answer stops it. Servers in one process on one database share one cache. A database opened
 * elsewhere (no notices) keeps nothing.
 */
export async function keepSessions(db: Db): Promise<() => Promise<void>> {
  const already = running.get(db);
  if (already) {
    already.servers++;
    return stopper(db, already);
  }
  const cache = new SessionCache();
  const listening = listenTo(db, AUTH_CHANNEL, {
    notice: (payload) => cache.noticed(payload),
    listening: () => cache.listening(true),
    lost: () => cache.listening(false),
  });
  if (!listening) return async () => {};
  const entry: Running = { cache, listener: await listening, servers: 1 };
  running.set(db, entry);
  return stopper(db, entry);
}

function stopper(db: Db, entry: Running): () => Promise<void> {
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    if (--entry.servers > 0) return;
    running.delete(db);
    await entry.listener.stop();
  };
}

/**
 * After a write through this server: whatever it changed is dropped here at once, not when its
 * notice arrives, so the writer's next request already sees it.
 */
export function forgetKeptSessions(db: Db): void {
  keptSessionsOf(db)?.forgetAll();
}
