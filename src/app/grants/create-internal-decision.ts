import { allocate } from "../../core/allocation";
import { internalAllocationInput } from "../../core/grants/internal";
import type { InternalDecision, InternalDecisionInput } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { getInternalDecision, insertInternalDecision } from "../../db/queries/grants-internal";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockPartDecision } from "./locks";
import { organisationByCode } from "./read-grants";

/** A recipient's first version of how it allocates a received grant internally (a draft). */
export async function createInternalDecision(db: Db, actor: Actor, input: InternalDecisionInput & { partId: number; organisationCode: string }): Promise<InternalDecision> {
  const { partId, organisationCode, ...values } = input;
  const result = allocate(internalAllocationInput(values.total, values.lines));
  return inTransaction(db, async (trx) => {
    const org = await organisationByCode(trx, organisationCode);
    requireRole(actor, org.id, "editor");
    await lockPartDecision(trx, actor, partId);
    const id = await insertInternalDecision(trx, { ...values, partId, organisationId: org.id, result }, actor.id, actor.username);
    await writeAudit(trx, actor, { action: "create", entity: "grant_internal_decision", entityId: id, organisationId: org.id, after: input });
    return (await getInternalDecision(trx, id))!;
  });
}
