import { assertBalanced, checkFrameChange } from "../../core/budget";
import { budgetDocumentNouns, type BudgetDocumentKind, type SavedBudgetDocument } from "../../core/budget/documents";
import type { FrameChangeSpec } from "../../core/budget/specs";
import type { Db } from "../../db/connect";
import { getBudgetDocument, markDecided } from "../../db/queries/budgets";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockForChange } from "./lock-budget-document";

/**
 * Decides a proposal exactly once, and only if it is valid as stored at that moment: the row is
 * locked, then its status, revision and (for a frame change) balance are checked, so an edit
 * racing the decision can never slip an unbalanced change into a decided one.
 */
export async function decideBudgetDocument(db: Db, actor: Actor, kind: BudgetDocumentKind, input: { id: number; revision: number }): Promise<SavedBudgetDocument> {
  return inTransaction(db, async (trx) => {
    const before = await lockForChange(trx, actor, kind, input.id, { role: "approver", status: "proposal", revision: input.revision, decidedMessage: `${budgetDocumentNouns[kind]} är redan beslutad.` });
    // Recomputed from the stored spec, not trusted from the stored result.
    if (kind === "frame_change") assertBalanced(checkFrameChange(before.spec as FrameChangeSpec));
    await markDecided(trx, input.id, actor.id);
    await writeAudit(trx, actor, { action: "decide", entity: kind, entityId: input.id, organisationId: before.organisationId, before: { status: "proposal", revision: before.revision }, after: { status: "decided", revision: before.revision + 1 } });
    return (await getBudgetDocument(trx, input.id))!;
  });
}
