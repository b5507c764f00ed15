import type { Db } from "../../db/connect";
import type { Actor } from "../actor";
import { writeAudit, type AuditEvent } from "../audit";
import { inTransaction } from "../transaction";

/**
 * Logs a download (a document, a workbook, the audit log itself) once its file exists, so a
 * failed rendering leaves no row claiming an export. An export changes no data, so the row is
 * its own transaction. The caller has already read the record with the reader's access checked.
 */
export async function recordExport(db: Db, actor: Actor, event: Omit<AuditEvent, "action">): Promise<void> {
  await inTransaction(db, (trx) => writeAudit(trx, actor, { ...event, action: "export" }));
}
