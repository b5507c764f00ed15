import { todayInSweden } from "../../core/grants/dates";
import type { RecipientDetail } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { addSpending } from "../../db/queries/grants-recipients";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { recipientDetail } from "./read-grants";

/** Records spending against a received grant by hand (source "manual"). */
export async function recordSpending(db: Db, actor: Actor, partId: number, code: string, input: { spentOn: string; amount: number; description: string }): Promise<RecipientDetail> {
  return inTransaction(db, async (trx) => {
    const grant = await recipientDetail(trx, actor, partId, code, todayInSweden());
    requireRole(actor, grant.recipientOrganisationId, "editor");
    const id = await addSpending(trx, { partId, recipientCode: code, ...input, source: "manual", sourceRef: null }, actor.id);
    await writeAudit(trx, actor, { action: "create", entity: "grant_spending", entityId: id, organisationId: grant.recipientOrganisationId, after: { partId, recipientCode: code, ...input } });
    return recipientDetail(trx, actor, partId, code, todayInSweden());
  });
}
