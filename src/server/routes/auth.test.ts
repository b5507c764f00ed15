import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../db/connect";
import { loadReferenceData } from "../../db/queries/reference";
import { createTestDatabase } from "../../../test/helpers/db";
import { sessionPolicyFrom } from "../../app/auth/sessions";
import { createUser } from "../../app/users/create-user";
import { createApp } from "../app";

// Login hardening: throttling shared through the database, the forced password change, session
// timeouts, the Origin check and the password policy.

const PASSWORD = "rätt-häst-batteri-häftklammer";
type App = ReturnType<typeof createApp>;
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

let opened: OpenDatabase & { url?: string };
let app: App;

beforeAll(async () => {
  opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  app = createApp(opened.db, { secureCookies: false, trustProxy: true });
}, 300_000);
afterAll(() => opened.close());

function post(target: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  return Promise.resolve(target.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }));
}

const attempt = (username: string, password: string, address = "10.0.0.1", target = app) => post(target, "/api/auth/login", { username, password }, { "x-forwarded-for": address });

async function session(username: string, password = PASSWORD, target = app) {
  const res = await attempt(username, password, "10.9.9.9", target);
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    Promise.resolve(
      target.request(path, {
        method,
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }), ...(body === undefined ? {} : { "content-type": "application/json" }), ...extra },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return { cookie, csrfToken, call };
}

const lockouts = async (username: string) =>
  (await opened.db.selectFrom("audit_log").select("entity").where("username", "=", username).where("action", "=", "lockout").orderBy("id").execute()).map((r) => r.entity);

const auditActions = async (username: string) =>
  (await opened.db.selectFrom("audit_log").select(["action", "entity"]).where("username", "=", username).orderBy("id").execute()).map((r) => r.action);

/** What a lockout's end looks like to the next attempt, without waiting 15 minutes. */
async function expireThrottle(username: string) {
  await opened.db.updateTable("login_throttle").set({ blocked_until: new Date(Date.now() - 1000) }).where("key", "=", `konto:${username}`).execute();
}

describe("login throttling", () => {
  it("locks an account after 200 wrong passwords in a row, says how long to wait, and audits it", async () => {
    await createUser(opened.db, { username: "serie", password: PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await attempt("serie", `fel-lösenord-${i}`, "10.0.1.1")).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.slice(-150).every((s) => s === 429)).toBe(true);

    const right = await attempt("serie", PASSWORD, "10.0.1.2");
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    const body = (await right.json()) as Json;
    expect(body.error).toMatchObject({ code: "login_locked" });
    expect(body.error!.message).toMatch(/Vänta 15 minuter/);

    const actions = await auditActions("serie");
    expect(actions.filter((a) => a === "login_failed").length).toBe(statuses.filter((s) => s === 401).length);
    // Locked once; attempts refused for the account are not charged to the address as well.
    expect(await lockouts("serie")).toEqual(["user"]);

    await expireThrottle("serie");
    expect((await attempt("serie", PASSWORD, "10.0.1.1")).status).toBe(200);
    expect(await opened.db.selectFrom("login_throttle").select("key").where("key", "=", "konto:serie").executeTakeFirst()).toBeUndefined();
  }, 600_000);

  it("locks an account after 200 wrong passwords in parallel: at most a handful are checked", async () => {
    await createUser(opened.db, { username: "parallell", password: PASSWORD });
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt("parallell", `fel-${i}`, `10.0.2.${i % 50}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(190);
    const right = await attempt("parallell", PASSWORD, "10.0.2.99");
    expect(right.status).toBe(429);
    expect(((await right.json()) as Json).error!.code).toBe("login_locked");
    expect(await lockouts("parallell")).toEqual(["user"]);
  }, 600_000);

  it("makes the next attempt wait after five failures, and says so", async () => {
    await createUser(opened.db, { username: "langsam", password: PASSWORD });
    for (let i = 0; i < 4; i++) expect((await attempt("langsam", "fel", "10.0.3.1")).status).toBe(401);
    const fifth = await attempt("langsam", "fel", "10.0.3.1");
    expect(((await fifth.json()) as Json).error!.message).toBe("Fel användarnamn eller lösenord. Vänta 1 sekund innan du försöker igen.");
    // On a busy machine a second may pass before the next request: keep the wait running.
    await opened.db.updateTable("login_throttle").set({ blocked_until: new Date(Date.now() + 30_000) }).where("key", "=", "konto:langsam").execute();
    const sixth = await attempt("langsam", PASSWORD, "10.0.3.1");
    expect(sixth.status).toBe(429);
    expect(((await sixth.json()) as Json).error!.message).toMatch(/^För många misslyckade inloggningar\. Vänta (29|30) sekunder innan du försöker igen\.$/);
  });

  it("throttles a client address that tries many accounts, and not another address", async () => {
    await createUser(opened.db, { username: "granne", password: PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 130; i++) statuses.push((await attempt(`okand${i}`, "fel", "192.0.2.66")).status);
    expect(statuses.slice(-10).every((s) => s === 429)).toBe(true);
    expect((await attempt("granne", PASSWORD, "192.0.2.66")).status).toBe(429);
    expect((await attempt("granne", PASSWORD, "192.0.2.67")).status).toBe(200);
    const locked = await opened.db.selectFrom("audit_log").select("entity_id").where("action", "=", "lockout").where("entity", "=", "client_address").execute();
    expect(locked.map((l) => l.entity_id)).toContain("192.0.2.66");
    expect(locked.map((l) => l.entity_id)).not.toContain("192.0.2.67");
  }, 600_000);

  it("shares the counters between two servers on one database", async () => {
    await createUser(opened.db, { username: "delad", password: PASSWORD });
    // A second server with its own connection pool (on PGlite, the one embedded database).
    const second = opened.url ? await openDatabase({ url: opened.url }) : undefined;
    const other = createApp(second?.db ?? opened.db, { secureCookies: false, trustProxy: true });
    try {
      // Guesses spread over both servers add up to one lockout, seen by either.
      for (let i = 0; i < 12; i++) expect([401, 429]).toContain((await attempt("delad", "fel", `198.51.100.${i}`, i % 2 ? app : other)).status);
      for (const target of [app, other]) {
        const res = await attempt("delad", PASSWORD, "198.51.100.99", target);
        expect(res.status).toBe(429);
        expect(((await res.json()) as Json).error!.code).toBe("login_locked");
      }
      expect(await lockouts("delad")).toEqual(["user"]);
    } finally {
      await second?.close();
    }
  }, 600_000);
});

describe("sessions", () => {
  it("refuses every other call with 403 until a one-time password is changed", async () => {
    await createUser(opened.db, { username: "ny", password: PASSWORD, mustChangePassword: true, roles: [{ organisationCode: "23", role: "editor" }] });
    const s = await session("ny");
    expect((await s.call("GET", "/api/auth/me")).status).toBe(200);
    const blocked = await s.call("GET", "/api/organisations");
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as Json).error).toMatchObject({ code: "password_change_required", message: "Du måste byta ditt tillfälliga lösenord innan du kan fortsätta." });
    expect((await s.call("POST", "/api/allocations", {})).status).toBe(403);
    const changed = await s.call("POST", "/api/auth/password", { currentPassword: PASSWORD, newPassword: "ett eget lösenord som är långt" });
    expect(changed.status).toBe(200);
    expect((await s.call("GET", "/api/organisations")).status).toBe(200);
  });

  it("ends the user's other sessions when the password changes, and audits the change", async () => {
    await createUser(opened.db, { username: "flera", password: PASSWORD });
    const one = await session("flera");
    const two = await session("flera");
    expect((await two.call("GET", "/api/auth/me")).status).toBe(200);
    const res = await one.call("POST", "/api/auth/password", { currentPassword: PASSWORD, newPassword: "ännu ett långt lösenord" });
    expect(await res.json()).toEqual({ ok: true, endedSessions: 1 });
    expect((await two.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await one.call("GET", "/api/auth/me")).status).toBe(200);
    expect(await auditActions("flera")).toEqual(["login", "login", "update"]);
  });

  it("ends a session after the idle timeout and after the absolute one", async () => {
    await createUser(opened.db, { username: "vilande", password: PASSWORD });
    const idle = await session("vilande");
    const long = await session("vilande");
    const rows = await opened.db.selectFrom("sessions").innerJoin("users", "users.id", "sessions.user_id").select("token_hash").where("users.username", "=", "vilande").orderBy("sessions.created_at").execute();
    await opened.db.updateTable("sessions").set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where("token_hash", "=", rows[0]!.token_hash).execute();
    await opened.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("token_hash", "=", rows[1]!.token_hash).execute();
    const statuses = [(await idle.call("GET", "/api/auth/me")).status, (await long.call("GET", "/api/auth/me")).status];
    expect(statuses.sort()).toEqual([401, 401]);
    // A shorter idle timeout configured for another server ends a session idle for 10 minutes.
    const strict = createApp(opened.db, { secureCookies: false, sessionPolicy: { idleMinutes: 5, maxHours: 12 } });
    const fresh = await session("vilande");
    await opened.db.updateTable("sessions").set({ last_seen_at: new Date(Date.now() - 10 * 60_000) }).where("user_id", "=", (await opened.db.selectFrom("users").select("id").where("username", "=", "vilande").executeTakeFirstOrThrow()).id).execute();
    expect((await strict.request("/api/auth/me", { headers: { cookie: fresh.cookie } })).status).toBe(401);
    expect((await fresh.call("GET", "/api/auth/me")).status).toBe(200);
  });

  it("reads the timeouts from the environment and refuses nonsense", () => {
    expect(sessionPolicyFrom({})).toEqual({ idleMinutes: 30, maxHours: 12 });
    expect(sessionPolicyFrom({ FORDELA_SESSION_IDLE_MINUTES: "15", FORDELA_SESSION_MAX_HOURS: "8" })).toEqual({ idleMinutes: 15, maxHours: 8 });
    expect(() => sessionPolicyFrom({ FORDELA_SESSION_IDLE_MINUTES: "-1" })).toThrow(/positivt tal/);
  });

  it("audits a logout", async () => {
    await createUser(opened.db, { username: "utloggad", password: PASSWORD });
    const s = await session("utloggad");
    expect((await s.call("POST", "/api/auth/logout")).status).toBe(200);
    expect((await s.call("GET", "/api/auth/me")).status).toBe(401);
    expect(await auditActions("utloggad")).toEqual(["login", "logout"]);
  });
});

describe("origin check on writes", () => {
  it("refuses a write whose Origin is another site, and a form post without Origin", async () => {
    await createUser(opened.db, { username: "ursprung", password: PASSWORD });
    const s = await session("ursprung");
    const foreign = await s.call("POST", "/api/auth/logout", undefined, { origin: "https://angripare.example" });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as Json).error).toMatchObject({ code: "csrf_origin" });
    const login = await post(app, "/api/auth/login", { username: "ursprung", password: PASSWORD }, { origin: "https://angripare.example" });
    expect(login.status).toBe(403);
    const form = await app.request("/api/auth/logout", { method: "POST", headers: { cookie: s.cookie, "x-csrf-token": s.csrfToken, "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(form.status).toBe(403);
    expect((await s.call("GET", "/api/auth/me")).status).toBe(200);
    const own = await s.call("POST", "/api/auth/logout", undefined, { origin: "http://localhost" });
    expect(own.status).toBe(200);
  });
});

describe("password policy", () => {
  it("follows NIST SP 800-63B: length, common passwords, no composition rules", async () => {
    await createUser(opened.db, { username: "policy", displayName: "Petra Policy", password: PASSWORD });
    const s = await session("policy");
    const change = async (newPassword: string) => {
      const res = await s.call("POST", "/api/auth/password", { currentPassword: PASSWORD, newPassword });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const short = await change("kort-lösen");
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: "weak_password" });
    expect(short.body.error!.message).toMatch(/minst 15 tecken/);
    expect((await change("qwertyuiop12345")).body.error!.message).toMatch(/vanligaste lösenorden/);
    expect((await change("Policy-2024-policy!!")).body.error!.message).toMatch(/användarnamn/);
    expect((await change("x".repeat(257))).body.error!.message).toMatch(/högst 256/);
    // 64 characters of only lower-case letters and spaces is fine: no composition rules.
    const long = "det var en gång en controller som räknade statsbidrag hela dagen";
    expect(long.length).toBe(64);
    expect((await change(long)).status).toBe(200);
  });
});
