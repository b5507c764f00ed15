import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import type { OpenDatabase } from "./connect";
import { migrate, splitStatements } from "./migrate";

describe("migrations", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(() => opened.close());

  it("are applied once and are idempotent on a second run", async () => {
    expect(await migrate(opened.db)).toEqual([]);
    const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(opened.db);
    expect(rows.rows.map((r) => r.name)).toContain("0001_foundation.sql");
  });

  it("round-trips öre as exact integers and dates as text", async () => {
    await opened.db
      .insertInto("population")
      .values({ area_code: "99", on_date: "2022-11-01", population: 9_007_199_254_740_991, source: "test" })
      .execute();
    const row = await opened.db.selectFrom("population").selectAll().where("area_code", "=", "99").executeTakeFirstOrThrow();
    expect(row.population).toBe(9_007_199_254_740_991);
    expect(row.on_date).toBe("2022-11-01");
  });

  it("reports how many rows an update touched", async () => {
    await opened.db.insertInto("population").values({ area_code: "98", on_date: "2022-11-01", population: 5, source: "test" }).execute();
    const result = await opened.db.updateTable("population").set({ population: 6 }).where("area_code", "=", "98").executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });

  it("keeps concurrent transactions apart", async () => {
    const insert = (code: string) =>
      opened.db.transaction().execute(async (trx) => {
        await trx.insertInto("population").values({ area_code: code, on_date: "2020-01-01", population: 1, source: "t" }).execute();
        if (code === "A1") throw new Error("rollback");
      });
    const results = await Promise.allSettled([insert("A1"), insert("A2")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    const codes = await opened.db.selectFrom("population").select("area_code").where("on_date", "=", "2020-01-01").execute();
    expect(codes.map((c) => c.area_code)).toEqual(["A2"]);
  });
});

describe("splitStatements", () => {
  it("splits at line-ending semicolons and drops comments", () => {
    expect(splitStatements("-- c\nCREATE TABLE a (x int);\nCREATE INDEX b ON a (x);\n")).toEqual([
      "CREATE TABLE a (x int)",
      "CREATE INDEX b ON a (x)",
    ]);
  });
});
