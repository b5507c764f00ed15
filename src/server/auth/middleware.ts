import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { forgetKeptSessions } from "../../app/auth/kept-sessions";
import { defaultSessionPolicy, findSession } from "../../app/auth/sessions";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { sessionCookie } from "./sessions";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Loads the session's user, if any, into the context. After a write, the sessions this server
 * keeps are dropped before the answer goes out: the write may have changed one (a role, a
 * password, a logout), and the writer's next request must not see it as it was.
 */
export const sessionLoader: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, sessionCookie);
  if (token) {
    const session = await findSession(c.get("db"), token, c.get("config").sessionPolicy ?? defaultSessionPolicy);
    if (session) {
      c.set("user", session.user);
      c.set("sessionToken", token);
      c.set("csrfToken", session.csrf_token);
    }
  }
  try {
    await next();
  } finally {
    if (!safeMethods.has(c.req.method)) forgetKeptSessions(c.get("db"));
  }
};

// What a user with a one-time password may still do: see who they are, change it, log out.
const allowedBeforePasswordChange = new Set(["GET /api/auth/me", "POST /api/auth/password", "POST /api/auth/logout", "GET /api/auth/oidc/start", "GET /api/auth/oidc/callback"]);

/** The one-time password must be replaced before anything else: enforced here, not only in the web UI. */
export const passwordChangeGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get("user")?.mustChangePassword && !allowedBeforePasswordChange.has(`${c.req.method} ${c.req.path.replace(/\/+$/, "")}`)) {
    throw new ApiError(403, "password_change_required", "Du måste byta ditt tillfälliga lösenord innan du kan fortsätta.");
  }
  await next();
};

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function originAllowed(origin: string, c: Context<AppEnv>): boolean {
  const allowed = c.get("config").allowedOrigins;
  if (allowed && allowed.length > 0) return allowed.includes(origin);
  try {
    // Behind a TLS-terminating proxy the scheme the server sees differs; the host does not.
    return new URL(origin).host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false; // "null" and other opaque origins
  }
}

const honoCsrf = csrf({ origin: (origin, c) => originAllowed(origin, c as Context<AppEnv>) });
const wrongOrigin = () => new ApiError(403, "csrf_origin", "Begäran kom från en annan webbplats än Fördela och stoppades. Öppna Fördela direkt och försök igen.");

/**
 * Writes must come from Fördela's own pages. Three checks: SameSite=Strict cookies; the
 * Origin header (any write that names a foreign Origin is refused, and Hono's csrf middleware
 * refuses a form-type post without a matching Origin or Sec-Fetch-Site: same-origin); and, for a
 * logged-in browser, the session's CSRF token in X-CSRF-Token.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!safeMethods.has(c.req.method)) {
    const origin = c.req.header("origin");
    if (origin !== undefined && !originAllowed(origin, c)) throw wrongOrigin();
    // Hono's middleware treats a write without Content-Type as a form post; such a request has
    // no body a form could have sent, and API clients send them (logout), so it is left to the token.
    if (c.req.header("content-type")) {
      try {
        await honoCsrf(c, async () => {});
      } catch {
        throw wrongOrigin();
      }
    }
    if (c.get("sessionToken")) {
      const sent = c.req.header("x-csrf-token") ?? "";
      const expected = c.get("csrfToken") ?? "";
      if (!sent || !sameToken(sent, expected)) {
        throw new ApiError(403, "csrf", "Formuläret saknar giltig säkerhetstoken (CSRF). Ladda om sidan och försök igen.");
      }
    }
  }
  await next();
};
