import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../../db/connect";
import { loadReferenceData } from "../../db/queries/reference";
import { inTransaction } from "../transaction";
import { createUser } from "../users/create-user";
import { forgetKeptSessions, keepSessions, keptSessionsOf } from "./kept-sessions";
import { createSession, defaultSessionPolicy, findSession } from "./sessions";

/** Until `check` holds: a notice on PostgreSQL arrives on a connection of its own, a moment after the commit. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`inom 3 s: ${what}`);
}

describe("sessions kept by a server, dropped by the database's notices", () => {
  let opened: OpenDatabase;
  let stop: () => Promise<void>;
  let userId: number;

  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
    stop = await keepSessions(opened.db);
    userId = await createUser(opened.db, { username: "greta", displayName: "Greta Grön", password: "ett-långt-lösenord", roles: [{ organisationCode: "23", role: "editor" }] });
  });
  afterAll(async () => {
    await stop();
    await opened.close();
  });

  const newSession = () => inTransaction(opened.db, (trx) => createSession(trx, userId, defaultSessionPolicy));
  const find = (token: string) => findSession(opened.db, token, defaultSessionPolicy);

  it("answers the second lookup of a session from what it kept, without the database", async () => {
    const { token } = await newSession();
    const first = await find(token);
    expect(first?.user.username).toBe("greta");
    expect(await find(token)).toBe(first);
    expect(await find("en-token-som-inte-finns")).toBeUndefined();
  });

  it("ends a session deleted by another connection (logout on another server)", async () => {
    const { token } = await newSession();
    expect(await find(token)).toBeDefined();
    await sql`DELETE FROM sessions WHERE user_id = ${userId}`.execute(opened.db);
    await eventually(async () => (await find(token)) === undefined, "sessionen är borta");
  });

  it("sees a role taken away, an organisation renamed and a user deactivated, whoever changed them", async () => {
    const { token } = await newSession();
    expect((await find(token))!.user.roles.map((r) => r.role)).toEqual(["editor"]);
    await sql`UPDATE user_roles SET role = 'reader' WHERE user_id = ${userId}`.execute(opened.db);
    await eventually(async () => (await find(token))!.user.roles[0]!.role === "reader", "rollen är läsare");
    await sql`UPDATE organisations SET name = 'Region Jämtland Härjedalen (nytt namn)' WHERE code = '23'`.execute(opened.db);
    await eventually(async () => (await find(token))!.user.roles[0]!.organisationName.endsWith("(nytt namn)"), "det nya namnet");
    await sql`UPDATE users SET deactivated_at = now() WHERE id = ${userId}`.execute(opened.db);
    await eventually(async () => (await find(token)) === undefined, "användaren är avstängd");
    await sql`UPDATE users SET deactivated_at = NULL WHERE id = ${userId}`.execute(opened.db);
  });

  it("is not dropped by a request marking its session as seen, which changes nothing kept", async () => {
    const { token } = await newSession();
    const first = await find(token);
    await sql`UPDATE sessions SET last_seen_at = now() WHERE user_id = ${userId}`.execute(opened.db);
    // A notice would have come with the commit (PGlite) or within milliseconds (PostgreSQL).
    await new Promise((r) => setTimeout(r, 200));
    expect(await find(token)).toBe(first);
  });

  it("drops everything at once after a write through this server, before its notice arrives", async () => {
    const { token } = await newSession();
    const first = await find(token);
    forgetKeptSessions(opened.db);
    expect(keptSessionsOf(opened.db)!.size).toBe(0);
    const again = await find(token);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it.runIf(process.env.DATABASE_URL)("asks the database while its listening connection is down, and keeps again once it is back", async () => {
    const { token } = await newSession();
    const first = await find(token);
    expect(await find(token)).toBe(first);
    const killed = await sql<{ killed: boolean }>`SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'fordela-notices'`.execute(opened.db);
    expect(killed.rows.map((r) => r.killed)).toEqual([true]);
    await eventually(async () => keptSessionsOf(opened.db)!.size === 0, "det som hölls är släppt");
    const whileDown = await find(token);
    expect(whileDown).toEqual(first);
    expect(await find(token)).not.toBe(whileDown);
    // Reconnected within a second or two: kept again.
    await eventually(async () => {
      const a = await find(token);
      return (await find(token)) === a;
    }, "sessionen hålls igen");
  });

  it("keeps nothing for a database it was not started on", async () => {
    const other = await createTestDatabase();
    try {
      expect(keptSessionsOf(other.db)).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
