import { allocate } from "../../core/allocation";
import { ConflictError } from "../../core/errors";
import { internalAllocationInput } from "../../core/grants/internal";
import type { InternalDecision, InternalDecisionInput } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { getInternalDecision, updateInternalDraft } from "../../db/queries/grants-internal";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";
import { lockInternal } from "./internal-lock";

export const immutableInternal = () => new ConflictError("Beslutet är fattat och kan inte ändras. Skapa en ny version i stället.", "decided");

/** Changes a draft internal decision; a decided one never changes (make a new version). */
export async function updateInternalDecision(db: Db, actor: Actor, id: number, input: InternalDecisionInput & { revision: number }): Promise<InternalDecision> {
  const { revision, ...values } = input;
  const result = allocate(internalAllocationInput(values.total, values.lines));
  return inTransaction(db, async (trx) => {
    const locked = await lockInternal(trx, actor, id);
    requireRole(actor, locked.organisationId, "editor");
    if (locked.status === "decided") throw immutableInternal();
    assertRevision("Det interna beslutet", locked, revision);
    await updateInternalDraft(trx, id, { ...values, result }, actor.username);
    await writeAudit(trx, actor, { action: "update", entity: "grant_internal_decision", entityId: id, organisationId: locked.organisationId, before: { title: locked.title, total: locked.total_ore, metadata: locked.metadata, lines: locked.lines }, after: values });
    return (await getInternalDecision(trx, id))!;
  });
}
