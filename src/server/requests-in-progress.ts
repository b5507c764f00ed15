import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";

// How many requests this process is answering now. Only a hint for background work in the same
// process (an import gives way while people wait for answers); nothing is decided by it, so it
// may live in memory.
let inProgress = 0;

export const countRequests: MiddlewareHandler<AppEnv> = async (_c, next) => {
  inProgress++;
  try {
    await next();
  } finally {
    inProgress--;
  }
};

/** Parsing pauses this long while someone else's request is in progress. */
const PAUSE_MS = 10;

/**
 * For an import started by a request that has been answered: while other requests are in
 * progress, a short pause that leaves the cores to them (on two cores, an import and the
 * database's COPY left a login's password hash a third of one); otherwise one turn of the loop.
 */
export function giveWayToRequests(): Promise<void> {
  return new Promise((resolve) => (inProgress > 0 ? setTimeout(resolve, PAUSE_MS) : setImmediate(resolve)));
}

/**
 * Resolves once no request is being answered, or after `limitMs`: a stopping server waits for
 * it before closing the database, because a handler may still be running after its client hung
 * up (the HTTP server then counts no connection and reports itself closed).
 */
export async function requestsFinished(limitMs = 10_000): Promise<void> {
  const until = performance.now() + limitMs;
  while (inProgress > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
}
