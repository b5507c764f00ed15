import type { OpenAPIHono } from "@hono/zod-openapi";
import type { OidcConfig } from "../app/auth/oidc-config";
import type { SessionPolicy } from "../app/auth/sessions";
import type { Db } from "../db/connect";
import type { CurrentUser } from "./auth/users";
import { ApiError } from "./errors";

export interface AppConfig {
  /** Set Secure on cookies. Off only for plain-http use outside localhost. */
  secureCookies: boolean;
  /** Folder holding the built web UI (index.html and assets), if any. */
  webDir?: string;
  /** Idle and absolute session timeouts (FORDELA_SESSION_IDLE_MINUTES, FORDELA_SESSION_MAX_HOURS). */
  sessionPolicy?: SessionPolicy;
  /** Take the client's address from X-Forwarded-For (FORDELA_TRUST_PROXY=1, behind a reverse proxy). */
  trustProxy?: boolean;
  /** Origins allowed to write (FORDELA_ORIGIN); by default the Origin's host must be the request's Host. */
  allowedOrigins?: string[];
  /** Single sign-on through an OpenID Connect provider (FORDELA_OIDC_*); off when absent. */
  oidc?: OidcConfig;
  /**
   * A connection of its own for /api/health (PostgreSQL): behind a busy pool the check would wait
   * its turn with every request, and a load balancer would take a loaded instance for a dead one.
   */
  healthDb?: Db;
  /**
   * Keep the sessions read, dropped on the database's notices (src/app/auth/kept-sessions.ts);
   * on unless false. Off (FORDELA_KEEP_SESSIONS=0) behind a pooler in transaction mode, where
   * LISTEN is not heard.
   */
  keepSessions?: boolean;
}

export interface AppEnv {
  Variables: {
    db: Db;
    config: AppConfig;
    user: CurrentUser | undefined;
    sessionToken: string | undefined;
    csrfToken: string | undefined;
  };
}

export type App = OpenAPIHono<AppEnv>;

export function requireUser(user: CurrentUser | undefined): CurrentUser {
  if (!user) throw new ApiError(401, "unauthenticated", "Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.");
  return user;
}

export function requireAdmin(user: CurrentUser | undefined): CurrentUser {
  const u = requireUser(user);
  if (!u.isAdmin) throw new ApiError(403, "forbidden", "Sidan är bara för administratörer.");
  return u;
}
