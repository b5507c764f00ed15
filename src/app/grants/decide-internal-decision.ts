import { allocate } from "../../core/allocation";
import { ConflictError } from "../../core/errors";
import { internalAllocationInput, type InternalLine } from "../../core/grants/internal";
import type { InternalDecision } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { getInternalDecision } from "../../db/queries/grants-internal";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";
import { lockInternal } from "./internal-lock";

/** Decides an internal decision once, by an approver; its lines must still allocate its total. */
export async function decideInternalDecision(db: Db, actor: Actor, id: number, input: { revision: number }): Promise<InternalDecision> {
  return inTransaction(db, async (trx) => {
    const locked = await lockInternal(trx, actor, id);
    requireRole(actor, locked.organisationId, "approver");
    if (locked.status === "decided") throw new ConflictError("Beslutet är redan fattat.", "decided");
    assertRevision("Det interna beslutet", locked, input.revision);
    // The stored lines are allocated again: what is decided is valid as stored, not as once previewed.
    const result = allocate(internalAllocationInput(locked.total_ore, locked.lines as InternalLine[]));
    if (result.total !== locked.total_ore) throw new ConflictError(`Raderna fördelar ${result.total} öre men beslutets belopp är ${locked.total_ore} öre.`, "unbalanced");
    await trx
      .updateTable("grant_internal_decisions")
      .set((eb) => ({ status: "decided", decided_by: actor.id, decided_at: new Date(), updated_at: new Date(), updated_by: actor.username, revision: eb("revision", "+", 1) }))
      .where("id", "=", id)
      .execute();
    await writeAudit(trx, actor, { action: "decide", entity: "grant_internal_decision", entityId: id, organisationId: locked.organisationId, before: { status: "draft", revision: locked.revision }, after: { status: "decided" } });
    return (await getInternalDecision(trx, id))!;
  });
}
