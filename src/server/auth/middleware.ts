import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { findSession } from "./sessions";
import { sessionCookie } from "./sessions";
import { loadUser } from "./users";

/** Loads the session's user, if any, into the context. */
export const sessionLoader: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, sessionCookie);
  if (token) {
    const session = await findSession(c.get("db"), token);
    if (session) {
      c.set("user", await loadUser(c.get("db"), session.user_id));
      c.set("sessionToken", token);
      c.set("csrfToken", session.csrf_token);
    }
  }
  await next();
};

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A state-changing request from a logged-in browser must carry the session's CSRF token in
 * the X-CSRF-Token header; SameSite=Strict cookies are the first line, this is the second.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!safeMethods.has(c.req.method) && c.get("sessionToken")) {
    const sent = c.req.header("x-csrf-token") ?? "";
    const expected = c.get("csrfToken") ?? "";
    if (!sent || !sameToken(sent, expected)) {
      throw new ApiError(403, "csrf", "Formuläret saknar giltig säkerhetstoken (CSRF). Ladda om sidan och försök igen.");
    }
  }
  await next();
};
