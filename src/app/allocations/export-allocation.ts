import type { SavedAllocation } from "../../core/allocation/saved";
import type { Db } from "../../db/connect";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { readAllocation } from "./read-allocations";

/**
 * An export (CSV, XLSX, a decision document) of a visible allocation, logged. The caller renders
 * the file; the audit row is written only once the file exists.
 */
export async function exportAllocation<T>(db: Db, actor: Actor, input: { id: number; format: string; document?: boolean }, render: (saved: SavedAllocation) => Promise<T>): Promise<T> {
  const saved = await readAllocation(db, actor, input.id);
  const file = await render(saved);
  await inTransaction(db, (trx) =>
    writeAudit(trx, actor, { action: "export", entity: "allocation", entityId: input.id, organisationId: saved.organisationId, after: input.document ? { format: input.format, document: true } : { format: input.format } }),
  );
  return file;
}
