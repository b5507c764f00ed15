import { UserFacingError } from "../../core/errors";
import { todayInSweden } from "../../core/grants/dates";
import type { Db } from "../../db/connect";
import type { ObjectCosts } from "../../ledger/drilldown";
import { syncGrantSpendingFromLedger } from "../../ledger/grants";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { recipientDetail } from "./read-grants";

export interface SyncLedgerSpendingInput {
  partId: number;
  recipientCode: string;
  year: number;
  /** The organisation the caller acts for; when given it must be the recipient. */
  organisationId?: number;
}

/**
 * Takes a recipient's spending of a grant part for a year from the ledger (the costs on the
 * receipt's accounting object) into grant_spending, replacing the previous ledger row. The
 * recipient's editor may do it; the row, its replacement and the audit row commit together.
 */
export async function syncLedgerSpending(db: Db, actor: Actor, input: SyncLedgerSpendingInput): Promise<ObjectCosts & { spendingId: number | null }> {
  return inTransaction(db, async (trx) => {
    const grant = await recipientDetail(trx, actor, input.partId, input.recipientCode, todayInSweden());
    requireRole(actor, grant.recipientOrganisationId, "editor");
    if (input.organisationId !== undefined && input.organisationId !== grant.recipientOrganisationId) {
      throw new UserFacingError(`Förbrukningen hämtas ur mottagarens huvudbok: organisationId ska vara ${input.recipientCode}s (${grant.recipientOrganisationId}).`, {
        code: "validation",
        where: { field: "organisationId" },
      });
    }
    const result = await syncGrantSpendingFromLedger(trx, { ...input, recipientOrganisationId: grant.recipientOrganisationId, userId: actor.id });
    await writeAudit(trx, actor, {
      action: "import",
      entity: "grant_spending",
      entityId: result.spendingId ?? undefined,
      organisationId: grant.recipientOrganisationId,
      after: { partId: input.partId, recipientCode: input.recipientCode, year: input.year, object: result.object, costs: result.costs },
    });
    return result;
  });
}
