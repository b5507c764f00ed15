import type { AllocationRequest } from "../allocation/request";
import type { AllocationResult, Ore } from "../allocation/types";
import type { Comparison, RoundingMatch } from "./compare";
import type { VersionDiff } from "./diff";
import type { RecipientFigures } from "./figures";
import type { InternalLine, InternalMetadata } from "./internal";
import type { PartsCheck } from "./parts-check";
import type { RecipientStatus } from "./status";
import type { ActivityReport, PartTerms, RecipientGroup } from "./types";

// The grant records as the use cases return them and the API sends them as JSON (the web
// imports these types; no Date fields, only strings and numbers).

/** Who saved a record last and its revision, which a change must name (optimistic concurrency). */
export interface Revisioned {
  revision: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface AgreementInput {
  organisationId: number;
  name: string;
  year: number;
  parties: string[];
  total: Ore;
  diaryNumber: string | null;
}

export interface Agreement extends AgreementInput, Revisioned {
  id: number;
  organisationName: string;
  /** Sum of the decisions' totals registered under the agreement. */
  decidedTotal: Ore;
  decisionCount: number;
}

export interface PartInput {
  /** Present when updating an existing part, so its distribution and records stay attached. */
  id?: number;
  recipientGroup: RecipientGroup;
  purpose: string;
  amount: Ore;
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
  /** How much of the part the recipients' entitlements cover. */
  distributedTotal: Ore;
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
  total: Ore;
  parts: PartInput[];
}

export interface Decision extends Omit<DecisionInput, "parts">, Revisioned {
  id: number;
  agreementName: string;
  organisationName: string;
  payerName: string | null;
  status: "draft" | "decided";
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
  parts: Part[];
  check: PartsCheck;
}

export interface Entitlement {
  recipientCode: string;
  recipientName: string;
  amount: Ore;
  explanation: string;
}

export interface Distribution extends Revisioned {
  partId: number;
  mode: "key" | "annex";
  /** The key as stated (mode "key"), with the engine's result and explanations. */
  request: AllocationRequest | null;
  result: AllocationResult | null;
  /** Where annex amounts came from: "inklistrad text", "bilaga1.xlsx". */
  source: string | null;
  entitlements: Entitlement[];
  check: PartsCheck;
  /** Annex amounts beside a key computed when the annex was saved; null without a comparison key. */
  comparison: (Comparison & { request: AllocationRequest; roundings: RoundingMatch[] }) | null;
  updatedAt: string;
}

export interface ReceiptInput {
  accountingObject: string | null;
  requisitionedOn: string | null;
  requisitioned: Ore | null;
  receivedOn: string | null;
  received: Ore | null;
  reportedOn: string | null;
  repaidOn: string | null;
  repaid: Ore | null;
  partialReportOn: string | null;
  finalReportOn: string | null;
  notes: string | null;
}

export interface SpendingEntry {
  id: number;
  spentOn: string;
  amount: Ore;
  description: string;
  source: "manual" | "ledger";
  sourceRef: string | null;
}

export interface RecipientGrant {
  partId: number;
  decisionId: number;
  decisionStatus: "draft" | "decided";
  agreementName: string;
  diaryNumber: string | null;
  purpose: string;
  title: string;
  recipientCode: string;
  recipientName: string;
  entitled: Ore;
  explanation: string;
  terms: PartTerms & { payer: string | null };
  /** The recipient organisation and the organisation that registered the decision (the grant owner). */
  recipientOrganisationId: number;
  ownerOrganisationId: number;
  receipt: ReceiptInput;
  /** The recipient's record's revision; 0 while nothing is recorded. */
  receiptRevision: number;
  figures: RecipientFigures;
  status: RecipientStatus;
}

export interface InternalDecisionInput {
  title: string;
  total: Ore;
  metadata: InternalMetadata;
  lines: InternalLine[];
}

export interface InternalDecision extends InternalDecisionInput, Revisioned {
  id: number;
  partId: number;
  organisationId: number;
  organisationName: string;
  version: number;
  previousId: number | null;
  status: "draft" | "decided";
  /** The lines with their resulting amounts and the engine's explanation. */
  resolvedLines: (InternalLine & { amount: Ore; explanation: string })[];
  earmarked: Ore;
  result: AllocationResult;
  decidedAt: string | null;
  decidedByUser: string | null;
  createdAt: string;
  /** What changed against the previous version; null for a first version. */
  changes: VersionDiff | null;
}

/** One recipient's grant under one part, with its spending and internal decisions. */
export interface RecipientDetail extends RecipientGrant {
  spending: SpendingEntry[];
  internalDecisions: InternalDecision[];
}
