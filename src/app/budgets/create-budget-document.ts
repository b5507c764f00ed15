import type { BudgetDocumentKind, SavedBudgetDocument, SpecOf } from "../../core/budget/documents";
import type { DocumentMetadata } from "../../core/budget/specs";
import type { Db } from "../../db/connect";
import { getBudgetDocument, insertBudgetDocument } from "../../db/queries/budgets";
import { computeBudgetDocument } from "../../db/queries/budgets-compute";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

export interface BudgetDocumentContent {
  title: string;
  year: number;
  spec: unknown;
  metadata: DocumentMetadata;
}

/** Saves a new proposal of one of the four kinds, computed from its spec as stated. */
export async function createBudgetDocument(db: Db, actor: Actor, kind: BudgetDocumentKind, input: BudgetDocumentContent & { organisationId: number }): Promise<SavedBudgetDocument> {
  requireRole(actor, input.organisationId, "editor");
  return inTransaction(db, async (trx) => {
    const { result, totalOre } = await computeBudgetDocument(trx, kind, input.spec as SpecOf[typeof kind]);
    const id = await insertBudgetDocument(trx, { kind, organisationId: input.organisationId, title: input.title, year: input.year, spec: input.spec, result, metadata: input.metadata, totalOre, createdBy: actor.id });
    await writeAudit(trx, actor, { action: "create", entity: kind, entityId: id, organisationId: input.organisationId, after: { title: input.title, year: input.year, spec: input.spec, metadata: input.metadata, total: totalOre } });
    return (await getBudgetDocument(trx, id))!;
  });
}
