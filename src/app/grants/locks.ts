import { NotFoundError } from "../../core/errors";
import { requireVisible } from "../access";
import type { Actor } from "../actor";
import type { Trx } from "../transaction";

/** A government decision's row as a change sees it: locked, so decide and edits take turns. */
export interface LockedDecision {
  id: number;
  organisationId: number;
  status: "draft" | "decided";
  total: number;
  revision: number;
  updatedBy: string | null;
  updatedAt: Date | string | null;
}

/**
 * Locks the decision's row for the rest of the transaction. Every change to the decision, its
 * parts and their distribution takes this lock first, so what is checked stays true until commit.
 * A draft of another organisation is reported as missing.
 */
export async function lockDecision(trx: Trx, actor: Actor, id: number): Promise<LockedDecision> {
  const row = await trx.selectFrom("grant_decisions").select(["id", "organisation_id", "status", "total_ore", "revision", "updated_by", "updated_at"]).where("id", "=", id).forUpdate().executeTakeFirst();
  const found = row && { id: row.id, organisationId: row.organisation_id, status: row.status, total: row.total_ore, revision: row.revision, updatedBy: row.updated_by, updatedAt: row.updated_at };
  return requireVisible(actor, found, `Regeringsbeslut ${id} finns inte.`);
}

/** The decision a part belongs to, locked as above, with the part's own facts. */
export async function lockPartDecision(trx: Trx, actor: Actor, partId: number) {
  const part = await trx.selectFrom("grant_parts").select(["id", "decision_id", "amount_ore", "recipient_group", "purpose"]).where("id", "=", partId).executeTakeFirst();
  if (!part) throw new NotFoundError(`Beslutsdel ${partId} finns inte.`);
  let decision: LockedDecision;
  try {
    decision = await lockDecision(trx, actor, part.decision_id);
  } catch (err) {
    if (err instanceof NotFoundError) throw new NotFoundError(`Beslutsdel ${partId} finns inte.`);
    throw err;
  }
  return { partId, decision, amount: part.amount_ore, recipientGroup: part.recipient_group, purpose: part.purpose };
}
