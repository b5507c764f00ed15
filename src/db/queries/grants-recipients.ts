import { sumToOre } from "../../core/money";
import type { Kysely, Transaction } from "kysely";
import type { Ore } from "../../core/allocation/types";
import { deadlinesFor, type Deadline } from "../../core/grants/deadlines";
import { recipientFigures } from "../../core/grants/figures";
import { recipientStatus } from "../../core/grants/status";
import type { ActivityReport, ReceiptState } from "../../core/grants/types";
import type { ReceiptInput, SpendingEntry, RecipientGrant } from "../../core/grants/records";
import type { Database } from "../schema";

type Conn = Kysely<Database> | Transaction<Database>;

export type { ReceiptInput, SpendingEntry, RecipientGrant } from "../../core/grants/records";

function entitlementQuery(db: Conn) {
  return db
    .selectFrom("grant_entitlements as e")
    .innerJoin("grant_parts as p", "p.id", "e.part_id")
    .innerJoin("grant_decisions as d", "d.id", "p.decision_id")
    .innerJoin("grant_agreements as a", "a.id", "d.agreement_id")
    .innerJoin("organisations as ro", "ro.code", "e.recipient_code")
    .leftJoin("organisations as payer", "payer.code", "d.payer_code")
    .leftJoin("organisations as rr", "rr.code", "p.report_recipient_code")
    .leftJoin("organisations as pr", "pr.code", "p.repayment_recipient_code")
    .leftJoin("grant_receipts as r", (j) => j.onRef("r.part_id", "=", "e.part_id").onRef("r.recipient_code", "=", "e.recipient_code"))
    .select([
      "e.part_id",
      "e.recipient_code",
      "e.amount_ore",
      "e.explanation",
      "ro.name as recipient_name",
      "p.decision_id",
      "p.purpose",
      "p.amount_ore as part_amount",
      "p.requisition_deadline",
      "p.report_deadline",
      "p.repayment_deadline",
      "p.activity_reports",
      "d.status as decision_status",
      "d.organisation_id as decision_organisation_id",
      "d.diary_number",
      "a.name as agreement_name",
      "payer.name as payer_name",
      "rr.name as report_recipient_name",
      "pr.name as repayment_recipient_name",
      "r.accounting_object",
      "r.requisitioned_on",
      "r.requisition_ore",
      "r.received_on",
      "r.received_ore",
      "r.reported_on",
      "r.repaid_on",
      "r.repaid_ore",
      "r.partial_report_on",
      "r.final_report_on",
      "r.notes",
      "r.revision as receipt_revision",
      "ro.id as recipient_organisation_id",
    ])
    .select((eb) =>
      eb
        .selectFrom("grant_spending as s")
        .select((s) => s.fn.coalesce(s.fn.sum<string>("s.amount_ore"), s.lit(0)).as("t"))
        .whereRef("s.part_id", "=", "e.part_id")
        .whereRef("s.recipient_code", "=", "e.recipient_code")
        .as("spent"),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof entitlementQuery>["execute"]>>[number];

function toGrant(r: Row, today: string): RecipientGrant {
  const title = `${r.agreement_name}${r.diary_number ? ` (${r.diary_number})` : ""}: ${r.purpose}`;
  const terms = {
    partId: r.part_id,
    title,
    amount: r.part_amount,
    requisitionDeadline: r.requisition_deadline,
    reportDeadline: r.report_deadline,
    reportRecipient: r.report_recipient_name,
    repaymentDeadline: r.repayment_deadline,
    repaymentRecipient: r.repayment_recipient_name,
    activityReports: r.activity_reports as ActivityReport[],
    payer: r.payer_name,
  };
  const receipt: ReceiptInput = {
    accountingObject: r.accounting_object ?? null,
    requisitionedOn: r.requisitioned_on ?? null,
    requisitioned: r.requisition_ore ?? null,
    receivedOn: r.received_on ?? null,
    received: r.received_ore ?? null,
    reportedOn: r.reported_on ?? null,
    repaidOn: r.repaid_on ?? null,
    repaid: r.repaid_ore ?? null,
    partialReportOn: r.partial_report_on ?? null,
    finalReportOn: r.final_report_on ?? null,
    notes: r.notes ?? null,
  };
  const state = toState(r.amount_ore, receipt, sumToOre(r.spent));
  return {
    partId: r.part_id,
    decisionId: r.decision_id,
    decisionStatus: r.decision_status,
    agreementName: r.agreement_name,
    diaryNumber: r.diary_number,
    purpose: r.purpose,
    title,
    recipientCode: r.recipient_code,
    recipientName: r.recipient_name,
    entitled: r.amount_ore,
    explanation: r.explanation,
    terms,
    recipientOrganisationId: r.recipient_organisation_id,
    ownerOrganisationId: r.decision_organisation_id,
    receipt,
    receiptRevision: r.receipt_revision ?? 0,
    figures: recipientFigures(state),
    status: recipientStatus(terms, state, today),
  };
}

export function toState(entitled: Ore, receipt: ReceiptInput, spent: Ore): ReceiptState {
  return {
    entitled,
    requisitionedOn: receipt.requisitionedOn,
    requisitioned: receipt.requisitioned,
    receivedOn: receipt.receivedOn,
    received: receipt.received,
    spent,
    reportedOn: receipt.reportedOn,
    repaidOn: receipt.repaidOn,
    repaid: receipt.repaid,
    partialReportOn: receipt.partialReportOn,
    finalReportOn: receipt.finalReportOn,
  };
}

export interface GrantFilter {
  /** Only these recipients. */
  recipientCodes?: string[];
  partId?: number;
  /** Drafts are included only for decisions owned by these organisations. */
  draftOrganisations: number[] | "all";
}

/** Every recipient's grants, with figures and next step, as of `today`. */
export async function recipientGrants(db: Conn, filter: GrantFilter, today: string): Promise<RecipientGrant[]> {
  let q = entitlementQuery(db).orderBy("d.decision_date", "desc").orderBy("p.id").orderBy("e.position");
  if (filter.recipientCodes) q = q.where("e.recipient_code", "in", filter.recipientCodes.length > 0 ? filter.recipientCodes : ["-"]);
  if (filter.partId !== undefined) q = q.where("e.part_id", "=", filter.partId);
  if (filter.draftOrganisations !== "all") {
    const ids = filter.draftOrganisations.length > 0 ? filter.draftOrganisations : [-1];
    q = q.where((eb) => eb.or([eb("d.status", "=", "decided"), eb("d.organisation_id", "in", ids)]));
  }
  return (await q.execute()).map((r) => toGrant(r, today));
}

/** All deadlines of the grants the filter selects, marked done from each recipient's record. */
export async function collectDeadlines(db: Conn, filter: GrantFilter, today: string): Promise<Deadline[]> {
  const grants = await recipientGrants(db, filter, today);
  return grants.flatMap((g) => deadlinesFor(g.terms, { code: g.recipientCode, name: g.recipientName }, toState(g.entitled, g.receipt, g.figures.spent)));
}

/** The stored columns of a recipient's receipt record, shared by the demo loader and the use case. */
export function receiptColumns(input: ReceiptInput, userName: string | null) {
  return {
    accounting_object: input.accountingObject,
    requisitioned_on: input.requisitionedOn,
    requisition_ore: input.requisitioned,
    received_on: input.receivedOn,
    received_ore: input.received,
    reported_on: input.reportedOn,
    repaid_on: input.repaidOn,
    repaid_ore: input.repaid,
    partial_report_on: input.partialReportOn,
    final_report_on: input.finalReportOn,
    notes: input.notes,
    updated_at: new Date(),
    updated_by: userName,
  };
}

export async function saveReceipt(db: Conn, partId: number, recipientCode: string, input: ReceiptInput, userName: string | null = null): Promise<void> {
  const values = receiptColumns(input, userName);
  await db
    .insertInto("grant_receipts")
    .values({ part_id: partId, recipient_code: recipientCode, ...values })
    .onConflict((oc) => oc.columns(["part_id", "recipient_code"]).doUpdateSet((eb) => ({ ...values, revision: eb("grant_receipts.revision", "+", 1) })))
    .execute();
}

export async function listSpending(db: Conn, partId: number, recipientCode: string): Promise<SpendingEntry[]> {
  const rows = await db.selectFrom("grant_spending").selectAll().where("part_id", "=", partId).where("recipient_code", "=", recipientCode).orderBy("spent_on").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, spentOn: r.spent_on, amount: r.amount_ore, description: r.description, source: r.source, sourceRef: r.source_ref }));
}

/** Adds spending; source "ledger" is for imported outcomes, which carry their voucher or file as sourceRef. */
export async function addSpending(
  db: Conn,
  entry: { partId: number; recipientCode: string; spentOn: string; amount: Ore; description: string; source: "manual" | "ledger"; sourceRef: string | null },
  userId: number | null,
): Promise<number> {
  const { id } = await db
    .insertInto("grant_spending")
    .values({ part_id: entry.partId, recipient_code: entry.recipientCode, spent_on: entry.spentOn, amount_ore: entry.amount, description: entry.description, source: entry.source, source_ref: entry.sourceRef, created_by: userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
