import type { FinancialReportContent, RegistrationNumbers, PartReference, RequisitionContent, Signatory } from "../../core/grants/closing-content";
import { periodMonth } from "../../core/grants/closing";
import { payeeText } from "../../core/grants/payee";
import type { Ore } from "../../core/allocation/types";
import type { Closing, ClosingContext } from "../../db/queries/grants-closing";

export function registrationOf(c: ClosingContext): RegistrationNumbers {
  return { agreementName: c.agreement.name, agreement: c.agreement.diaryNumber, decisionTitle: c.decision.title, decision: c.decision.diaryNumber, decisionDate: c.decision.date };
}

export function partOf(c: ClosingContext): PartReference {
  return { position: c.position, purpose: c.purpose, expenditureArea: c.expenditureArea, appropriation: c.appropriation, appropriationItem: c.appropriationItem, appropriationItemName: c.appropriationItemName, oneTime: c.oneTime };
}

/** What the requisition says; the caller has checked that payment details exist. */
export function requisitionContent(c: ClosingContext, o: { version: number; date: string; amount: Ore; statusText: string; signatory: Signatory }): RequisitionContent {
  const pay = c.recipient.payment!;
  return {
    kind: "requisition",
    version: o.version,
    date: o.date,
    recipient: { code: c.recipient.code, name: c.recipient.name, organisationNumber: pay.organisationNumber },
    payee: { kind: pay.kind, number: pay.number, bank: pay.bank, holder: pay.holder },
    payer: c.payer?.name ?? null,
    registration: registrationOf(c),
    part: partOf(c),
    amount: o.amount,
    entitled: c.entitled,
    requisitionDeadline: c.requisitionDeadline,
    accountingObject: c.receipt?.accountingObject ?? null,
    statusText: o.statusText,
    signatory: o.signatory,
  };
}

/** What the financial report says, from a closing whose checks have passed. */
export function financialReportContent(closing: Closing, o: { version: number; date: string; signatory: Signatory; explanation: string | null }): FinancialReportContent {
  const c = closing.context;
  const f = closing.result.figures;
  const repaymentPayee = c.repaymentRecipient;
  // The consent's deadline governs money carried in; the repayment of this year's money keeps the part's own.
  return {
    kind: "financial_report",
    version: o.version,
    date: o.date,
    recipient: { code: c.recipient.code, name: c.recipient.name, organisationNumber: c.recipient.payment?.organisationNumber ?? null },
    registration: registrationOf(c),
    part: partOf(c),
    period: c.period,
    accountingObject: closing.input.accountingObject ?? "",
    figures: f,
    byAccount: closing.result.byAccount,
    byMonth: closing.result.byMonth,
    ledgerLines: closing.input.ledger.map((l) => ({ account: l.account, accountName: l.accountName, month: periodMonth(l.period), amount: l.amount })),
    manual: closing.input.manual,
    explanation: o.explanation,
    carriedIn: closing.carryIn.map((i) => ({ fromTitle: i.fromTitle, diaryNumber: i.diaryNumber, decidedOn: i.decidedOn, newDeadline: i.newDeadline, amount: i.amount })),
    carriedOut: closing.carryOut && { toTitle: closing.carryOut.toTitle, diaryNumber: closing.carryOut.diaryNumber, decidedOn: closing.carryOut.decidedOn, newDeadline: closing.carryOut.newDeadline, amount: f.carriedForward },
    repayment: {
      amount: f.toRepay,
      dueDate: c.repaymentDeadline,
      payee: repaymentPayee?.name ?? null,
      payeeDetails: repaymentPayee?.payment ? payeeText(repaymentPayee.payment) : null,
    },
    reportRecipient: c.reportRecipient?.name ?? null,
    signatory: o.signatory,
  };
}
