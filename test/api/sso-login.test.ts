import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/db/connect";
import { loadReferenceData } from "../../src/db/queries/reference";
import { createApp } from "../../src/server/app";
import { createUser } from "../../src/server/auth/users";
import { createTestDatabase } from "../helpers/db";
import { startTestProvider, type TestAccount, type TestProvider } from "../helpers/oidc-provider";

// Single sign-on end to end: a real OpenID Connect provider (oidc-provider) in this process, two
// Fördela app instances on one database — on PostgreSQL each with its own connection pool, as two
// servers would have — where the sign-in starts on one and the provider's answer reaches the
// other; the authorization code flow with PKCE driven over HTTP.

const callbackUrl = "http://localhost/api/auth/oidc/callback";
type App = ReturnType<typeof createApp>;

/** Cookies per name, as a browser would keep them for one site (enough for these hosts). */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name: string) {
    return this.cookies.get(name);
  }
}

interface Attempt {
  /** Changes the provider's address before the browser follows it (tampering with nonce or PKCE). */
  editAuthorizationUrl?: (url: URL) => void;
  /** Changes the answer before it reaches Fördela (tampering with state). */
  editCallback?: (url: URL) => void;
  /** Sends the answer without the starting browser's cookie. */
  otherBrowser?: boolean;
}

describe("inloggning via en riktig OpenID Connect-leverantör", () => {
  let opened: OpenDatabase & { url?: string };
  let secondConnection: OpenDatabase | undefined;
  let idp: TestProvider;
  let first: App;
  let second: App;
  let admin: { cookie: string; csrf: string };

  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
    idp = await startTestProvider([callbackUrl]);
    const config = {
      secureCookies: false,
      oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, redirectUrl: callbackUrl, name: "Testregionens inloggning", scopes: "openid profile email groups" },
    };
    first = createApp(opened.db, config);
    secondConnection = opened.url ? await openDatabase({ url: opened.url }) : undefined;
    second = createApp((secondConnection ?? opened).db, config);
    await createUser(opened.db, { username: "it-admin", password: "ett-långt-lösenord-för-it", isAdmin: true });
    const res = await first.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "it-admin", password: "ett-långt-lösenord-för-it" }) });
    admin = { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }, 120_000);
  afterAll(async () => {
    await idp?.close();
    await secondConnection?.close();
    await opened?.close();
  });

  const adminCall = (method: string, path: string, body?: unknown) =>
    first.request(path, { method, headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, origin: "http://localhost", "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

  /** One sign-in as a browser does it: start on the first instance, the answer to the second. */
  async function signIn(account: TestAccount, attempt: Attempt = {}) {
    idp.signInAs(account);
    const browser = new Jar();
    const started = await first.request("/api/auth/oidc/start");
    expect(started.status).toBe(302);
    browser.take(started);
    const authorization = new URL(started.headers.get("location")!);
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("state")).toBeTruthy();
    expect(authorization.searchParams.get("nonce")).toBeTruthy();
    attempt.editAuthorizationUrl?.(authorization);
    const atIdp = new Jar();
    let next = authorization.href;
    let answer: URL | undefined;
    for (let hops = 0; hops < 10 && !answer; hops++) {
      const res = await fetch(next, { redirect: "manual", headers: { cookie: atIdp.header() } });
      atIdp.take(res);
      const location = res.headers.get("location");
      if (!location) throw new Error(`the provider stopped at ${next}: ${res.status} ${(await res.text()).replace(/[\s\S]*<body>/, "").slice(0, 600)}`);
      await res.arrayBuffer();
      const target = new URL(location, next);
      if (target.href.startsWith(callbackUrl)) answer = target;
      else next = target.href;
    }
    attempt.editCallback?.(answer!);
    const done = await second.request(`${answer!.pathname}${answer!.search}`, { headers: attempt.otherBrowser ? {} : { cookie: `fordela_oidc=${browser.get("fordela_oidc")}` } });
    expect(done.status).toBe(303);
    const session = done.headers.getSetCookie().find((c) => c.startsWith("fordela_session="));
    return { location: done.headers.get("location"), session: session?.split(";")[0], sessionCookie: session, answer: answer! };
  }

  const me = async (cookie: string) => {
    const res = await first.request("/api/auth/me", { headers: { cookie } });
    return { status: res.status, body: (await res.json()) as { user: { username: string; displayName: string; roles: { organisationCode: string; role: string }[] } } };
  };

  it("refuses a sign-in no rule matches, in Swedish, with an audit row", async () => {
    const result = await signIn({ sub: "u-ingen", preferred_username: "ingen@test.se", name: "Ingen Regel", groups: ["okänd-grupp"] });
    expect(result.location).toBe("/?inloggningsfel=sso_no_rule");
    expect(result.session).toBeUndefined();
    const row = await opened.db.selectFrom("audit_log").selectAll().where("action", "=", "login_refused").executeTakeFirstOrThrow();
    expect(row.after).toMatchObject({ method: "sso", reason: "no_matching_rule", subject: "u-ingen", claims: { groups: ["okänd-grupp"] } });
    expect(await opened.db.selectFrom("users").select("id").where("sso_subject", "=", "u-ingen").execute()).toEqual([]);
  }, 60_000);

  it("creates the user at the first sign-in from the first matching rule, and updates the role at the next", async () => {
    const rule = async (body: object) => {
      const res = await adminCall("POST", "/api/sso/rules", body);
      expect(res.status).toBe(201);
      return (await res.json()) as { id: number; revision: number; position: number };
    };
    const editors = await rule({ claim: "groups", operator: "contains", value: "ekonomi-23", organisationCode: "23", role: "editor" });
    await rule({ claim: "email", operator: "ends_with", value: "@test.se", organisationCode: "12", role: "reader" });
    const anna: TestAccount = { sub: "u-anna", preferred_username: "anna@test.se", email: "anna@test.se", name: "Anna Andersson", groups: ["ekonomi-23", "alla"] };

    const initial = await signIn(anna);
    expect(initial.location).toBe("/");
    expect(initial.sessionCookie).toMatch(/HttpOnly/i);
    expect(initial.sessionCookie).toMatch(/SameSite=Strict/i);
    const signedIn = await me(initial.session!);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ username: "anna@test.se", displayName: "Anna Andersson", roles: [{ organisationCode: "23", role: "editor" }] });
    const user = await opened.db.selectFrom("users").selectAll().where("sso_subject", "=", "u-anna").executeTakeFirstOrThrow();
    expect(user).toMatchObject({ sso_issuer: idp.issuer, password_hash: null, must_change_password: false });

    // The rule for her group is taken away: the e-mail rule decides at her next sign-in.
    expect((await adminCall("DELETE", `/api/sso/rules/${editors.id}`, { revision: editors.revision })).status).toBe(200);
    const again = await signIn(anna);
    expect((await me(again.session!)).body.user.roles).toEqual([expect.objectContaining({ organisationCode: "12", role: "reader" })]);
    expect(await opened.db.selectFrom("users").select("id").where("sso_subject", "=", "u-anna").execute()).toHaveLength(1);
    const changes = await opened.db.selectFrom("audit_log").select(["action", "entity", "after"]).where("user_id", "=", user.id).orderBy("id").execute();
    expect(changes.map((c) => `${c.action} ${c.entity}`)).toEqual(["create user", "login session", "update user_role", "login session"]);

    // A local password still works beside single sign-on.
    const local = await first.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "it-admin", password: "ett-långt-lösenord-för-it" }) });
    expect(local.status).toBe(200);
    // And an SSO user has no password to guess.
    const guess = await first.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "anna@test.se", password: "" + "x".repeat(20) }) });
    expect(guess.status).toBe(401);
  }, 60_000);

  it("refuses tampered state, a tampered nonce, a tampered PKCE challenge, another browser and a replay", async () => {
    const bo: TestAccount = { sub: "u-bo", preferred_username: "bo@test.se", email: "bo@test.se", name: "Bo" };
    // Each refusal's reason, as the audit log keeps it.
    const refused = async (attempt: Attempt) => {
      const result = await signIn(bo, attempt);
      expect(result.session).toBeUndefined();
      expect(result.location).toBe("/?inloggningsfel=sso_failed");
      const last = await opened.db.selectFrom("audit_log").select("after").where("action", "=", "login_failed").orderBy("id", "desc").executeTakeFirstOrThrow();
      return (last.after as { message: string }).message;
    };
    expect(await refused({ editCallback: (u) => u.searchParams.set("state", "förfalskad") })).toMatch(/hör inte till en inloggning som startades i den här webbläsaren/);
    expect(await refused({ editAuthorizationUrl: (u) => u.searchParams.set("nonce", "förfalskad-nonce") })).toMatch(/nonce/i);
    expect(await refused({ editAuthorizationUrl: (u) => u.searchParams.set("code_challenge", "A".repeat(43)) })).toMatch(/PKCE|code_verifier|invalid_grant|grant request is invalid/i);
    expect(await refused({ otherBrowser: true })).toMatch(/hör inte till en inloggning som startades i den här webbläsaren/);

    const ok = await signIn(bo);
    expect(ok.location).toBe("/");
    const replay = await second.request(`${ok.answer.pathname}${ok.answer.search}`);
    expect(replay.headers.get("location")).toBe("/?inloggningsfel=sso_failed");

    const failures = await opened.db.selectFrom("audit_log").select("after").where("action", "=", "login_failed").execute();
    expect(failures.filter((f) => (f.after as { method?: string }).method === "sso")).toHaveLength(5);
  }, 60_000);

  it("tells the login page whether single sign-on is on", async () => {
    expect(await (await first.request("/api/auth/oidc")).json()).toEqual({ enabled: true, name: "Testregionens inloggning" });
  });
});
