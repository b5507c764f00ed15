import { rmSync } from "node:fs";
import { sql } from "kysely";
import { UserFacingError } from "../../core/errors";
import type { Db } from "../connect";
import { appliedMigrations, listSequences, listTables, quoteIdent } from "./catalog";
import { BACKUP_MAGIC, BACKUP_VERSION, BackupWriter, type BackupHeader } from "./format";

const FETCH = 2000;

export interface BackupSummary {
  path: string;
  tables: number;
  rows: number;
}

/**
 * Writes every table's rows, the sequences and the applied migrations to `path` (which must not
 * exist). One repeatable-read transaction: the file is one consistent moment of the database,
 * while writers carry on.
 */
export async function writeBackup(db: Db, path: string, kind: "pglite" | "postgres"): Promise<BackupSummary> {
  let writer: BackupWriter;
  try {
    writer = new BackupWriter(path);
  } catch (err) {
    if ((err as { code?: string }).code === "EEXIST") throw new UserFacingError(`Filen ${path} finns redan; en säkerhetskopia skriver aldrig över en annan.`, { status: 409, code: "exists" });
    throw err;
  }
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        await sql`SET TRANSACTION READ ONLY`.execute(trx);
        const head = await sql<{ last_id: number; hash: string }>`SELECT last_id, hash FROM audit_chain_head`.execute(trx);
        const header: BackupHeader = {
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          database: kind,
          migrations: await appliedMigrations(trx),
          auditHead: head.rows[0] ? { lastId: Number(head.rows[0].last_id), hash: head.rows[0].hash } : null,
        };
        await writer.line(`${BACKUP_MAGIC} ${JSON.stringify(header)}`);
        const tables = await listTables(trx);
        let rows = 0;
        for (const table of tables) {
          await writer.line(`#table ${JSON.stringify({ name: table.name, columns: table.columns })}`);
          const cols = table.columns.map(quoteIdent).join(", ");
          const order = table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
          await sql.raw(`DECLARE fordela_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM (SELECT ${cols} FROM ${quoteIdent(table.name)}${order}) t`).execute(trx);
          for (;;) {
            const batch = await sql.raw<{ line: string }>(`FETCH FORWARD ${FETCH} FROM fordela_backup`).execute(trx);
            for (const r of batch.rows) await writer.line(r.line);
            rows += batch.rows.length;
            if (batch.rows.length < FETCH) break;
          }
          await sql`CLOSE fordela_backup`.execute(trx);
        }
        await writer.line(`#sequences ${JSON.stringify(await listSequences(trx))}`);
        return { tables: tables.length, rows };
      });
    await writer.finish(summary);
    return { path, ...summary };
  } catch (err) {
    await writer.abort();
    rmSync(path, { force: true });
    throw err;
  }
}
