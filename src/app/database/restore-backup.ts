import { basename } from "node:path";
import { sql } from "kysely";
import { ConflictError, ForbiddenError, UserFacingError } from "../../core/errors";
import { appliedMigrations, listTables, quoteIdent, type TableInfo } from "../../db/backup/catalog";
import { BackupFileError, readBackup, type BackupHeader } from "../../db/backup/format";
import type { Db } from "../../db/connect";
import { describeChainReport, GENESIS_HASH, verifyAuditChain } from "../../db/queries/audit-chain";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction, type Trx } from "../transaction";

export interface RestoreInput {
  path: string;
  /** Replace a database that already holds users or audit entries. */
  force: boolean;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  backupCreatedAt: string;
  auditEntries: number;
}

const BATCH = 2000;

function migrationMismatch(file: BackupHeader["migrations"], here: { name: string; checksum: string | null }[]): string | null {
  const mine = new Map(here.map((m) => [m.name, m.checksum]));
  const theirs = new Map(file.map((m) => [m.name, m.checksum]));
  const missingHere = file.filter((m) => !mine.has(m.name)).map((m) => m.name);
  const missingThere = here.filter((m) => !theirs.has(m.name)).map((m) => m.name);
  const changed = file.filter((m) => mine.has(m.name) && m.checksum && mine.get(m.name) && mine.get(m.name) !== m.checksum).map((m) => m.name);
  const parts: string[] = [];
  if (missingHere.length) parts.push(`kopian har migreringar som databasen saknar (${missingHere.join(", ")})`);
  if (missingThere.length) parts.push(`databasen har migreringar som kopian saknar (${missingThere.join(", ")})`);
  if (changed.length) parts.push(`migreringar skiljer sig i innehåll (${changed.join(", ")})`);
  return parts.length ? parts.join("; ") : null;
}

async function insertRows(trx: Trx, table: TableInfo, columns: string[], lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const cols = columns.map(quoteIdent).join(", ");
  // The rows go in as one JSON array text and PostgreSQL parses them into the table's own types.
  await sql`INSERT INTO ${sql.raw(quoteIdent(table.name))} (${sql.raw(cols)}) OVERRIDING SYSTEM VALUE SELECT ${sql.raw(cols)} FROM json_populate_recordset(NULL::${sql.raw(quoteIdent(table.name))}, ${"[" + lines.join(",") + "]"}::json)`.execute(trx);
}

/**
 * Replaces the database's contents with a backup's, in one transaction: every table emptied and
 * refilled, sequences set, the audit log re-chained entry by entry by the database's own trigger
 * and checked to end at the backup's chain head, and a restore entry appended. The file's
 * migrations must be exactly the database's. Without `force`, only a database nobody has used
 * (no users, no audit entries) is restored into.
 */
export async function restoreBackup(db: Db, actor: Actor, input: RestoreInput): Promise<RestoreResult> {
  if (!actor.isAdmin) throw new ForbiddenError("Bara en administratör kan återställa databasen.");
  return inTransaction(db, async (trx) => {
    const lines = readBackup(input.path);
    const first = await lines.next();
    if (first.done || first.value.kind !== "header") throw new BackupFileError("huvudet saknas.");
    const header = first.value.header;
    if (header.version !== 1) throw new BackupFileError(`formatversion ${header.version} är okänd för den här versionen av Fördela.`);
    const mismatch = migrationMismatch(header.migrations, await appliedMigrations(trx));
    if (mismatch) throw new ConflictError(`Säkerhetskopian hör till en annan version av databasen: ${mismatch}. Återställ i en Fördela av samma version som gjorde kopian.`, "migrations_differ");

    // Writers wait for the restore; the chain head lock also keeps audit writers out.
    const tables = await listTables(trx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    await sql.raw(`LOCK TABLE ${tables.map((t) => quoteIdent(t.name)).join(", ")} IN ACCESS EXCLUSIVE MODE`).execute(trx);
    if (!input.force) {
      const used = await sql<{ users: number; audit: number }>`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM audit_log)::int AS audit`.execute(trx);
      const u = used.rows[0]!;
      if (u.users > 0 || u.audit > 0) {
        throw new ConflictError(`Databasen används redan (${u.users} användare, ${u.audit} poster i granskningsloggen). Återställning ersätter allt innehåll: ange --force om det är meningen.`, "not_empty");
      }
    }
    // The append-only guard is lifted for this transaction only: emptying the log is part of
    // replacing the whole database, and the restored log is re-chained and checked below.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate`.execute(trx);
    await sql.raw(`TRUNCATE ${tables.map((t) => quoteIdent(t.name)).join(", ")}`).execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate`.execute(trx);
    await sql`UPDATE audit_chain_head SET last_id = 0, hash = ${GENESIS_HASH}`.execute(trx);
    // Rows go back as they were, so the rules that guard changes (a decided record's parts are
    // frozen, and the like) must not judge them again; foreign keys still hold. The audit log
    // keeps its chain trigger: it re-chains every restored entry.
    const guarded = tables.filter((t) => t.name !== "audit_log").map((t) => quoteIdent(t.name));
    for (const t of guarded) await sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER USER`).execute(trx);

    let current: { table: TableInfo; columns: string[] } | null = null;
    let pending: string[] = [];
    let rows = 0;
    let tableCount = 0;
    const seen = new Set<string>();
    const flush = async () => {
      if (current) await insertRows(trx, current.table, current.columns, pending);
      rows += pending.length;
      pending = [];
    };
    let sequences: { name: string; lastValue: string | null; startValue: string }[] = [];
    let end: { tables: number; rows: number; sha256: string; actualSha256: string } | null = null;
    for await (const line of lines) {
      if (line.kind === "row") {
        if (!current) throw new BackupFileError("en rad står före första tabellen.");
        pending.push(line.json);
        if (pending.length >= BATCH) await flush();
      } else if (line.kind === "table") {
        await flush();
        const table = byName.get(line.name);
        if (!table) throw new ConflictError(`Säkerhetskopian har tabellen ${line.name}, som databasen saknar.`, "migrations_differ");
        const unknown = line.columns.filter((c) => !table.columns.includes(c));
        if (unknown.length) throw new ConflictError(`Tabellen ${line.name} i kopian har kolumner som databasen saknar: ${unknown.join(", ")}.`, "migrations_differ");
        current = { table, columns: line.columns };
        seen.add(line.name);
        tableCount++;
      } else if (line.kind === "sequences") {
        await flush();
        current = null;
        sequences = line.sequences;
      } else if (line.kind === "end") {
        await flush();
        end = line;
      }
    }
    for (const t of guarded) await sql.raw(`ALTER TABLE ${t} ENABLE TRIGGER USER`).execute(trx);
    if (!end) throw new BackupFileError("slutraden saknas.");
    if (end.sha256 !== end.actualSha256) throw new BackupFileError("kontrollsumman stämmer inte: filen har ändrats eller skadats.");
    if (end.rows !== rows || end.tables !== tableCount) throw new BackupFileError(`slutraden anger ${end.tables} tabeller och ${end.rows} rader, filen har ${tableCount} och ${rows}.`);
    // setval is not undone by a rollback, so sequences are set only once the file has proved whole.
    for (const s of sequences) {
      if (s.lastValue === null) await sql`SELECT setval(${quoteIdent(s.name)}::regclass, ${s.startValue}::bigint, false)`.execute(trx);
      else await sql`SELECT setval(${quoteIdent(s.name)}::regclass, ${s.lastValue}::bigint, true)`.execute(trx);
    }
    const missing = tables.filter((t) => !seen.has(t.name)).map((t) => t.name);
    if (missing.length) throw new ConflictError(`Säkerhetskopian saknar tabellerna ${missing.join(", ")}.`, "migrations_differ");

    // The trigger re-chained each restored entry from the restored content: it must end where
    // the backup's chain ended, or the log in the file was not the log that was backed up.
    const head = await sql<{ last_id: number; hash: string }>`SELECT last_id, hash FROM audit_chain_head`.execute(trx);
    const expected = header.auditHead ?? { lastId: 0, hash: GENESIS_HASH };
    if (Number(head.rows[0]!.last_id) !== expected.lastId || head.rows[0]!.hash !== expected.hash) {
      throw new UserFacingError("Granskningsloggen i säkerhetskopian hänger inte ihop med kopians kedjehuvud; inget har återställts.", { code: "audit_chain" });
    }
    const report = await verifyAuditChain(trx);
    if (report.problem) throw new UserFacingError(`Granskningsloggen efter återställningen är bruten: ${describeChainReport(report)} Inget har återställts.`, { code: "audit_chain" });

    await writeAudit(trx, actor, { action: "restore", entity: "database", after: { file: basename(input.path), backupCreatedAt: header.createdAt, tables: tableCount, rows, force: input.force } });
    return { tables: tableCount, rows, backupCreatedAt: header.createdAt, auditEntries: report.entries + 1 };
  });
}
