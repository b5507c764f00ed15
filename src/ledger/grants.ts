import { UserFacingError } from "../core/errors";
import type { Db } from "../db/connect";
import { costsOnObject, type ObjectCosts } from "./drilldown";

/**
 * Feeds a grant recipient's spending from the ledger: the costs booked on the receipt's
 * accounting object (grant_receipts.accounting_object, e.g. "9929") in the year become one
 * grant_spending row with source 'ledger', replacing the previous ledger row for that object and
 * year, so the grant's used, unspent and repayment figures follow the ledger. Manual rows stay.
 */
export async function syncGrantSpendingFromLedger(db: Db, q: { partId: number; recipientCode: string; year: number; userId: number | null }): Promise<ObjectCosts & { spendingId: number | null }> {
  const receipt = await db.selectFrom("grant_receipts").select("accounting_object").where("part_id", "=", q.partId).where("recipient_code", "=", q.recipientCode).executeTakeFirst();
  const object = receipt?.accounting_object;
  if (!object) throw new LedgerLinkError(`Bidragsdel ${q.partId} för ${q.recipientCode} har inget redovisningsobjekt; ange det innan utfallet hämtas från huvudboken.`);
  const org = await db.selectFrom("organisations").select("id").where("code", "=", q.recipientCode).executeTakeFirst();
  if (!org) throw new LedgerLinkError(`Organisationen ${q.recipientCode} finns inte.`);
  const costs = await costsOnObject(db, { organisationId: org.id, object, year: q.year });
  const sourceRef = `huvudbok:${q.year}:${object}`;
  const spendingId = await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("grant_spending").where("part_id", "=", q.partId).where("recipient_code", "=", q.recipientCode).where("source", "=", "ledger").where("source_ref", "=", sourceRef).execute();
    if (costs.costs === 0) return null;
    const { id } = await trx
      .insertInto("grant_spending")
      .values({
        part_id: q.partId,
        recipient_code: q.recipientCode,
        spent_on: `${q.year}-12-31`,
        amount_ore: costs.costs,
        description: `Kostnader på objekt ${object} enligt huvudboken ${q.year} (${costs.rows} rader)`,
        source: "ledger",
        source_ref: sourceRef,
        created_by: q.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  });
  return { ...costs, spendingId };
}

export class LedgerLinkError extends UserFacingError {
  constructor(message: string) {
    super(message, { code: "ledger_link" });
  }
}
