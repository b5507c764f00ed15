import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { postgresClient, type OpenDatabase } from "../db/connect";
import { copyIn } from "./copy-postgres";

// COPY FROM STDIN exists only on a PostgreSQL server: these run with DATABASE_URL set.
describe.skipIf(!process.env.DATABASE_URL)("copyIn on PostgreSQL", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(async () => opened?.close());

  it("stores the rows of a COPY text in the transaction's own connection", async () => {
    const rows = await opened.db.transaction().execute(async (trx) => {
      await sql`CREATE TEMP TABLE copied (n int, t text) ON COMMIT DROP`.execute(trx);
      const client = await postgresClient(opened.db, trx);
      expect(client).toBeDefined();
      await copyIn(client!, "COPY copied (n, t) FROM STDIN", "1\tett\n2\t\\N\n3\ttab\\there\n");
      return (await sql<{ n: number; t: string | null }>`SELECT n, t FROM copied ORDER BY n`.execute(trx)).rows;
    });
    expect(rows).toEqual([
      { n: 1, t: "ett" },
      { n: 2, t: null },
      { n: 3, t: "tab\there" },
    ]);
  });

  it("rejects with the server's error on a malformed row and rolls the transaction back", async () => {
    await sql`CREATE TABLE copy_target (n int NOT NULL)`.execute(opened.db);
    await expect(
      opened.db.transaction().execute(async (trx) => {
        await copyIn((await postgresClient(opened.db, trx))!, "COPY copy_target (n) FROM STDIN", "1\ninte ett tal\n");
      }),
    ).rejects.toThrow(/invalid input syntax for type integer/);
    const { rows } = await sql<{ count: number }>`SELECT count(*)::int AS count FROM copy_target`.execute(opened.db);
    expect(rows[0]!.count).toBe(0);
    // The pooled connection is usable again after the failed COPY.
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(opened.db)).rows[0]!.one).toBe(1);
  });
});
