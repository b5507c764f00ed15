import { UserFacingError } from "../core/errors";
import type { Db } from "../db/connect";
import { costsOnObject, type ObjectCosts } from "./drilldown";

/**
 * Feeds a grant recipient's spending from the ledger: the costs booked on the receipt's
 * accounting object (grant_receipts.accounting_object, e.g. "9929") in the year become one
 * grant_spending row with source 'ledger', replacing the previous ledger row for that object and
 * year, so the grant's used, unspent and repayment figures follow the ledger. Manual rows stay.
 * Runs in the caller's transaction (app/grants/sync-ledger-spending.ts, which checks access and
 * writes the audit row); the receipt row is locked so two syncs take turns.
 */
export async function syncGrantSpendingFromLedger(
  trx: Db,
  q: { partId: number; recipientCode: string; recipientOrganisationId: number; year: number; userId: number | null },
): Promise<ObjectCosts & { spendingId: number | null }> {
  const receipt = await trx.selectFrom("grant_receipts").select("accounting_object").where("part_id", "=", q.partId).where("recipient_code", "=", q.recipientCode).forUpdate().executeTakeFirst();
  const object = receipt?.accounting_object;
  if (!object) throw new LedgerLinkError(`Bidragsdel ${q.partId} för ${q.recipientCode} har inget redovisningsobjekt; ange det innan utfallet hämtas från huvudboken.`);
  const costs = await costsOnObject(trx, { organisationId: q.recipientOrganisationId, object, year: q.year });
  const sourceRef = `huvudbok:${q.year}:${object}`;
  await trx.deleteFrom("grant_spending").where("part_id", "=", q.partId).where("recipient_code", "=", q.recipientCode).where("source", "=", "ledger").where("source_ref", "=", sourceRef).execute();
  if (costs.costs === 0) return { ...costs, spendingId: null };
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
  return { ...costs, spendingId: id };
}

export class LedgerLinkError extends UserFacingError {
  constructor(message: string) {
    super(message, { code: "ledger_link" });
  }
}
