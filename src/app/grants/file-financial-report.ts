import type { FinancialReportContent, Signatory } from "../../core/grants/closing-content";
import { ClosingCheckError } from "../../core/grants/closing";
import { StaleRevisionError } from "../../core/errors";
import type { Db } from "../../db/connect";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { recipientClosing } from "./closing-access";
import { financialReportContent } from "./closing-content";

export interface FileFinancialReportInput {
  partId: number;
  recipientCode: string;
  date: string;
  signatory: Signatory;
  /** Why more was used than received, when it was. */
  explanation: string | null;
  /** The latest filed version the user saw: 0 before the first. */
  expectedVersion: number;
}

export interface FiledReport {
  id: number;
  version: number;
  content: FinancialReportContent;
}

/**
 * Files the financial report of a recipient's part for the decision's period, from the ledger's
 * costs on the part's object and the manual lines, once the checks pass. A filed report never
 * changes (the database refuses it); a correction is filed as the next version.
 */
export async function fileFinancialReport(db: Db, actor: Actor, input: FileFinancialReportInput): Promise<FiledReport> {
  return inTransaction(db, async (trx) => {
    await trx.selectFrom("grant_entitlements").select("part_id").where("part_id", "=", input.partId).where("recipient_code", "=", input.recipientCode).forUpdate().executeTakeFirst();
    const explanation = input.explanation?.trim() || null;
    const closing = await recipientClosing(trx, actor, input.partId, input.recipientCode, "editor", { explanation });
    if (closing.result.problems.length > 0) throw new ClosingCheckError(closing.result.problems);
    const c = closing.context;
    if (input.expectedVersion !== c.latestReportVersion) {
      const last = await trx.selectFrom("grant_financial_reports").select(["filed_by_name", "filed_at"]).where("part_id", "=", input.partId).where("recipient_code", "=", input.recipientCode).orderBy("version", "desc").executeTakeFirst();
      throw new StaleRevisionError(`Den ekonomiska redovisningen för ${c.recipient.name}, del ${c.position}`, { revision: c.latestReportVersion, updatedBy: last?.filed_by_name ?? null, updatedAt: last?.filed_at ?? null });
    }
    const version = c.latestReportVersion + 1;
    const content = financialReportContent(closing, { version, date: input.date, signatory: input.signatory, explanation });
    const f = content.figures;
    const { id } = await trx
      .insertInto("grant_financial_reports")
      .values({
        part_id: input.partId,
        recipient_code: input.recipientCode,
        version,
        report_date: input.date,
        period_from: content.period.from,
        period_to: content.period.to,
        received_ore: f.received,
        carried_in_ore: f.carriedIn,
        used_ore: f.used,
        unspent_ore: f.unspent,
        carried_forward_ore: f.carriedForward,
        to_repay_ore: f.toRepay,
        explanation,
        content: JSON.stringify(content),
        filed_by: actor.id,
        filed_by_name: actor.username,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: "create", entity: "grant_financial_report", entityId: id, organisationId: c.recipient.id, after: { partId: input.partId, recipientCode: input.recipientCode, version, figures: f } });
    return { id, version, content };
  });
}
