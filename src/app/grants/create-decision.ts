import { UserFacingError } from "../../core/errors";
import type { Decision, DecisionInput } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { getDecision, insertDecision } from "../../db/queries/grants-decisions";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

/** Registers a government decision as a draft; parts that do not add up yet may be saved. */
export async function createDecision(db: Db, actor: Actor, input: DecisionInput): Promise<Decision> {
  requireRole(actor, input.organisationId, "editor");
  return inTransaction(db, async (trx) => {
    const agreement = await trx.selectFrom("grant_agreements").select("id").where("id", "=", input.agreementId).executeTakeFirst();
    if (!agreement) throw new UserFacingError(`Överenskommelse ${input.agreementId} finns inte (fält agreementId).`, { where: { field: "agreementId" } });
    const id = await insertDecision(trx, input, actor.id, actor.username);
    const created = (await getDecision(trx, id))!;
    await writeAudit(trx, actor, { action: "create", entity: "grant_decision", entityId: id, organisationId: input.organisationId, after: input });
    return created;
  });
}
