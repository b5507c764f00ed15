import type { BudgetDocumentKind, SavedBudgetDocument } from "../../core/budget/documents";
import type { Db } from "../../db/connect";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { readBudgetDocument } from "./read-budget-documents";

/** A decision document (PDF, XLSX) of a visible budget document, logged once the file exists. */
export async function exportBudgetDocument<T>(db: Db, actor: Actor, kind: BudgetDocumentKind, input: { id: number; format: string }, render: (saved: SavedBudgetDocument) => Promise<T>): Promise<T> {
  const saved = await readBudgetDocument(db, actor, kind, input.id);
  const file = await render(saved);
  await inTransaction(db, (trx) => writeAudit(trx, actor, { action: "export", entity: kind, entityId: input.id, organisationId: saved.organisationId, after: { format: input.format } }));
  return file;
}
