import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { keptSessionsOf } from "../app/auth/kept-sessions";
import { createUser } from "../app/users/create-user";
import type { OpenDatabase } from "../db/connect";
import { loadReferenceData } from "../db/queries/reference";
import { startServer } from "./http";

describe("a running server and the sessions it keeps", () => {
  let opened: OpenDatabase;
  const password = "ett-långt-lösenord-för-test";

  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
    await createUser(opened.db, { username: "harald", displayName: "Harald Hav", password, roles: [{ organisationCode: "13", role: "reader" }] });
  });
  afterAll(() => opened.close());

  async function logIn(url: string) {
    const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ username: "harald", password }) });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrfToken };
  }

  it("keeps the session after the first request, and has dropped it when a write's answer arrives", async () => {
    const server = await startServer(opened.db, { port: 0, secureCookies: false });
    try {
      const { cookie, csrfToken } = await logIn(server.url);
      for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
      expect(keptSessionsOf(opened.db)?.size).toBe(1);
      const out = await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { cookie, origin: server.url, "x-csrf-token": csrfToken } });
      expect(out.status).toBe(200);
      expect(keptSessionsOf(opened.db)?.size).toBe(0);
      expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await server.close();
    }
    expect(keptSessionsOf(opened.db)).toBeUndefined();
  });

  it("keeps nothing when told not to (FORDELA_KEEP_SESSIONS=0)", async () => {
    const server = await startServer(opened.db, { port: 0, secureCookies: false, keepSessions: false });
    try {
      const { cookie } = await logIn(server.url);
      expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
      expect(keptSessionsOf(opened.db)).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
