import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../../../test/helpers/api";
import { openDatabase } from "../../db/connect";
import { createApp } from "../app";

describe("GET /api/health", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it("answers 200 without a session when the database is reachable and fully migrated", async () => {
    const res = await api.anonymous.json<{ status: string; database: string; migrations: { current: boolean; pending: string[] } }>("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: "ok", migrations: { current: true, pending: [], unknown: [] } });
  });

  it("answers 503 naming the migration when the database lacks one this version ships", async () => {
    const [last] = (await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1`.execute(api.opened.db)).rows;
    await sql`DELETE FROM schema_migrations WHERE name = ${last!.name}`.execute(api.opened.db);
    try {
      const res = await api.anonymous.json<{ status: string; migrations: { current: boolean; pending: string[] } }>("GET", "/api/health");
      expect(res.status).toBe(503);
      expect(res.body.status).toBe("unavailable");
      expect(res.body.migrations.pending).toEqual([last!.name]);
    } finally {
      await sql`INSERT INTO schema_migrations (name) VALUES (${last!.name})`.execute(api.opened.db);
    }
  });

  // The embedded database is one session: the check goes before the queries waiting for it and
  // waits only for the one running.
  it.skipIf(!!process.env.DATABASE_URL)("answers before the queries already waiting for the embedded database", async () => {
    const finished: string[] = [];
    const slow = Array.from({ length: 8 }, (_, i) => sql`SELECT pg_sleep(0.1)`.execute(api.opened.db).then(() => finished.push(`fråga ${i}`)));
    await new Promise((r) => setTimeout(r, 20));
    const res = await api.anonymous.json<{ status: string }>("GET", "/api/health");
    finished.push("hälsa");
    await Promise.all(slow);
    expect(res.body.status).toBe("ok");
    // Each sleep holds the event loop (PGlite runs in this thread): the request is read after the
    // first and reaches the database during the second; the six behind it are passed.
    expect(finished.indexOf("hälsa")).toBeLessThanOrEqual(2);
  });

  // On PostgreSQL the check has a connection of its own (the serve command opens it): with every
  // pooled connection busy it still answers at once. The embedded database is one session.
  it.skipIf(!process.env.DATABASE_URL)("answers on its own connection while every pooled one is busy", async () => {
    const url = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(api.opened.db)).rows[0]!.db;
    const at = new URL(process.env.DATABASE_URL!);
    at.pathname = `/${url}`;
    const busy = await openDatabase({ url: at.toString(), poolSize: 1 });
    const probe = await openDatabase({ url: at.toString(), poolSize: 1 });
    let release!: () => void;
    const held = busy.db.transaction().execute(() => new Promise<void>((r) => (release = r)));
    try {
      await new Promise((r) => setTimeout(r, 50));
      const answer = (app: ReturnType<typeof createApp>) => Promise.race([Promise.resolve(app.request("/api/health")).then((r) => r.status), new Promise((r) => setTimeout(() => r("väntar"), 2000))]);
      expect(await answer(createApp(busy.db, { secureCookies: false, healthDb: probe.db }))).toBe(200);
      expect(await answer(createApp(busy.db, { secureCookies: false }))).toBe("väntar");
    } finally {
      release();
      await held;
      await busy.close();
      await probe.close();
    }
  });
});
