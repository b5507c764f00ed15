import type { Ore } from "../../core/allocation/types";
import type { RequisitionContent, Signatory } from "../../core/grants/closing-content";
import { ConflictError, StaleRevisionError, UserFacingError } from "../../core/errors";
import { recipientStatus } from "../../core/grants/status";
import type { Db } from "../../db/connect";
import { recipientGrants, toState } from "../../db/queries/grants-recipients";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { recipientClosing } from "./closing-access";
import { requisitionContent } from "./closing-content";

export interface ProduceRequisitionInput {
  partId: number;
  recipientCode: string;
  /** The requisition's date, "2023-03-15". */
  date: string;
  /** What is asked for; the whole entitlement when not given. */
  amount?: Ore;
  signatory: Signatory;
  /** The latest version the user saw: 0 before the first. */
  expectedVersion: number;
}

export interface ProducedRequisition {
  id: number;
  version: number;
  content: RequisitionContent;
}

/**
 * Makes a requisition for a recipient's part and keeps it with the recipient's status at that
 * moment. A requisition already made is never changed: a new one is the next version.
 */
export async function produceRequisition(db: Db, actor: Actor, input: ProduceRequisitionInput): Promise<ProducedRequisition> {
  return inTransaction(db, async (trx) => {
    // The entitlement row serialises requisitions of the same recipient's part.
    await trx.selectFrom("grant_entitlements").select("part_id").where("part_id", "=", input.partId).where("recipient_code", "=", input.recipientCode).forUpdate().executeTakeFirst();
    const closing = await recipientClosing(trx, actor, input.partId, input.recipientCode, "editor");
    const c = closing.context;
    if (!c.recipient.payment) {
      throw new UserFacingError(`Ange organisationsnummer och bankgiro, plusgiro eller bankkonto för ${c.recipient.name} innan rekvisitionen tas fram.`, { status: 409, code: "payment_details_missing", where: { field: "payee" } });
    }
    if (input.expectedVersion !== c.latestRequisitionVersion) {
      const last = await trx.selectFrom("grant_requisitions").select(["produced_by_name", "produced_at"]).where("part_id", "=", input.partId).where("recipient_code", "=", input.recipientCode).orderBy("version", "desc").executeTakeFirst();
      throw new StaleRevisionError(`Rekvisitionen för ${c.recipient.name}, del ${c.position}`, { revision: c.latestRequisitionVersion, updatedBy: last?.produced_by_name ?? null, updatedAt: last?.produced_at ?? null });
    }
    const amount = input.amount ?? c.entitled;
    if (amount <= 0 || amount > c.entitled) throw new ConflictError(`Det rekvirerade beloppet ska vara mer än 0 och högst ${c.entitled / 100} kr, vad ${c.recipient.name} har rätt till enligt beslutet.`, "amount");
    const [grant] = await recipientGrants(trx, { partId: input.partId, recipientCodes: [input.recipientCode], draftOrganisations: "all" }, input.date);
    const statusText = grant ? recipientStatus(grant.terms, toState(grant.entitled, grant.receipt, grant.figures.spent), input.date).text : "";
    const version = c.latestRequisitionVersion + 1;
    const content = requisitionContent(c, { version, date: input.date, amount, statusText, signatory: input.signatory });
    const { id } = await trx
      .insertInto("grant_requisitions")
      .values({
        part_id: input.partId,
        recipient_code: input.recipientCode,
        version,
        requisition_date: input.date,
        amount_ore: amount,
        content: JSON.stringify(content),
        recipient_state: JSON.stringify({ receipt: c.receipt, figures: grant?.figures ?? null, status: grant?.status ?? null }),
        produced_by: actor.id,
        produced_by_name: actor.username,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: "create", entity: "grant_requisition", entityId: id, organisationId: c.recipient.id, after: { partId: input.partId, recipientCode: input.recipientCode, version, amount, date: input.date } });
    return { id, version, content };
  });
}
