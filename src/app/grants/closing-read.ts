import type { Ore } from "../../core/allocation/types";
import type { ClosingFigures, ClosingProblem } from "../../core/grants/closing";
import type { FinancialReportContent, RequisitionContent } from "../../core/grants/closing-content";
import { moneyOverYears, nextClosingStep, type ClosingStep, type MoneyOverYears } from "../../core/grants/closing-step";
import { NotFoundError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { closingFor, latestFiledFigures, paymentDetails, type PaymentDetails } from "../../db/queries/grants-closing";
import { recipientGrants } from "../../db/queries/grants-recipients";
import { readableOrganisationIds, requireRole } from "../access";
import type { Actor } from "../actor";
import { recipientClosing } from "./closing-access";
import { financialReportContent } from "./closing-content";

export interface OverviewRow {
  partId: number;
  agreementId: number;
  agreementName: string;
  year: number;
  title: string;
  diaryNumber: string | null;
  purpose: string;
  appropriationItem: string | null;
  accountingObject: string | null;
  entitled: Ore;
  received: Ore | null;
  figures: ClosingFigures;
  next: ClosingStep;
  requisitionVersion: number;
  reportVersion: number;
  /** What stops the financial report, in Swedish. */
  problems: ClosingProblem[];
  carryForward: { diaryNumber: string; toPartId: number; newDeadline: string } | null;
}

export interface CoordinatorOverview {
  organisation: { code: string; name: string; payment: PaymentDetails | null };
  today: string;
  rows: OverviewRow[];
  /** One line of money per agreement over its years. */
  agreements: { agreementId: number; agreementName: string; line: MoneyOverYears }[];
}

async function organisation(db: Db, actor: Actor, code: string) {
  const org = await db.selectFrom("organisations").select(["id", "code", "name"]).where("code", "=", code).executeTakeFirst();
  if (!org) throw new NotFoundError(`Organisationen ${code} finns inte.`);
  requireRole(actor, org.id, "reader");
  return org;
}

/**
 * A grant coordinator's overview of one organisation: every grant part with received, used,
 * unspent, what is due next and the document Fördela makes for it, and each agreement's money
 * over the years.
 */
export async function coordinatorOverview(db: Db, actor: Actor, code: string, today: string): Promise<CoordinatorOverview> {
  const org = await organisation(db, actor, code);
  const grants = await recipientGrants(db, { recipientCodes: [code], draftOrganisations: readableOrganisationIds(actor) }, today);
  const rows: OverviewRow[] = [];
  for (const g of grants) {
    if (g.decisionStatus !== "decided") continue;
    const closing = await closingFor(db, g.partId, code);
    if (!closing) continue;
    const c = closing.context;
    const f = closing.result.figures;
    const carriedInDeadline = closing.carryIn.map((i) => i.newDeadline).sort()[0] ?? null;
    const filed = await latestFiledFigures(db, g.partId, code);
    const outdated = filed && (filed.used !== f.used || filed.carriedForward !== f.carriedForward || filed.toRepay !== f.toRepay || filed.received !== f.received || filed.carriedIn !== f.carriedIn) ? filed.version : null;
    rows.push({
      partId: g.partId,
      agreementId: c.agreement.id,
      agreementName: c.agreement.name,
      year: c.decision.year,
      title: g.title,
      diaryNumber: c.decision.diaryNumber,
      purpose: c.purpose,
      appropriationItem: c.appropriationItem,
      accountingObject: closing.input.accountingObject,
      entitled: c.entitled,
      received: c.receipt?.received ?? null,
      figures: f,
      next: nextClosingStep({
        requisitionDeadline: c.requisitionDeadline,
        reportDeadline: c.reportDeadline,
        reportRecipient: c.reportRecipient?.name ?? null,
        repaymentDeadline: c.repaymentDeadline,
        repaymentRecipient: c.repaymentRecipient?.name ?? null,
        requisitionedOn: c.receipt?.requisitionedOn ?? null,
        requisitionProduced: c.latestRequisitionVersion > 0,
        received: c.receipt?.received ?? null,
        reported: c.latestReportVersion > 0 || Boolean(c.receipt?.reportedOn),
        outdatedReportVersion: outdated,
        repaidOn: c.receipt?.repaidOn ?? null,
        toRepay: f.toRepay,
        carriedInDeadline,
        today,
      }),
      requisitionVersion: c.latestRequisitionVersion,
      reportVersion: c.latestReportVersion,
      problems: closing.result.problems,
      carryForward: closing.carryOut && { diaryNumber: closing.carryOut.diaryNumber, toPartId: closing.carryOut.toPartId, newDeadline: closing.carryOut.newDeadline },
    });
  }
  const byAgreement = new Map<number, OverviewRow[]>();
  for (const r of rows) byAgreement.set(r.agreementId, [...(byAgreement.get(r.agreementId) ?? []), r]);
  const agreements = [...byAgreement].map(([agreementId, rs]) => ({
    agreementId,
    agreementName: rs[0]!.agreementName,
    line: moneyOverYears(rs.map((r) => ({ year: r.year, partId: r.partId, received: r.figures.received, carriedIn: r.figures.carriedIn, used: r.figures.used, carriedForward: r.figures.carriedForward, toRepay: r.figures.toRepay }))),
  }));
  return { organisation: { code: org.code, name: org.name, payment: await paymentDetails(db, org.id) }, today, rows, agreements };
}

export interface ReportPreview {
  figures: ClosingFigures;
  problems: ClosingProblem[];
  /** The report as it would be filed now, when the checks pass. */
  content: FinancialReportContent | null;
  latestVersion: number;
}

/** The financial report as it stands, with what stops it: nothing is stored. */
export async function previewFinancialReport(db: Db, actor: Actor, partId: number, code: string, options: { date: string; explanation: string | null }): Promise<ReportPreview> {
  const closing = await recipientClosing(db, actor, partId, code, "reader", { explanation: options.explanation });
  const ok = closing.result.problems.length === 0;
  return {
    figures: closing.result.figures,
    problems: closing.result.problems,
    content: ok ? financialReportContent(closing, { version: closing.context.latestReportVersion + 1, date: options.date, signatory: { name: null, title: null, place: null }, explanation: options.explanation }) : null,
    latestVersion: closing.context.latestReportVersion,
  };
}

export interface StoredDocument {
  id: number;
  kind: "requisition" | "financial_report";
  version: number;
  date: string;
  madeBy: string | null;
  madeAt: Date | string;
  amount: Ore;
}

/** The requisitions and filed reports of a recipient's part, newest version first. */
export async function closingDocuments(db: Db, actor: Actor, partId: number, code: string): Promise<StoredDocument[]> {
  await recipientClosing(db, actor, partId, code, "reader");
  const [reqs, reps] = await Promise.all([
    db.selectFrom("grant_requisitions").select(["id", "version", "requisition_date", "produced_by_name", "produced_at", "amount_ore"]).where("part_id", "=", partId).where("recipient_code", "=", code).orderBy("version", "desc").execute(),
    db.selectFrom("grant_financial_reports").select(["id", "version", "report_date", "filed_by_name", "filed_at", "to_repay_ore"]).where("part_id", "=", partId).where("recipient_code", "=", code).orderBy("version", "desc").execute(),
  ]);
  return [
    ...reqs.map((r) => ({ id: r.id, kind: "requisition" as const, version: r.version, date: r.requisition_date, madeBy: r.produced_by_name, madeAt: r.produced_at, amount: r.amount_ore })),
    ...reps.map((r) => ({ id: r.id, kind: "financial_report" as const, version: r.version, date: r.report_date, madeBy: r.filed_by_name, madeAt: r.filed_at, amount: r.to_repay_ore })),
  ];
}

/** A stored requisition or report's content, for its PDF or XLSX; readers of the recipient may fetch it. */
export async function storedDocument(db: Db, actor: Actor, kind: "requisition" | "financial_report", id: number): Promise<RequisitionContent | FinancialReportContent> {
  const row =
    kind === "requisition"
      ? await db.selectFrom("grant_requisitions").select(["content", "recipient_code"]).where("id", "=", id).executeTakeFirst()
      : await db.selectFrom("grant_financial_reports").select(["content", "recipient_code"]).where("id", "=", id).executeTakeFirst();
  const missing = kind === "requisition" ? `Rekvisition ${id} finns inte.` : `Ekonomisk redovisning ${id} finns inte.`;
  if (!row) throw new NotFoundError(missing);
  const org = await db.selectFrom("organisations").select("id").where("code", "=", row.recipient_code).executeTakeFirstOrThrow();
  try {
    requireRole(actor, org.id, "reader");
  } catch {
    throw new NotFoundError(missing);
  }
  return row.content as RequisitionContent | FinancialReportContent;
}
