import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../../../test/helpers/api";

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
});
