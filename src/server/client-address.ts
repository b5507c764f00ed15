import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "./context";

/**
 * The client's address for throttling and the audit log. Behind a reverse proxy every request
 * comes from the proxy, so with trustProxy the last X-Forwarded-For entry (the one the proxy
 * itself appended, which a client cannot forge) is used instead.
 */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  if (c.get("config").trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
    return undefined;
  }
}
