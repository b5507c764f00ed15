import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { changeOwnPassword } from "../../app/auth/change-own-password";
import { logIn } from "../../app/auth/log-in";
import { logOut } from "../../app/auth/log-out";
import { defaultSessionPolicy } from "../../app/auth/sessions";
import { LoginThrottledError } from "../../app/auth/throttle";
import { passwordMaxLength } from "../../core/passwords/policy";
import { sessionCookie } from "../auth/sessions";
import { loadUser } from "../auth/users";
import { clientAddress } from "../client-address";
import { requireUser, type App } from "../context";
import { errorResponses, ErrorSchema, jsonBody, jsonResponse, UserSchema } from "../schemas";

const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() }).openapi("Session");

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["Inloggning"],
  summary: "Logga in med användarnamn och lösenord",
  description: "Misslyckade försök bromsas per konto och per klientadress: efter 5 fel i rad väntar nästa försök 1, 2, 4 … sekunder, efter 10 är kontot spärrat i 15 minuter (svar 429 med Retry-After).",
  request: jsonBody(z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) })),
  responses: {
    200: jsonResponse(SessionSchema, "Inloggad; sessionskakan är satt"),
    ...errorResponses,
    429: { description: "För många misslyckade försök: vänta (Retry-After, sekunder)", content: { "application/json": { schema: ErrorSchema } } },
  },
});

const me = createRoute({
  method: "get",
  path: "/api/auth/me",
  tags: ["Inloggning"],
  summary: "Den inloggade användaren och formulärens CSRF-token",
  responses: { 200: jsonResponse(SessionSchema, "Inloggad användare"), ...errorResponses },
});

const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["Inloggning"],
  summary: "Logga ut",
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Utloggad"), ...errorResponses },
});

const changePassword = createRoute({
  method: "post",
  path: "/api/auth/password",
  tags: ["Inloggning"],
  summary: "Byt lösenord",
    description: "Det nya lösenordet ska ha minst 15 tecken och får inte finnas bland vanliga läckta lösenord. Användarens andra sessioner avslutas.",
  request: jsonBody(z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(passwordMaxLength * 4) })),
  responses: { 200: jsonResponse(z.object({ ok: z.boolean(), endedSessions: z.number().int() }), "Bytt"), ...errorResponses },
});

export function registerAuthRoutes(app: App) {
  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid("json");
    const db = c.get("db");
    let session;
    try {
      session = await logIn(db, { username, password, clientAddress: clientAddress(c), userAgent: c.req.header("user-agent") }, c.get("config").sessionPolicy ?? defaultSessionPolicy);
    } catch (err) {
      if (err instanceof LoginThrottledError) c.header("Retry-After", String(err.retryAfterSeconds));
      throw err;
    }
    setCookie(c, sessionCookie, session.token, {
      httpOnly: true,
      secure: c.get("config").secureCookies,
      sameSite: "Strict",
      path: "/",
      expires: session.expiresAt,
    });
    const user = (await loadUser(db, session.userId))!;
    return c.json({ user, csrfToken: session.csrfToken }, 200);
  });

  app.openapi(me, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json({ user, csrfToken: c.get("csrfToken")! }, 200);
  });

  app.openapi(logout, async (c) => {
    await logOut(c.get("db"), c.get("user"), c.get("sessionToken"));
    deleteCookie(c, sessionCookie, { path: "/" });
    return c.json({ ok: true }, 200);
  });

  app.openapi(changePassword, async (c) => {
    const user = requireUser(c.get("user"));
    const { currentPassword, newPassword } = c.req.valid("json");
    const { endedSessions } = await changeOwnPassword(c.get("db"), user, { currentPassword, newPassword, keepSessionToken: c.get("sessionToken") });
    return c.json({ ok: true, endedSessions }, 200);
  });
}
