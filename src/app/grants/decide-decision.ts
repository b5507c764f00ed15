import { ConflictError } from "../../core/errors";
import { checkParts } from "../../core/grants/parts-check";
import type { Decision } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { decisionParts, getDecision } from "../../db/queries/grants-decisions";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";
import { lockDecision } from "./locks";

/**
 * Decides (locks) a government decision: once, by an approver, and only when its parts as
 * stored add up to its total. The row lock makes a concurrent edit or second decide wait and
 * then see the decided state; the database's trigger refuses an unbalanced decide as well.
 */
export async function decideDecision(db: Db, actor: Actor, id: number, input: { revision: number }): Promise<Decision> {
  return inTransaction(db, async (trx) => {
    const locked = await lockDecision(trx, actor, id);
    requireRole(actor, locked.organisationId, "approver");
    if (locked.status === "decided") throw new ConflictError("Regeringsbeslutet är redan fastställt.", "decided");
    assertRevision("Regeringsbeslutet", locked, input.revision);
    const parts = await decisionParts(trx, [id]);
    if (parts.length === 0) throw new ConflictError("Beslutet kan inte fastställas utan delar.", "unbalanced");
    const check = checkParts(locked.total, parts);
    if (!check.balanced) throw new ConflictError(`Beslutet kan inte fastställas: ${check.message}`, "unbalanced");
    await trx
      .updateTable("grant_decisions")
      .set((eb) => ({ status: "decided", decided_by: actor.id, decided_at: new Date(), updated_at: new Date(), updated_by: actor.username, revision: eb("revision", "+", 1) }))
      .where("id", "=", id)
      .execute();
    await writeAudit(trx, actor, { action: "decide", entity: "grant_decision", entityId: id, organisationId: locked.organisationId, before: { status: "draft", revision: locked.revision }, after: { status: "decided", total: locked.total } });
    return (await getDecision(trx, id))!;
  });
}
