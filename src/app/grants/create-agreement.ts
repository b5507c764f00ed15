import type { AgreementInput, Agreement } from "../../core/grants/records";
import { getAgreement, insertAgreement } from "../../db/queries/grants-decisions";
import type { Db } from "../../db/connect";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

/** Registers an agreement (överenskommelse); an editor of the registering organisation may. */
export async function createAgreement(db: Db, actor: Actor, input: AgreementInput): Promise<Agreement> {
  requireRole(actor, input.organisationId, "editor");
  return inTransaction(db, async (trx) => {
    const id = await insertAgreement(trx, input, actor.id, actor.username);
    const created = (await getAgreement(trx, id))!;
    await writeAudit(trx, actor, { action: "create", entity: "grant_agreement", entityId: id, organisationId: input.organisationId, after: input });
    return created;
  });
}
