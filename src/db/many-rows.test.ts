import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import type { OpenDatabase } from "./connect";
import { manyRows, type SumOfOre } from "./many-rows";

describe("manyRows", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(() => opened.close());

  const cells = () =>
    opened.db
      .selectFrom(
        sql<{ period: number; object: string; amount: number }>`(SELECT 202301 AS period, 'P1' AS object, 150::bigint AS amount UNION ALL SELECT 202301, 'P1', -50 UNION ALL SELECT 202302, 'P 2 "å"', 7 UNION ALL SELECT 202303, '', 0)`.as("v"),
      )
      .select(["period", "object", sql<SumOfOre>`sum(amount)`.as("amount")])
      .groupBy(["period", "object"])
      .orderBy("period");

  it("returns the rows the query gives, text as text and sums as the same whole numbers", async () => {
    const rows = await manyRows(opened.db, cells());
    const direct = await cells().execute();
    expect(rows.map((r) => ({ ...r, amount: Number(r.amount) }))).toEqual(direct.map((r) => ({ ...r, amount: Number(r.amount) })));
    expect(rows.map((r) => [r.period, r.object, Number(r.amount)])).toEqual([
      [202301, "P1", 100],
      [202302, 'P 2 "å"', 7],
      [202303, "", 0],
    ]);
  });

  it("passes the query's parameters on", async () => {
    const rows = await manyRows(opened.db, cells().where(sql`object`, "=", "P1"));
    expect(rows.map((r) => Number(r.amount))).toEqual([100]);
  });

  it("returns no rows as an empty list", async () => {
    expect(await manyRows(opened.db, cells().where(sql`object`, "=", "finns inte"))).toEqual([]);
  });

  it("never rounds a sum beyond 2^53: the embedded path refuses it, PostgreSQL's keeps its exact text", async () => {
    const huge = opened.db.selectFrom(sql<{ x: number }>`(SELECT 1 AS x)`.as("v")).select(sql<SumOfOre>`9007199254740993::numeric`.as("amount"));
    if (opened.kind === "pglite") await expect(manyRows(opened.db, huge)).rejects.toThrow(/säkert intervall/);
    else expect(await manyRows(opened.db, huge)).toEqual([{ amount: "9007199254740993" }]);
  });
});
