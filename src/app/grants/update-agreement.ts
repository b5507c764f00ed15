import { NotFoundError } from "../../core/errors";
import type { Agreement, AgreementInput } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { getAgreement, updateAgreement as writeAgreement } from "../../db/queries/grants-decisions";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";

export type UpdateAgreementInput = Omit<AgreementInput, "organisationId"> & { revision: number };

/** Changes an agreement; refused when somebody saved since the revision the change is based on. */
export async function updateAgreement(db: Db, actor: Actor, id: number, input: UpdateAgreementInput): Promise<Agreement> {
  return inTransaction(db, async (trx) => {
    const locked = await trx.selectFrom("grant_agreements").select(["organisation_id", "revision", "updated_by", "updated_at"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!locked) throw new NotFoundError(`Överenskommelse ${id} finns inte.`);
    requireRole(actor, locked.organisation_id, "editor");
    assertRevision("Överenskommelsen", { revision: locked.revision, updatedBy: locked.updated_by, updatedAt: locked.updated_at }, input.revision);
    const before = (await getAgreement(trx, id))!;
    const { revision: _revision, ...values } = input;
    await writeAgreement(trx, id, values, actor.username);
    const after = (await getAgreement(trx, id))!;
    await writeAudit(trx, actor, { action: "update", entity: "grant_agreement", entityId: id, organisationId: locked.organisation_id, before, after });
    return after;
  });
}
