import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { systemActor } from "../../app/actor";
import { writeAudit } from "../../app/audit";
import { restoreBackup } from "../../app/database/restore-backup";
import { nightlyBackupConfigFromEnv, runNightlyBackup } from "../../app/database/run-nightly-backup";
import { ConflictError, UserFacingError } from "../../core/errors";
import { createUser } from "../../server/auth/users";
import { openDatabase, type Db, type OpenDatabase } from "../connect";
import { loadDemoData } from "../demo/load";
import { migrate } from "../migrate";
import { verifyAuditChain } from "../queries/audit-chain";
import { loadReferenceData } from "../queries/reference";
import { listSequences, listTables, quoteIdent } from "./catalog";
import { writeBackup } from "./write-backup";

const operator = systemActor("testare");

/** Every table's rows as sorted JSON texts (times in UTC), and the sequences: the whole database. */
async function snapshot(db: Db, auditUpTo?: number): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
    const out: Record<string, string[]> = {};
    for (const t of await listTables(trx)) {
      const where = t.name === "audit_log" && auditUpTo !== undefined ? ` WHERE id <= ${auditUpTo}` : "";
      const rows = await sql.raw<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM (SELECT ${t.columns.map(quoteIdent).join(", ")} FROM ${quoteIdent(t.name)}${where}) x`).execute(trx);
      out[t.name] = rows.rows.map((r) => r.j).sort();
    }
    out["(sequences)"] = (await listSequences(trx)).filter((s) => s.name !== "audit_log_id_seq").map((s) => JSON.stringify(s));
    return out;
  });
}

async function filledDatabase(opened: OpenDatabase): Promise<void> {
  await loadReferenceData(opened.db);
  await loadDemoData(opened.db);
  await createUser(opened.db, { username: "anna", displayName: "Anna Ände \"citat\" \\ ny\nrad", password: "lösenord-123", roles: [{ organisationCode: "23", role: "editor" }] });
  await writeAudit(opened.db, { id: null, username: "anna" }, { action: "update", entity: "allocation", entityId: 1, before: { total: 9_007_199_254_740_991 }, after: { total: 1, text: "å\u0000?" .replace("\u0000", "") } });
}

async function pglite(): Promise<OpenDatabase> {
  const opened = await openDatabase({ dataDir: "memory://" });
  await migrate(opened.db);
  return opened;
}

describe("backup and restore", () => {
  let dir: string;
  let source: OpenDatabase;
  let file: string;
  let before: Record<string, string[]>;
  let auditHead: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "fordela-backup-"));
    source = await createTestDatabase();
    await filledDatabase(source);
    file = join(dir, "kopia.fordela.gz");
    const summary = await writeBackup(source.db, file, source.kind);
    expect(summary.rows).toBeGreaterThan(500);
    before = await snapshot(source.db);
    auditHead = (await verifyAuditChain(source.db)).lastId!;
  }, 240_000);
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function roundTrip(target: OpenDatabase) {
    const result = await restoreBackup(target.db, operator, { path: file, force: false });
    expect(result.rows).toBe(Object.entries(before).filter(([k]) => k !== "(sequences)").reduce((n, [, rows]) => n + rows.length, 0));
    expect(await snapshot(target.db, auditHead)).toEqual(before);
    const chain = await verifyAuditChain(target.db);
    expect(chain.problem).toBeNull();
    // The restore is itself in the log, after the restored entries.
    const last = await target.db.selectFrom("audit_log").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: "restore", entity: "database", username: "testare" });
    expect(last.id).toBeGreaterThan(auditHead);
    // New rows continue after the restored ones.
    await writeAudit(target.db, operator, { action: "create", entity: "allocation" });
    expect((await verifyAuditChain(target.db)).problem).toBeNull();
  }

  it("restores every table, sequence and the audit chain into an empty database of the same kind", async () => {
    const target = await createTestDatabase();
    try {
      await roundTrip(target);
    } finally {
      await target.close();
    }
  }, 240_000);

  it.runIf(process.env.DATABASE_URL)("restores a PGlite backup into PostgreSQL and back", async () => {
    // source is PostgreSQL here: PostgreSQL → PGlite, then that PGlite's own backup → a new PostgreSQL.
    const lite = await pglite();
    try {
      await roundTrip(lite);
      const liteFile = join(dir, "fran-pglite.gz");
      await writeBackup(lite.db, liteFile, "pglite");
      const server = await createTestDatabase();
      try {
        await restoreBackup(server.db, operator, { path: liteFile, force: false });
        expect(await snapshot(server.db, auditHead)).toEqual(before);
        const liteLast = (await verifyAuditChain(lite.db)).lastId!;
        expect(await snapshot(server.db, liteLast)).toEqual(await snapshot(lite.db));
        expect((await verifyAuditChain(server.db)).problem).toBeNull();
      } finally {
        await server.close();
      }
    } finally {
      await lite.close();
    }
  }, 240_000);

  it("refuses a used database without --force, and replaces it with --force", async () => {
    const target = await createTestDatabase();
    try {
      await loadReferenceData(target.db);
      await createUser(target.db, { username: "bertil", password: "lösenord-456" });
      const refused = await restoreBackup(target.db, operator, { path: file, force: false }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ConflictError);
      expect((refused as Error).message).toMatch(/^Databasen används redan \(1 användare, 1 poster i granskningsloggen\)/);
      expect(await target.db.selectFrom("users").select("username").execute()).toEqual([{ username: "bertil" }]);
      await restoreBackup(target.db, operator, { path: file, force: true });
      expect(await snapshot(target.db, auditHead)).toEqual(before);
      expect((await verifyAuditChain(target.db)).problem).toBeNull();
    } finally {
      await target.close();
    }
  }, 240_000);

  it("refuses a file whose migrations differ, an altered file and a cut-off file, leaving the database as it was", async () => {
    const target = await createTestDatabase();
    try {
      await createUser(target.db, { username: "cecilia", password: "lösenord-789" });
      const untouched = await snapshot(target.db);

      const text = gunzipSync(readFileSync(file)).toString("utf8");
      const altered = join(dir, "andrad.gz");
      writeFileSync(altered, gzipSync(text.replace('"username":"anna"', '"username":"mallory"')));
      const e1 = await restoreBackup(target.db, operator, { path: altered, force: true }).catch((e: unknown) => e);
      expect((e1 as Error).message).toBe("Säkerhetskopian går inte att läsa: kontrollsumman stämmer inte: filen har ändrats eller skadats.");

      const cut = join(dir, "avkortad.gz");
      writeFileSync(cut, gzipSync(text.slice(0, text.lastIndexOf("#sequences"))));
      const e2 = await restoreBackup(target.db, operator, { path: cut, force: true }).catch((e: unknown) => e);
      expect((e2 as Error).message).toMatch(/slutraden/);

      const halfGzip = join(dir, "trasig.gz");
      const zipped = readFileSync(file);
      writeFileSync(halfGzip, zipped.subarray(0, zipped.length >> 1));
      const e3 = await restoreBackup(target.db, operator, { path: halfGzip, force: true }).catch((e: unknown) => e);
      expect(e3).toBeInstanceOf(UserFacingError);

      const other = join(dir, "annan-version.gz");
      writeFileSync(other, gzipSync(text.replace('"name":"0001_foundation.sql"', '"name":"0001_grund.sql"')));
      const e4 = await restoreBackup(target.db, operator, { path: other, force: true }).catch((e: unknown) => e);
      expect(e4).toBeInstanceOf(ConflictError);
      expect((e4 as Error).message).toMatch(/^Säkerhetskopian hör till en annan version av databasen: kopian har migreringar som databasen saknar \(0001_grund.sql\); databasen har migreringar som kopian saknar \(0001_foundation.sql\)/);

      expect(await snapshot(target.db)).toEqual(untouched);
    } finally {
      await target.close();
    }
  }, 240_000);

  it("never writes over an existing file", async () => {
    await expect(writeBackup(source.db, file, source.kind)).rejects.toThrow(/finns redan/);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });

  it("writes one nightly backup per night whichever instance asks first, and keeps the newest N", async () => {
    const nightly = join(dir, "natt");
    mkdirSync(nightly);
    writeFileSync(join(nightly, "annat.txt"), "rörs inte");
    const config = nightlyBackupConfigFromEnv({ FORDELA_BACKUP_DIR: nightly, FORDELA_BACKUP_KEEP: "2" })!;
    expect(config).toEqual({ dir: nightly, keep: 2 });
    expect(nightlyBackupConfigFromEnv({})).toBeNull();
    expect(() => nightlyBackupConfigFromEnv({ FORDELA_BACKUP_DIR: nightly, FORDELA_BACKUP_KEEP: "0" })).toThrow(/FORDELA_BACKUP_KEEP/);

    const outcomes = await Promise.all(["a:1", "b:2", "c:3"].map((instance) => runNightlyBackup(source.db, source.kind, config, "2026-01-01", instance)));
    expect(outcomes.filter((o) => o.ran).length).toBe(1);
    expect(outcomes.filter((o) => !o.ran)).toEqual([{ ran: false, reason: "claimed-elsewhere" }, { ran: false, reason: "claimed-elsewhere" }]);
    await runNightlyBackup(source.db, source.kind, config, "2026-01-02", "a:1");
    const third = await runNightlyBackup(source.db, source.kind, config, "2026-01-03", "b:2");
    expect(third).toMatchObject({ ran: true, removed: ["fordela-2026-01-01.fordela.gz"] });
    expect(readdirSync(nightly).sort()).toEqual(["annat.txt", "fordela-2026-01-02.fordela.gz", "fordela-2026-01-03.fordela.gz"]);
    const runs = await source.db.selectFrom("backup_runs").select(["night", "claimed_by"]).where("finished_at", "is not", null).orderBy("night").execute();
    expect(runs.map((r) => r.night)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
    expect((await verifyAuditChain(source.db)).problem).toBeNull();
  }, 240_000);
});
