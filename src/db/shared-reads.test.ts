import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import type { OpenDatabase } from "./connect";
import { sharedRead } from "./shared-reads";

// nextval is a read with a trace: each time the query runs it answers a new number, so equal
// numbers mean one round trip answered several callers.
describe("sharedRead", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    await sql`CREATE SEQUENCE shared_read_trace`.execute(opened.db);
  });
  afterAll(() => opened.close());

  const next = (slowMs = 0) => sql<{ n: string }>`SELECT nextval('shared_read_trace')::text AS n, pg_sleep(${slowMs / 1000}) IS NULL AS slept`.compile(opened.db);
  const ask = (slowMs = 0) => sharedRead<{ n: string }>(opened.db, next(slowMs)).then((rows) => Number(rows[0]!.n));

  it("answers the same read asked while it waits for a connection with one round trip", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask()));
    expect(new Set(answers).size).toBe(1);
    // Asked again once answered: a new round trip, a new number.
    expect(await ask()).toBe(answers[0]! + 1);
  });

  it("never gives a read asked after the query was sent that query's answer", async () => {
    const first = ask(200);
    await new Promise((r) => setTimeout(r, 50));
    const later = ask();
    const [a, b] = await Promise.all([first, later]);
    expect(b).toBe(a + 1);
  });

  it("keeps reads with other values apart", async () => {
    const byArea = (area: string) => sharedRead<{ a: string }>(opened.db, sql<{ a: string }>`SELECT ${area}::text AS a`.compile(opened.db));
    const [x, y] = await Promise.all([byArea("01"), byArea("03")]);
    expect([x[0]!.a, y[0]!.a]).toEqual(["01", "03"]);
  });

  it("runs each read of its own inside a transaction", async () => {
    const numbers = await opened.db.transaction().execute(async (trx) => {
      const one = await sharedRead<{ n: string }>(trx, next());
      const two = await sharedRead<{ n: string }>(trx, next());
      return [Number(one[0]!.n), Number(two[0]!.n)];
    });
    expect(numbers[1]).toBe(numbers[0]! + 1);
  });

  it("fails every caller of a failing read, and the next one asks again", async () => {
    const broken = () => sharedRead(opened.db, sql`SELECT * FROM no_such_table`.compile(opened.db));
    const results = await Promise.allSettled([broken(), broken()]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(broken()).rejects.toThrow(/no_such_table/);
    expect(await ask()).toBeGreaterThan(0);
  });

  it("shares rows no caller can change for the others", async () => {
    const [rows] = await Promise.all([sharedRead<{ n: string }>(opened.db, next()), sharedRead<{ n: string }>(opened.db, next())]);
    expect(Object.isFrozen(rows)).toBe(true);
    expect(() => {
      (rows[0] as { n: string }).n = "0";
    }).toThrow(TypeError);
  });
});
