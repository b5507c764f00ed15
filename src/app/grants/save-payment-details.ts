import { NotFoundError, UserFacingError } from "../../core/errors";
import { luhnValid, normalisePayee, type PayeeDetails } from "../../core/grants/payee";
import type { Db } from "../../db/connect";
import { paymentDetails, type PaymentDetails } from "../../db/queries/grants-closing";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";

export interface SavePaymentDetailsInput {
  organisationCode: string;
  organisationNumber: string;
  payee: PayeeDetails;
  /** The revision the form was read at; 0 when the organisation had none. */
  revision: number;
}

/** "232100-0214": ten digits whose last is the Luhn check digit, written with the hyphen. */
export function normaliseOrganisationNumber(text: string): string {
  const digits = text.replace(/[\s-]/g, "");
  const ten = digits.length === 12 && /^(16|19|20)/.test(digits) ? digits.slice(2) : digits;
  if (!/^\d{10}$/.test(ten)) throw new UserFacingError(`Organisationsnumret "${text}" ska ha tio siffror, t.ex. 232100-0214.`, { code: "invalid_organisation_number", where: { field: "organisationNumber" } });
  if (!luhnValid(ten)) throw new UserFacingError(`Organisationsnumret "${text}" har fel kontrollsiffra; kontrollera numret.`, { code: "invalid_organisation_number", where: { field: "organisationNumber" } });
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

/** Stores an organisation's organisation number and where its grants are paid (administrator or handläggare there). */
export async function savePaymentDetails(db: Db, actor: Actor, input: SavePaymentDetailsInput): Promise<PaymentDetails> {
  const organisationNumber = normaliseOrganisationNumber(input.organisationNumber);
  const payee = normalisePayee(input.payee);
  return inTransaction(db, async (trx) => {
    const org = await trx.selectFrom("organisations").select(["id", "name"]).where("code", "=", input.organisationCode).executeTakeFirst();
    if (!org) throw new NotFoundError(`Organisationen ${input.organisationCode} finns inte.`);
    requireRole(actor, org.id, "editor");
    const current = await trx.selectFrom("organisation_payment_details").selectAll().where("organisation_id", "=", org.id).forUpdate().executeTakeFirst();
    const before = current ? await paymentDetails(trx, org.id) : null;
    assertRevision(`Utbetalningsuppgifterna för ${org.name}`, { revision: current?.revision ?? 0, updatedBy: current?.updated_by ?? null, updatedAt: current?.updated_at ?? null }, input.revision);
    const values = { organisation_number: organisationNumber, payee_kind: payee.kind, payee_number: payee.number, bank: payee.bank, holder: payee.holder, updated_by: actor.username, updated_at: new Date() };
    if (current) await trx.updateTable("organisation_payment_details").set({ ...values, revision: current.revision + 1 }).where("organisation_id", "=", org.id).execute();
    else await trx.insertInto("organisation_payment_details").values({ organisation_id: org.id, ...values }).execute();
    const after = (await paymentDetails(trx, org.id))!;
    await writeAudit(trx, actor, { action: current ? "update" : "create", entity: "organisation_payment_details", entityId: input.organisationCode, organisationId: org.id, before, after });
    return after;
  });
}
