import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { openDatabase, type OpenDatabase } from "./connect";
import { StatementNames } from "./prepared-statements";

describe("StatementNames", () => {
  it("names a text the second time it is seen, and the same name ever after", () => {
    const names = new StatementNames();
    expect(names.nameFor("SELECT 1")).toBeUndefined();
    const name = names.nameFor("SELECT 1");
    expect(name).toMatch(/^fordela_\d+$/);
    expect(names.nameFor("SELECT 1")).toBe(name);
    expect(names.nameFor("SELECT 2")).toBeUndefined();
    expect(names.nameFor("SELECT 2")).not.toBe(name);
  });

  it("never names a text longer than the limit, nor more texts than the limit", () => {
    const names = new StatementNames(2, 20);
    const long = `SELECT ${"1".repeat(30)}`;
    names.nameFor(long);
    expect(names.nameFor(long)).toBeUndefined();
    for (const text of ["SELECT 1", "SELECT 2"]) names.nameFor(text);
    expect(names.nameFor("SELECT 1")).toBeDefined();
    expect(names.nameFor("SELECT 2")).toBeDefined();
    names.nameFor("SELECT 3");
    expect(names.nameFor("SELECT 3")).toBeUndefined();
  });

  it("never names an aggregate, whose best plan depends on its values", () => {
    const names = new StatementNames();
    const report = 'select "period", sum(amount_ore) from "ledger_totals" where "import_id" = $1 GROUP BY "period"';
    names.nameFor(report);
    expect(names.nameFor(report)).toBeUndefined();
  });

  it("gives a forgotten text a new name", () => {
    const names = new StatementNames();
    names.nameFor("SELECT 1");
    const first = names.nameFor("SELECT 1");
    names.forget("SELECT 1");
    names.nameFor("SELECT 1");
    expect(names.nameFor("SELECT 1")).not.toBe(first);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("prepared statements on PostgreSQL", () => {
  let created: OpenDatabase & { url?: string };
  let opened: OpenDatabase;
  beforeAll(async () => {
    created = await createTestDatabase();
    opened = await openDatabase({ url: created.url!, poolSize: 1 });
  });
  afterAll(async () => {
    await opened.close();
    await created.close();
  });

  const prepared = async () =>
    (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'fordela\_%'`.execute(opened.db)).rows.map((r) => r.statement);

  it("prepares a repeated query once on the connection and answers it with each call's values", async () => {
    const [first, second] = (await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name LIMIT 2`.execute(opened.db)).rows.map((r) => r.name);
    const applied = (name: string) => (opened.db as unknown as Kysely<{ schema_migrations: { name: string } }>).selectFrom("schema_migrations").select("name").where("name", "=", name).executeTakeFirstOrThrow();
    expect((await applied(first!)).name).toBe(first);
    expect((await applied(second!)).name).toBe(second);
    expect((await applied(first!)).name).toBe(first);
    expect((await prepared()).filter((s) => s.includes('from "schema_migrations" where'))).toHaveLength(1);
  });

  it("fails once, not for the connection's life, when a migration changes a prepared query's columns", async () => {
    await sql`CREATE TABLE prepared_probe (a integer)`.execute(opened.db);
    await sql`INSERT INTO prepared_probe VALUES (1)`.execute(opened.db);
    const all = () => (opened.db as unknown as Kysely<{ prepared_probe: { a: number } }>).selectFrom("prepared_probe").selectAll().execute();
    await all();
    await all();
    await sql`ALTER TABLE prepared_probe ADD COLUMN b integer DEFAULT 2`.execute(opened.db);
    await expect(all()).rejects.toMatchObject({ code: "0A000" });
    await all();
    expect(await all()).toEqual([{ a: 1, b: 2 }]);
  });
});
