import { budgetDocumentNouns, type BudgetDocumentKind } from "../../core/budget/documents";
import { ConflictError, NotFoundError } from "../../core/errors";
import type { Role } from "../../core/roles";
import { lockBudgetDocument } from "../../db/queries/budgets";
import { requireRole, requireVisible } from "../access";
import type { Actor } from "../actor";
import { assertRevision } from "../revision";
import type { Trx } from "../transaction";
import { budgetDocumentMissing } from "./read-budget-documents";

/**
 * Locks a budget document inside the change's transaction and checks that the actor may see it
 * and holds the role, that it is a proposal (or decided, for a new version) and that nobody
 * saved since the client read it. Everything after this runs against the row as locked.
 */
export async function lockForChange(trx: Trx, actor: Actor, kind: BudgetDocumentKind, id: number, opts: { role: Role; status: "proposal" | "decided"; revision: number; decidedMessage?: string }) {
  const noun = budgetDocumentNouns[kind];
  const found = await lockBudgetDocument(trx, id);
  if (!found || found.kind !== kind) throw new NotFoundError(budgetDocumentMissing(kind, id));
  const locked = requireVisible(actor, found, budgetDocumentMissing(kind, id));
  requireRole(actor, locked.organisationId, opts.role);
  if (opts.status === "proposal" && locked.status !== "proposal") {
    throw new ConflictError(opts.decidedMessage ?? `${noun} är beslutad och kan inte ändras. Skapa en ny version i stället.`, "decided");
  }
  if (opts.status === "decided" && locked.status !== "decided") {
    throw new ConflictError("Förslag ändras direkt; nya versioner skapas från beslutade dokument.", "proposal");
  }
  assertRevision(noun, locked, opts.revision);
  return locked;
}
