import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, testPassword, type TestApi, type TestClient } from "../../../test/helpers/api";

// User administration through the API: a system administrator, an organisation's
// administratör limited to their own organisation, revisions, audit, sessions.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let api: TestApi;
let admin: TestClient;
let org23: number;
let org25: number;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.loginAs({ username: "sysadmin", isAdmin: true });
  const orgs = await api.opened.db.selectFrom("organisations").select(["id", "code"]).where("code", "in", ["23", "25"]).execute();
  org23 = orgs.find((o) => o.code === "23")!.id;
  org25 = orgs.find((o) => o.code === "25")!.id;
}, 300_000);
afterAll(() => api.close());

async function login(username: string, password: string) {
  const res = await api.app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  return { status: res.status, cookie: res.headers.get("set-cookie")?.split(";")[0], body: (await res.json()) as Json };
}

const audit = async (entity: string) =>
  (await api.opened.db.selectFrom("audit_log").select(["action", "username", "before", "after"]).where("entity", "=", entity).orderBy("id").execute()).map((r) => ({ ...r }));

describe("user administration", () => {
  it("adds a user with a one-time password that must be changed, changes roles with revisions and audits each change", async () => {
    const added = await admin.json<Json>("POST", "/api/users", { username: "hanna", displayName: "Hanna Handläggare", roles: [{ organisationCode: "23", role: "editor" }] });
    expect(added.status).toBe(201);
    expect(added.body.oneTimePassword).toMatch(/^\S{20}$/);
    expect(added.body.user).toMatchObject({ username: "hanna", mustChangePassword: true, active: true, revision: 1, roles: [{ organisationCode: "23", role: "editor" }] });
    const id = added.body.user.id as number;

    const first = await login("hanna", added.body.oneTimePassword);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);

    const promoted = await admin.json<Json>("PUT", `/api/users/${id}/roles/${org23}`, { role: "approver", revision: 1 });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ revision: 2, roles: [{ role: "approver" }] });
    // A change based on the old revision is refused with who changed it.
    const stale = await admin.json<Json>("PUT", `/api/users/${id}/roles/${org23}`, { role: "reader", revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale");
    expect(stale.body.error.message).toMatch(/sysadmin/);

    // Moving to another organisation: a role there, then the old one taken away.
    expect((await admin.json<Json>("PUT", `/api/users/${id}/roles/${org25}`, { role: "editor", revision: 2 })).status).toBe(200);
    const moved = await admin.json<Json>("DELETE", `/api/users/${id}/roles/${org23}`, { revision: 3 });
    expect(moved.body.roles.map((r: Json) => r.organisationCode)).toEqual(["25"]);

    const roleChanges = await audit("user_role");
    expect(roleChanges.map((r) => [r.action, (r.before as Json).role, (r.after as Json).role])).toEqual([
      ["update", "editor", "approver"],
      ["update", null, "editor"],
      ["update", "approver", null],
    ]);
    expect((await audit("user")).map((r) => r.action)).toContain("create");
  });

  it("lists and searches users", async () => {
    const all = await admin.json<Json[]>("GET", "/api/users");
    expect(all.body.map((u) => u.username)).toEqual(expect.arrayContaining(["sysadmin", "hanna"]));
    const found = await admin.json<Json[]>("GET", "/api/users?search=HANDLÄGG");
    expect(found.body.map((u) => u.username)).toEqual(["hanna"]);
    const none = await admin.json<Json[]>("GET", "/api/users?search=%25");
    expect(none.body).toEqual([]);
  });

  it("resets a password: a new one-time password, the user's sessions ended, the lockout lifted", async () => {
    await admin.json("POST", "/api/users", { username: "glomsk", roles: [{ organisationCode: "23", role: "reader" }] });
    const user = (await admin.json<Json[]>("GET", "/api/users?search=glomsk")).body[0]!;
    await api.opened.db.insertInto("login_throttle").values({ key: "konto:glomsk", failures: 10, last_failure_at: new Date(), blocked_until: new Date(Date.now() + 900_000) }).execute();
    const reset = await admin.json<Json>("POST", `/api/users/${user.id}/reset-password`, { revision: user.revision });
    expect(reset.status).toBe(200);
    const again = await login("glomsk", reset.body.oneTimePassword);
    expect(again.status).toBe(200);
    expect(again.body.user.mustChangePassword).toBe(true);
    expect((await audit("user_password")).map((r) => r.action)).toContain("reset_password");
  });

  it("deactivates and reactivates: a deactivated user cannot log in and their sessions end", async () => {
    await api.loginAs({ username: "slutar", roles: [{ organisationCode: "23", role: "editor" }] });
    const user = (await admin.json<Json[]>("GET", "/api/users?search=slutar")).body[0]!;
    const detail = await admin.json<Json>("GET", `/api/users/${user.id}`);
    expect(detail.body.sessions).toHaveLength(1);
    expect(detail.body.sessions[0]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{12}$/) });

    const off = await admin.json<Json>("POST", `/api/users/${user.id}/deactivate`, { revision: user.revision });
    expect(off.body).toMatchObject({ active: false, activeSessions: 0 });
    const refused = await login("slutar", testPassword);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/avstängt/);
    expect((await admin.json<Json[]>("GET", "/api/users?search=slutar")).body).toEqual([]);
    expect((await admin.json<Json[]>("GET", "/api/users?search=slutar&includeDeactivated=true")).body).toHaveLength(1);

    const on = await admin.json<Json>("POST", `/api/users/${user.id}/reactivate`, { revision: off.body.revision });
    expect(on.body.active).toBe(true);
    expect((await login("slutar", testPassword)).status).toBe(200);
    expect((await audit("user")).map((r) => r.action)).toEqual(expect.arrayContaining(["deactivate", "reactivate"]));

    const self = (await admin.json<Json[]>("GET", "/api/users?search=sysadmin")).body[0]!;
    const selfOff = await admin.json<Json>("POST", `/api/users/${self.id}/deactivate`, { revision: self.revision });
    expect(selfOff.status).toBe(409);
  });

  it("ends one session or all of a user's sessions", async () => {
    await api.loginAs({ username: "flera.sessioner", roles: [{ organisationCode: "23", role: "reader" }] });
    await login("flera.sessioner", testPassword);
    await login("flera.sessioner", testPassword);
    const user = (await admin.json<Json[]>("GET", "/api/users?search=flera.sessioner")).body[0]!;
    const { body } = await admin.json<Json>("GET", `/api/users/${user.id}`);
    expect(body.sessions).toHaveLength(3);
    expect((await admin.json<Json>("POST", `/api/users/${user.id}/end-sessions`, { sessionId: body.sessions[0].id })).body).toEqual({ ended: 1 });
    expect((await admin.json<Json>("POST", `/api/users/${user.id}/end-sessions`, {})).body).toEqual({ ended: 2 });
    expect((await admin.json<Json>("POST", `/api/users/${user.id}/end-sessions`, { sessionId: "000000000000" })).status).toBe(404);
  });

  it("lets an organisation's administratör manage only their own organisation's users", async () => {
    const orgAdmin = await api.loginAs({ username: "admin23", roles: [{ organisationCode: "23", role: "admin" }] });
    await api.loginAs({ username: "bara25", roles: [{ organisationCode: "25", role: "editor" }] });
    await api.loginAs({ username: "bada", roles: [{ organisationCode: "23", role: "reader" }, { organisationCode: "25", role: "reader" }] });

    const listed = (await orgAdmin.json<Json[]>("GET", "/api/users")).body.map((u) => u.username);
    expect(listed).toContain("bada");
    expect(listed).not.toContain("bara25");
    expect(listed).not.toContain("sysadmin");

    const added = await orgAdmin.json<Json>("POST", "/api/users", { username: "ny23", roles: [{ organisationCode: "23", role: "reader" }] });
    expect(added.status).toBe(201);
    expect((await orgAdmin.json<Json>("POST", "/api/users", { username: "ny25", roles: [{ organisationCode: "25", role: "reader" }] })).status).toBe(403);
    expect((await orgAdmin.json<Json>("POST", "/api/users", { username: "nyadmin", isAdmin: true, roles: [{ organisationCode: "23", role: "reader" }] })).status).toBe(403);

    const ny = added.body.user;
    expect((await orgAdmin.json<Json>("PUT", `/api/users/${ny.id}/roles/${org23}`, { role: "editor", revision: ny.revision })).status).toBe(200);
    expect((await orgAdmin.json<Json>("PUT", `/api/users/${ny.id}/roles/${org25}`, { role: "editor", revision: ny.revision + 1 })).status).toBe(403);

    const bara25 = (await admin.json<Json[]>("GET", "/api/users?search=bara25")).body[0]!;
    expect((await orgAdmin.json<Json>("GET", `/api/users/${bara25.id}`)).status).toBe(404);
    const bada = (await admin.json<Json[]>("GET", "/api/users?search=bada")).body[0]!;
    // A role in their organisation may change; the password of someone also in region 25 may not.
    expect((await orgAdmin.json<Json>("PUT", `/api/users/${bada.id}/roles/${org23}`, { role: "editor", revision: bada.revision })).status).toBe(200);
    const reset = await orgAdmin.json<Json>("POST", `/api/users/${bada.id}/reset-password`, { revision: bada.revision + 1 });
    expect(reset.status).toBe(403);

    const reader = await api.loginAs({ username: "lasare23", roles: [{ organisationCode: "23", role: "reader" }] });
    const forbidden = await reader.json<Json>("GET", "/api/users");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toMatch(/administratör/);
  });

  it("refuses a weak password from the CLI's path and a bad username, in Swedish", async () => {
    const bad = await admin.json<Json>("POST", "/api/users", { username: "ogiltigt namn", roles: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Ogiltigt användarnamn/);
    const dup = await admin.json<Json>("POST", "/api/users", { username: "HANNA", roles: [] });
    expect(dup.status).toBe(409);
  });
});
