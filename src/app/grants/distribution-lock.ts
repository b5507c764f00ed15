import { ConflictError } from "../../core/errors";
import { getDistribution } from "../../db/queries/grants-distribution";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { assertRevision } from "../revision";
import type { Trx } from "../transaction";
import { lockPartDecision } from "./locks";

/**
 * What every change of a part's distribution checks, inside its transaction: the decision is
 * locked (so it cannot be decided meanwhile), still a draft, the actor an editor of its
 * organisation, and the distribution still at the revision the change is based on (0: none yet).
 */
export async function lockDistribution(trx: Trx, actor: Actor, partId: number, revision: number) {
  const part = await lockPartDecision(trx, actor, partId);
  requireRole(actor, part.decision.organisationId, "editor");
  if (part.decision.status === "decided") throw new ConflictError("Regeringsbeslutet är fastställt; fördelningen av dess delar kan inte ändras.", "decided");
  const before = await getDistribution(trx, partId, part.amount);
  assertRevision("Fördelningen", before ?? { revision: 0, updatedBy: null, updatedAt: null }, revision);
  return { ...part, before: before ? { mode: before.mode, source: before.source, entitlements: before.entitlements.map((e) => [e.recipientCode, e.amount]) } : null };
}
