import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";

interface Rule {
  id: number;
  position: number;
  claim: string;
  value: string;
  organisationCode: string;
  role: string;
  revision: number;
}

describe("/api/sso/rules", () => {
  let api: TestApi;
  let admin: TestClient;
  let orgAdmin: TestClient;
  beforeAll(async () => {
    api = await createTestApi();
    admin = await api.loginAs({ username: "system", isAdmin: true });
    orgAdmin = await api.loginAs({ username: "org-admin", roles: [{ organisationCode: "23", role: "admin" }] });
  }, 120_000);
  afterAll(() => api.close());

  const rule = (value: string, extra: object = {}) => ({ claim: "groups", operator: "contains", value, organisationCode: "23", role: "editor", ...extra });

  it("keeps the rules in order, refuses a stale change and audits every change", async () => {
    const a = await admin.json<Rule>("POST", "/api/sso/rules", rule("a"));
    expect(a.status).toBe(201);
    const b = await admin.json<Rule>("POST", "/api/sso/rules", rule("b", { organisationCode: "12", role: "reader" }));
    const c = await admin.json<Rule>("POST", "/api/sso/rules", rule("c", { position: 1 }));
    expect(c.body.position).toBe(1);
    const order = async () => (await admin.json<Rule[]>("GET", "/api/sso/rules")).body.map((r) => `${r.position}:${r.value}`);
    expect(await order()).toEqual(["1:c", "2:a", "3:b"]);

    const moved = await admin.json<Rule>("PUT", `/api/sso/rules/${b.body.id}`, { ...rule("b", { organisationCode: "12", role: "approver" }), position: 1, revision: b.body.revision });
    expect(moved.status).toBe(200);
    expect(await order()).toEqual(["1:b", "2:c", "3:a"]);
    const stale = await admin.json<{ error: { code: string; message: string } }>("PUT", `/api/sso/rules/${b.body.id}`, { ...rule("b"), revision: b.body.revision });
    expect(stale.status).toBe(409);

    const badClaim = await admin.json<{ error: { message: string } }>("POST", "/api/sso/rules", rule("x", { claim: "grupper med mellanslag" }));
    expect(badClaim.status).toBe(400);
    expect(badClaim.body.error.message).toMatch(/Anspråket "grupper med mellanslag" går inte att använda/);
    expect((await admin.json("POST", "/api/sso/rules", rule("x", { organisationCode: "9999" }))).status).toBe(404);

    expect((await admin.json("DELETE", `/api/sso/rules/${a.body.id}`, { revision: a.body.revision })).status).toBe(200);
    expect(await order()).toEqual(["1:b", "2:c"]);

    const audit = await api.opened.db.selectFrom("audit_log").select(["action", "before", "after"]).where("entity", "=", "sso_rule").orderBy("id").execute();
    expect(audit.map((r) => r.action)).toEqual(["create", "create", "create", "update", "delete"]);
    expect(audit[3]).toMatchObject({ before: { position: 3, value: "b", organisation: "12", role: "reader" }, after: { position: 1, value: "b", organisation: "12", role: "approver" } });
  });

  it("is for system administrators only", async () => {
    expect((await orgAdmin.json("GET", "/api/sso/rules")).status).toBe(403);
    const refused = await orgAdmin.json<{ error: { message: string } }>("POST", "/api/sso/rules", rule("y"));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Bara systemadministratörer hanterar inloggningsreglerna.");
    expect((await api.anonymous.json("GET", "/api/sso/rules")).status).toBe(401);
  });

  it("says single sign-on is off when the installation has none", async () => {
    expect(await api.anonymous.json("GET", "/api/auth/oidc")).toEqual({ status: 200, body: { enabled: false, name: null } });
    expect((await api.anonymous.request("GET", "/api/auth/oidc/start")).status).toBe(404);
  });
});
