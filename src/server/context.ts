import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "../db/connect";
import type { CurrentUser } from "./auth/users";
import { ApiError } from "./errors";

export interface AppConfig {
  /** Set Secure on cookies. Off only for plain-http use outside localhost. */
  secureCookies: boolean;
  /** Folder holding the built web UI (index.html and assets), if any. */
  webDir?: string;
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
