import { budgetDocumentNouns, type BudgetDocumentKind, type SavedBudgetDocument } from "../../core/budget/documents";
import type { Db } from "../../db/connect";
import { getBudgetDocument, listBudgetDocuments } from "../../db/queries/budgets";
import { readableOrganisationIds, requireVisible } from "../access";
import type { Actor } from "../actor";

export const budgetDocumentMissing = (kind: BudgetDocumentKind, id: number) => `${budgetDocumentNouns[kind]} ${id} finns inte.`;

/** A document of the given kind, with its revision; a proposal the actor may not read is missing. */
export async function readBudgetDocument(db: Db, actor: Actor, kind: BudgetDocumentKind, id: number): Promise<SavedBudgetDocument> {
  const saved = await getBudgetDocument(db, id);
  return requireVisible(actor, saved?.kind === kind ? saved : undefined, budgetDocumentMissing(kind, id));
}

/** Decided documents of every organisation, proposals of the actor's own; without spec, result and metadata. */
export async function listVisibleBudgetDocuments(db: Db, actor: Actor, kind: BudgetDocumentKind): Promise<Omit<SavedBudgetDocument, "spec" | "result" | "metadata">[]> {
  const rows = await listBudgetDocuments(db, kind, readableOrganisationIds(actor));
  return rows.map(({ spec: _s, result: _r, metadata: _m, ...summary }) => summary);
}
