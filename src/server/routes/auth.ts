import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { verifyPassword, hashPassword, minimumPasswordLength } from "../auth/password";
import { createSession, deleteSession, sessionCookie } from "../auth/sessions";
import { loadUser } from "../auth/users";
import { writeAudit } from "../../app/audit";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, jsonBody, jsonResponse, UserSchema } from "../schemas";

const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() }).openapi("Session");

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["Inloggning"],
  summary: "Logga in med användarnamn och lösenord",
  request: jsonBody(z.object({ username: z.string().min(1), password: z.string().min(1) })),
  responses: { 200: jsonResponse(SessionSchema, "Inloggad; sessionskakan är satt"), ...errorResponses },
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
  request: jsonBody(z.object({ currentPassword: z.string(), newPassword: z.string() })),
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Bytt"), ...errorResponses },
});

export function registerAuthRoutes(app: App) {
  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid("json");
    const db = c.get("db");
    const row = await db.selectFrom("users").select(["id", "password_hash"]).where("username", "=", username).executeTakeFirst();
    // Verify against a dummy hash when the user is unknown, so timing does not reveal usernames.
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    if (!row || !ok) throw new ApiError(401, "bad_credentials", "Fel användarnamn eller lösenord.");
    const session = await createSession(db, row.id);
    setCookie(c, sessionCookie, session.token, {
      httpOnly: true,
      secure: c.get("config").secureCookies,
      sameSite: "Strict",
      path: "/",
      expires: session.expiresAt,
    });
    const user = (await loadUser(db, row.id))!;
    await writeAudit(db, { id: user.id, username: user.username }, { action: "login", entity: "session" });
    return c.json({ user, csrfToken: session.csrfToken }, 200);
  });

  app.openapi(me, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json({ user, csrfToken: c.get("csrfToken")! }, 200);
  });

  app.openapi(logout, async (c) => {
    const token = c.get("sessionToken");
    if (token) await deleteSession(c.get("db"), token);
    deleteCookie(c, sessionCookie, { path: "/" });
    return c.json({ ok: true }, 200);
  });

  app.openapi(changePassword, async (c) => {
    const user = requireUser(c.get("user"));
    const { currentPassword, newPassword } = c.req.valid("json");
    const db = c.get("db");
    const row = await db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(currentPassword, row.password_hash))) {
      throw new ApiError(400, "bad_password", "Nuvarande lösenord stämmer inte.");
    }
    if (newPassword.length < minimumPasswordLength) {
      throw new ApiError(400, "weak_password", `Det nya lösenordet måste ha minst ${minimumPasswordLength} tecken.`);
    }
    const hash = await hashPassword(newPassword);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("users").set({ password_hash: hash, must_change_password: false }).where("id", "=", user.id).execute();
      await writeAudit(trx, user, { action: "update", entity: "user_password", entityId: user.id });
    });
    return c.json({ ok: true }, 200);
  });
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword("ingen-användare-har-detta-lösenord"));
