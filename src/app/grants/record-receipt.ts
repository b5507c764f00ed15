import { StaleRevisionError } from "../../core/errors";
import { todayInSweden } from "../../core/grants/dates";
import type { ReceiptInput, RecipientDetail } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction, type Trx } from "../transaction";
import { receiptColumns } from "../../db/queries/grants-recipients";
import { recipientDetail } from "./read-grants";

async function stale(trx: Trx, partId: number, code: string): Promise<never> {
  const current = await trx.selectFrom("grant_receipts").select(["revision", "updated_by", "updated_at"]).where("part_id", "=", partId).where("recipient_code", "=", code).executeTakeFirst();
  throw new StaleRevisionError("Mottagarens uppgifter", current ? { revision: current.revision, updatedBy: current.updated_by, updatedAt: current.updated_at } : { revision: 0, updatedBy: null, updatedAt: null });
}

/**
 * Records a recipient's requisition, payment, accounting object, reports and repayment. The write
 * is conditional on the revision read (0: nothing recorded yet), so of two saves based on the same
 * reading one wins and the other is told who saved first.
 */
export async function recordReceipt(db: Db, actor: Actor, partId: number, code: string, input: ReceiptInput & { revision: number }): Promise<RecipientDetail> {
  return inTransaction(db, async (trx) => {
    const before = await recipientDetail(trx, actor, partId, code, todayInSweden());
    requireRole(actor, before.recipientOrganisationId, "editor");
    const { revision, ...receipt } = input;
    const values = receiptColumns(receipt, actor.username);
    if (revision === 0) {
      const inserted = await trx.insertInto("grant_receipts").values({ part_id: partId, recipient_code: code, ...values }).onConflict((oc) => oc.columns(["part_id", "recipient_code"]).doNothing()).returning("revision").executeTakeFirst();
      if (!inserted) await stale(trx, partId, code);
    } else {
      const updated = await trx
        .updateTable("grant_receipts")
        .set((eb) => ({ ...values, revision: eb("revision", "+", 1) }))
        .where("part_id", "=", partId)
        .where("recipient_code", "=", code)
        .where("revision", "=", revision)
        .returning("revision")
        .executeTakeFirst();
      if (!updated) await stale(trx, partId, code);
    }
    await writeAudit(trx, actor, { action: "update", entity: "grant_receipt", entityId: `${partId}/${code}`, organisationId: before.recipientOrganisationId, before: before.receipt, after: receipt });
    return recipientDetail(trx, actor, partId, code, todayInSweden());
  });
}
