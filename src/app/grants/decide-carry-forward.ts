import type { Ore } from "../../core/allocation/types";
import { ConflictError, UserFacingError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { carryForwardsOf, closingContext, type CarryForwardRecord } from "../../db/queries/grants-closing";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { recipientClosing } from "./closing-access";

export interface DecideCarryForwardInput {
  fromPartId: number;
  toPartId: number;
  recipientCode: string;
  /** The grantor's registration number of the consent. */
  diaryNumber: string;
  decidedOn: string;
  /** By when the carried money must be used and reported. */
  newDeadline: string;
  /** The most the grantor lets move; all that is unspent when not given. */
  cap: Ore | null;
}

/**
 * Registers the grantor's decision that a recipient's unspent money of one part may be used under
 * a later year's part: the unspent amount then moves there instead of being repaid. One consent
 * per part and recipient; it is a decision and never changes.
 */
export async function decideCarryForward(db: Db, actor: Actor, input: DecideCarryForwardInput): Promise<CarryForwardRecord> {
  const diary = input.diaryNumber.trim();
  if (!diary) throw new UserFacingError("Ange diarienumret på bidragsgivarens beslut om att medlen får användas nästa år.", { where: { field: "diaryNumber" } });
  if (input.fromPartId === input.toPartId) throw new UserFacingError("Medlen ska föras till en annan del, nästa års beslut.", { where: { field: "toPartId" } });
  return inTransaction(db, async (trx) => {
    await trx.selectFrom("grant_entitlements").select("part_id").where("part_id", "=", input.fromPartId).where("recipient_code", "=", input.recipientCode).forUpdate().executeTakeFirst();
    const from = (await recipientClosing(trx, actor, input.fromPartId, input.recipientCode, "editor")).context;
    const to = await closingContext(trx, input.toPartId, input.recipientCode);
    if (!to) throw new UserFacingError(`${from.recipient.name} har inget belopp i del ${input.toPartId}; medlen kan bara föras till en del där organisationen är mottagare.`, { status: 409, code: "no_target", where: { field: "toPartId" } });
    if (to.decision.year <= from.decision.year) {
      throw new UserFacingError(`Del ${input.toPartId} gäller ${to.decision.year}; medlen från ${from.decision.year} kan bara föras till ett senare år.`, { status: 409, code: "not_later", where: { field: "toPartId" } });
    }
    if (input.newDeadline <= from.period.to) throw new UserFacingError(`Den nya sista dagen ${input.newDeadline} ska ligga efter periodens slut ${from.period.to}.`, { where: { field: "newDeadline" } });
    const existing = await carryForwardsOf(trx, input.fromPartId, input.recipientCode);
    if (existing.out) throw new ConflictError(`Ett medgivande (${existing.out.diaryNumber}) finns redan för ${from.recipient.name}, del ${from.position}; det ändras inte.`, "exists");
    const { id } = await trx
      .insertInto("grant_carry_forwards")
      .values({ from_part_id: input.fromPartId, to_part_id: input.toPartId, recipient_code: input.recipientCode, diary_number: diary, decided_on: input.decidedOn, new_deadline: input.newDeadline, cap_ore: input.cap, created_by: actor.id, created_by_name: actor.username })
      .returning("id")
      .executeTakeFirstOrThrow();
    const record = (await carryForwardsOf(trx, input.fromPartId, input.recipientCode)).out!;
    await writeAudit(trx, actor, { action: "decide", entity: "grant_carry_forward", entityId: id, organisationId: from.recipient.id, after: record });
    return record;
  });
}
