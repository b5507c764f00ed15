import type { BudgetDocumentKind, SavedBudgetDocument, SpecOf } from "../../core/budget/documents";
import type { Db } from "../../db/connect";
import { getBudgetDocument, updateBudgetProposal } from "../../db/queries/budgets";
import { computeBudgetDocument } from "../../db/queries/budgets-compute";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import type { BudgetDocumentContent } from "./create-budget-document";
import { lockForChange } from "./lock-budget-document";

/** Changes a proposal; a decided document is never changed (make a new version). */
export async function updateBudgetDocument(db: Db, actor: Actor, kind: BudgetDocumentKind, input: BudgetDocumentContent & { id: number; revision: number }): Promise<SavedBudgetDocument> {
  return inTransaction(db, async (trx) => {
    const before = await lockForChange(trx, actor, kind, input.id, { role: "editor", status: "proposal", revision: input.revision });
    const { result, totalOre } = await computeBudgetDocument(trx, kind, input.spec as SpecOf[typeof kind]);
    await updateBudgetProposal(trx, input.id, { title: input.title, year: input.year, spec: input.spec, result, metadata: input.metadata, totalOre }, actor.id);
    await writeAudit(trx, actor, {
      action: "update",
      entity: kind,
      entityId: input.id,
      organisationId: before.organisationId,
      before: { title: before.title, year: before.year, spec: before.spec, metadata: before.metadata, total: before.totalOre, revision: before.revision },
      after: { title: input.title, year: input.year, spec: input.spec, metadata: input.metadata, total: totalOre, revision: before.revision + 1 },
    });
    return (await getBudgetDocument(trx, input.id))!;
  });
}

