// The grant API's shapes as the pages use them; they mirror src/server/routes/grants-schemas.ts.
import type { AllocationRequest, AllocationResult } from "../../api/types";

export type RecipientGroup = "skr" | "regions" | "cooperation_regions" | "other";
export type Status = "draft" | "decided";

export interface PartsCheck {
  total: number;
  sum: number;
  /** sum − total */
  difference: number;
  balanced: boolean;
  message: string;
}

export interface Agreement {
  id: number;
  organisationId: number;
  organisationName: string;
  name: string;
  year: number;
  parties: string[];
  total: number;
  diaryNumber: string | null;
  decidedTotal: number;
  decisionCount: number;
}

export interface ActivityReport {
  kind: "partial" | "final";
  deadline: string;
  recipient: string;
}

export interface PartInput {
  id?: number;
  recipientGroup: RecipientGroup;
  purpose: string;
  amount: number;
  expenditureArea: string | null;
  appropriation: string | null;
  appropriationItem: string | null;
  appropriationItemName: string | null;
  oneTime: boolean;
  requisitionDeadline: string | null;
  reportDeadline: string | null;
  reportRecipientCode: string | null;
  repaymentDeadline: string | null;
  repaymentRecipientCode: string | null;
  activityReports: ActivityReport[];
}

export interface Part extends PartInput {
  id: number;
  decisionId: number;
  position: number;
  reportRecipientName: string | null;
  repaymentRecipientName: string | null;
  distributedTotal: number;
  distributionMode: "key" | "annex" | null;
}

export interface DecisionInput {
  agreementId: number;
  organisationId: number;
  title: string;
  diaryNumber: string | null;
  decisionDate: string | null;
  ministry: string | null;
  payerCode: string | null;
  signatories: string[];
  total: number;
  parts: PartInput[];
}

export interface Decision extends Omit<DecisionInput, "parts"> {
  id: number;
  agreementName: string;
  organisationName: string;
  payerName: string | null;
  status: Status;
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
  parts: Part[];
  check: PartsCheck;
}

export interface ComparisonRow {
  recipientCode: string;
  name: string;
  decided: number | null;
  computed: number | null;
  difference: number | null;
  explanation: string | null;
}

export interface Distribution {
  partId: number;
  mode: "key" | "annex";
  request: AllocationRequest | null;
  result: AllocationResult | null;
  source: string | null;
  entitlements: { recipientCode: string; recipientName: string; amount: number; explanation: string }[];
  check: PartsCheck;
  comparison: { request: AllocationRequest; rows: ComparisonRow[]; decidedTotal: number; computedTotal: number; differing: ComparisonRow[] } | null;
  updatedAt: string;
}

export type ComparisonKey = { kind: "population"; date: string; basis: "membership" | "whole_regions" } | { kind: "equal" };

export interface AnnexLine {
  recipientCode: string;
  name: string;
  amount: number;
  line: number;
}

export interface Receipt {
  accountingObject: string | null;
  requisitionedOn: string | null;
  requisitioned: number | null;
  receivedOn: string | null;
  received: number | null;
  reportedOn: string | null;
  repaidOn: string | null;
  repaid: number | null;
  partialReportOn: string | null;
  finalReportOn: string | null;
  notes: string | null;
}

export interface GrantStatus {
  code: "requisition" | "lapsed" | "awaiting_payment" | "follow_up" | "done";
  text: string;
  dueDate: string | null;
  overdue: boolean;
}

export interface Figures {
  entitled: number;
  requisitioned: number | null;
  received: number;
  spent: number;
  unspent: number;
  repaid: number;
  toRepay: number;
}

export interface Terms {
  partId: number;
  title: string;
  amount: number;
  requisitionDeadline: string | null;
  reportDeadline: string | null;
  reportRecipient: string | null;
  repaymentDeadline: string | null;
  repaymentRecipient: string | null;
  activityReports: ActivityReport[];
  payer: string | null;
}

export interface RecipientGrant {
  partId: number;
  decisionId: number;
  decisionStatus: Status;
  agreementName: string;
  diaryNumber: string | null;
  purpose: string;
  title: string;
  recipientCode: string;
  recipientName: string;
  entitled: number;
  explanation: string;
  terms: Terms;
  receipt: Receipt;
  figures: Figures;
  status: GrantStatus;
}

export interface Spending {
  id: number;
  spentOn: string;
  amount: number;
  description: string;
  source: "manual" | "ledger";
  sourceRef: string | null;
}

export interface InternalLine {
  label: string;
  kind: "fixed" | "earmarked" | "remainder";
  amount?: number;
  earmarkPurpose?: string;
  accountingObject?: string;
}

export interface InternalMetadata {
  caseNumber: string | null;
  decidedBy: string | null;
  decidedByTitle: string | null;
  decisionDate: string | null;
  delegationPoint: string | null;
  delegationText: string | null;
  reportedTo: string | null;
  reportedOn: string | null;
  conditions: string[];
  distributionList: string[];
  basisDocuments: string[];
  accountingObject: string | null;
}

export interface InternalInput {
  title: string;
  total: number;
  metadata: InternalMetadata;
  lines: InternalLine[];
}

export interface VersionDiff {
  fields: { field: string; label: string; before: unknown; after: unknown }[];
  lines: { change: "added" | "removed" | "changed"; label: string; before: unknown; after: unknown; amountDifference: number }[];
  unchanged: boolean;
}

export interface InternalDecision extends InternalInput {
  id: number;
  partId: number;
  organisationId: number;
  organisationName: string;
  version: number;
  previousId: number | null;
  status: Status;
  resolvedLines: (InternalLine & { amount: number; explanation: string })[];
  earmarked: number;
  result: AllocationResult;
  decidedAt: string | null;
  decidedByUser: string | null;
  createdAt: string;
  changes: VersionDiff | null;
}

export interface RecipientDetail extends RecipientGrant {
  spending: Spending[];
  internalDecisions: InternalDecision[];
}

export type DeadlineKind = "requisition" | "financial_report" | "repayment" | "partial_report" | "final_report";

export interface Deadline {
  key: string;
  kind: DeadlineKind;
  date: string;
  partId: number;
  title: string;
  organisationCode: string;
  organisationName: string;
  counterpart: string | null;
  amount: number | null;
  done: boolean;
  daysLeft: number;
  overdue: boolean;
  summary: string;
}

export interface ReminderSetting {
  email: string;
  daysBefore: number;
  enabled: boolean;
}
