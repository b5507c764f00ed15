import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { writeAudit } from "../../app/audit";
import type { OpenDatabase } from "../connect";
import type { Database } from "../schema";
import type { Transaction } from "kysely";
import { describeChainReport, GENESIS_HASH, verifyAuditChain } from "./audit-chain";

const actor = { id: null, username: "testare" };

/** Runs `work` in a transaction that is always rolled back, so a test may tamper freely. */
async function tamper(opened: OpenDatabase, work: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
  const undo = new Error("undo");
  await expect(
    opened.db.transaction().execute(async (trx) => {
      await work(trx);
      throw undo;
    }),
  ).rejects.toBe(undo);
}

describe("audit log hash chain", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    for (let i = 1; i <= 5; i++) {
      await opened.db.transaction().execute((trx) =>
        writeAudit(trx, actor, { action: "update", entity: "allocation", entityId: i, before: { total: i * 100, lines: [{ amount: 1 }] }, after: { total: i * 200, title: "Å ä ö \"citat\"" } }),
      );
    }
    // Outside a transaction too: the insert's own statement takes the chain lock.
    await writeAudit(opened.db, actor, { action: "export", entity: "allocation", entityId: 1 });
  });
  afterAll(() => opened.close());

  it("chains every entry to the one before it, and the chain verifies", async () => {
    const rows = await opened.db.selectFrom("audit_log").select(["id", "prev_hash", "hash"]).orderBy("id").execute();
    expect(rows.length).toBe(6);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const report = await verifyAuditChain(opened.db);
    expect(report).toEqual({ entries: 6, lastId: rows[5]!.id, problem: null });
    expect(describeChainReport(report)).toContain("obruten");
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database", async () => {
    await expect(sql`UPDATE audit_log SET username = 'någon annan'`.execute(opened.db)).rejects.toThrow(/går inte att ändra/);
    await expect(sql`DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`.execute(opened.db)).rejects.toThrow(/går inte att ändra/);
    await expect(sql`TRUNCATE audit_log`.execute(opened.db)).rejects.toThrow(/går inte att ändra/);
    await expect(opened.db.deleteFrom("audit_log").execute()).rejects.toThrow();
    expect((await verifyAuditChain(opened.db)).problem).toBeNull();
  });

  it("refuses an entry with an id before the chain's end", async () => {
    await expect(sql`INSERT INTO audit_log (id, action, entity) VALUES (1, 'create', 'x')`.execute(opened.db)).rejects.toThrow(/is not after/);
  });

  it("finds an entry whose content was changed with the guard switched off", async () => {
    const third = await opened.db.selectFrom("audit_log").select("id").orderBy("id").offset(2).limit(1).executeTakeFirstOrThrow();
    await tamper(opened, async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
      await sql`UPDATE audit_log SET after = '{"total": 1}' WHERE id = ${third.id}`.execute(trx);
      const report = await verifyAuditChain(trx);
      expect(report.problem).toEqual({ kind: "altered", id: third.id });
      expect(describeChainReport(report)).toBe(`Post ${third.id} har ändrats efter att den skrevs: dess innehåll stämmer inte med dess hash.`);
    });
  });

  it("finds a changed entry whose hash was recomputed: the next entry no longer follows it", async () => {
    const rows = await opened.db.selectFrom("audit_log").select("id").orderBy("id").execute();
    const [, second, third] = rows;
    await tamper(opened, async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
      await sql`UPDATE audit_log SET username = 'förfalskare' WHERE id = ${second!.id}`.execute(trx);
      await sql`UPDATE audit_log a SET hash = audit_log_hash(a.prev_hash, a) WHERE id = ${second!.id}`.execute(trx);
      expect((await verifyAuditChain(trx)).problem).toEqual({ kind: "broken-link", id: third!.id, previousId: second!.id });
    });
  });

  it("finds a removed entry in the middle and at the end", async () => {
    const rows = await opened.db.selectFrom("audit_log").select("id").orderBy("id").execute();
    await tamper(opened, async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
      await sql`DELETE FROM audit_log WHERE id = ${rows[3]!.id}`.execute(trx);
      const report = await verifyAuditChain(trx);
      expect(report.problem).toEqual({ kind: "broken-link", id: rows[4]!.id, previousId: rows[2]!.id });
      expect(describeChainReport(report)).toContain("tagits bort");
    });
    await tamper(opened, async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
      await sql`DELETE FROM audit_log WHERE id = ${rows[rows.length - 1]!.id}`.execute(trx);
      expect((await verifyAuditChain(trx)).problem).toEqual({ kind: "tail-removed", lastId: rows[rows.length - 2]!.id, headId: rows[rows.length - 1]!.id });
    });
    await tamper(opened, async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
      await sql`DELETE FROM audit_log WHERE id = ${rows[0]!.id}`.execute(trx);
      expect((await verifyAuditChain(trx)).problem).toEqual({ kind: "broken-link", id: rows[1]!.id, previousId: null });
    });
    expect((await verifyAuditChain(opened.db)).problem).toBeNull();
  });

  it("finds an entry put in place of another with a correctly computed hash", async () => {
    const rows = await opened.db.selectFrom("audit_log").select(["id", "hash"]).orderBy("id").execute();
    const [, second, third, fourth] = rows;
    await tamper(opened, async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain`.execute(trx);
      await sql`DELETE FROM audit_log WHERE id = ${third!.id}`.execute(trx);
      await sql`INSERT INTO audit_log (id, action, entity, prev_hash, hash) VALUES (${third!.id}, 'delete', 'user', ${second!.hash}, '')`.execute(trx);
      await sql`UPDATE audit_log a SET hash = audit_log_hash(a.prev_hash, a) WHERE id = ${third!.id}`.execute(trx);
      expect((await verifyAuditChain(trx)).problem).toEqual({ kind: "broken-link", id: fourth!.id, previousId: third!.id });
    });
  });

  it("keeps one chain when writers run at once", async () => {
    const before = await verifyAuditChain(opened.db);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        opened.db.transaction().execute(async (trx) => {
          await writeAudit(trx, actor, { action: "create", entity: "allocation", entityId: 100 + i });
          await writeAudit(trx, actor, { action: "decide", entity: "allocation", entityId: 100 + i });
        }),
      ),
    );
    const after = await verifyAuditChain(opened.db);
    expect(after.problem).toBeNull();
    expect(after.entries).toBe(before.entries + 24);
  });
});
