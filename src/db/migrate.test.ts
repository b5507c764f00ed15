import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import type { OpenDatabase } from "./connect";
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, MigrationMismatchError, migrationStatus } from "./migrate";

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

  it("reports a database never migrated as every shipped migration pending, and other failures as failures", async () => {
    expect(await migrationStatus(opened.db)).toEqual({ pending: [], unknown: [] });
    const rolledBack = new Error("rolled back");
    const seen = await opened.db
      .transaction()
      .execute(async (trx) => {
        await sql`ALTER TABLE schema_migrations RENAME TO schema_migrations_away`.execute(trx);
        const status = await migrationStatus(trx);
        throw Object.assign(rolledBack, { status });
      })
      .catch((e: typeof rolledBack & { status?: Awaited<ReturnType<typeof migrationStatus>> }) => e.status);
    expect(seen?.pending).toContain("0001_foundation.sql");
    expect(seen?.unknown).toEqual([]);
    expect(await migrationStatus(opened.db)).toEqual({ pending: [], unknown: [] });
    await expect(
      opened.db.transaction().execute(async (trx) => {
        // A failed statement leaves the transaction aborted: the next one fails with 25P02.
        await sql`SELECT 1 / 0`.execute(trx).catch(() => {});
        return migrationStatus(trx);
      }),
    ).rejects.toThrow();
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

describe("migrate checks the shipped files against the database", () => {
  let opened: OpenDatabase;
  let dir: string;
  beforeAll(async () => {
    opened = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), "fordela-migrations-")) + "/";
    cpSync(fileURLToPath(new URL("./migrations/", import.meta.url)), dir, { recursive: true });
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // A PL/pgSQL body over several lines and two statements in one file: the file runs whole.
  const extra = `CREATE TABLE mig_probe (n int NOT NULL);
CREATE FUNCTION mig_probe_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.n < 0 THEN RAISE EXCEPTION 'negativ'; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER mig_probe_check BEFORE INSERT ON mig_probe FOR EACH ROW EXECUTE FUNCTION mig_probe_check();
`;

  it("applies a file with a multi-line function body and stores its checksum", async () => {
    writeFileSync(dir + "0099_probe.sql", extra);
    expect(await migrate(opened.db, dir)).toEqual(["0099_probe.sql"]);
    await expect(sql`INSERT INTO mig_probe VALUES (-1)`.execute(opened.db)).rejects.toThrow(/negativ/);
    const { rows } = await sql<{ checksum: string | null }>`SELECT checksum FROM schema_migrations WHERE name = '0001_foundation.sql'`.execute(opened.db);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applies a migration that lands below one already applied (number blocks land out of order)", async () => {
    writeFileSync(dir + "0098_late.sql", "CREATE TABLE mig_late (n int);\n");
    expect(await migrate(opened.db, dir)).toEqual(["0098_late.sql"]);
  });

  it("refuses an edited shipped migration", async () => {
    writeFileSync(dir + "0099_probe.sql", extra + "-- ändrad\n");
    await expect(migrate(opened.db, dir)).rejects.toThrow(MigrationMismatchError);
    await expect(migrate(opened.db, dir)).rejects.toThrow(/0099_probe.sql har ändrats/);
    writeFileSync(dir + "0099_probe.sql", extra);
    expect(await migrate(opened.db, dir)).toEqual([]);
  });

  it("refuses a database with a migration the program does not ship", async () => {
    unlinkSync(dir + "0098_late.sql");
    await expect(migrate(opened.db, dir)).rejects.toThrow(/0098_late.sql, som inte finns i programmet/);
  });

  it("gives rows applied before checksums were kept their checksum and keeps going", async () => {
    writeFileSync(dir + "0098_late.sql", "CREATE TABLE mig_late (n int);\n");
    await sql`UPDATE schema_migrations SET checksum = NULL WHERE name = '0002_grants.sql'`.execute(opened.db);
    expect(await migrate(opened.db, dir)).toEqual([]);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations WHERE checksum IS NULL`.execute(opened.db);
    expect(rows[0]!.n).toBe(0);
  });
});
