import { ConflictError, UserFacingError } from "../../core/errors";
import type { Decision, DecisionInput } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { getDecision, updateDecision as writeDecision } from "../../db/queries/grants-decisions";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";
import { lockDecision } from "./locks";

export type UpdateDecisionInput = Omit<DecisionInput, "organisationId"> & { revision: number };

/** Changes a draft decision and its parts; a decided one is refused, as is a stale revision. */
export async function updateDecision(db: Db, actor: Actor, id: number, input: UpdateDecisionInput): Promise<Decision> {
  return inTransaction(db, async (trx) => {
    const locked = await lockDecision(trx, actor, id);
    requireRole(actor, locked.organisationId, "editor");
    if (locked.status === "decided") throw new ConflictError("Regeringsbeslutet är fastställt och kan inte ändras.", "decided");
    assertRevision("Regeringsbeslutet", locked, input.revision);
    const before = (await getDecision(trx, id))!;
    const known = new Set(before.parts.map((p) => p.id));
    const stranger = input.parts.findIndex((p) => p.id !== undefined && !known.has(p.id));
    if (stranger >= 0) throw new UserFacingError(`Del ${input.parts[stranger]!.id} hör inte till beslut ${id} (fält parts.id).`, { where: { path: `parts[${stranger}].id` } });
    const agreement = await trx.selectFrom("grant_agreements").select("id").where("id", "=", input.agreementId).executeTakeFirst();
    if (!agreement) throw new UserFacingError(`Överenskommelse ${input.agreementId} finns inte (fält agreementId).`, { where: { field: "agreementId" } });
    const { revision: _revision, ...values } = input;
    await writeDecision(trx, id, values, actor.username);
    const after = (await getDecision(trx, id))!;
    await writeAudit(trx, actor, { action: "update", entity: "grant_decision", entityId: id, organisationId: locked.organisationId, before, after: values });
    return after;
  });
}
