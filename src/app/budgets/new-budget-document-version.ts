import type { BudgetDocumentKind, SavedBudgetDocument } from "../../core/budget/documents";
import { ConflictError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { budgetSuccessorOf, getBudgetDocument, insertBudgetDocument } from "../../db/queries/budgets";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockForChange } from "./lock-budget-document";

/**
 * A new proposal from a decided document. The decided row is locked, so of parallel calls the
 * first makes the proposal and the others are refused: versions never repeat (a constraint too).
 */
export async function newBudgetDocumentVersion(db: Db, actor: Actor, kind: BudgetDocumentKind, input: { id: number; revision: number }): Promise<SavedBudgetDocument> {
  return inTransaction(db, async (trx) => {
    const previous = await lockForChange(trx, actor, kind, input.id, { role: "editor", status: "decided", revision: input.revision });
    const next = await budgetSuccessorOf(trx, previous.id);
    if (next) throw new ConflictError(`Det finns redan en ny version (version ${next.version}, nummer ${next.id}); ändra den i stället.`, "has_successor");
    const version = previous.version + 1;
    const id = await insertBudgetDocument(trx, {
      kind,
      organisationId: previous.organisationId,
      title: previous.title,
      year: previous.year,
      spec: previous.spec,
      result: previous.result,
      metadata: previous.metadata,
      totalOre: previous.totalOre,
      createdBy: actor.id,
      version,
      previousId: previous.id,
      lineageId: previous.lineageId,
    });
    await writeAudit(trx, actor, { action: "create", entity: kind, entityId: id, organisationId: previous.organisationId, after: { versionOf: previous.id, version } });
    return (await getBudgetDocument(trx, id))!;
  });
}
