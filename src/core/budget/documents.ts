import type { BudgetTotals } from "./budget-model";
import type { FrameChangeResult } from "./frame-change";
import type { JointFinancingResult } from "./joint-financing";
import type { ProposalResult } from "./proposal";
import type { BudgetSpec, DocumentMetadata, FrameChangeSpec, JointFinancingSpec, SubscriptionSpec } from "./specs";
import type { StatedTotalCheck } from "./stated-totals";
import type { SubscriptionResult } from "./subscription";

// The four budget documents as the API sends them and the web shows them.

export type BudgetDocumentKind = "budget" | "frame_change" | "joint_financing" | "subscription";

/** Swedish noun with article, for messages: "Budgeten är redan beslutad." */
export const budgetDocumentNouns: Record<BudgetDocumentKind, string> = {
  budget: "Budgeten",
  frame_change: "Ramförändringen",
  joint_financing: "Finansieringen",
  subscription: "Abonnemanget",
};

export interface BudgetResult {
  totals: BudgetTotals;
  proposal: ProposalResult | null;
  /** Swedish: whether the target column adds up to the proposal, and the like. */
  checks: string[];
}

export interface SubscriptionDocResult {
  matrix: SubscriptionResult;
  statedChecks: StatedTotalCheck[];
}

export type SpecOf = { budget: BudgetSpec; frame_change: FrameChangeSpec; joint_financing: JointFinancingSpec; subscription: SubscriptionSpec };
export type ResultOf = { budget: BudgetResult; frame_change: FrameChangeResult; joint_financing: JointFinancingResult; subscription: SubscriptionDocResult };

export interface SavedBudgetDocument {
  id: number;
  kind: BudgetDocumentKind;
  organisationId: number;
  organisationCode: string;
  organisationName: string;
  title: string;
  year: number;
  status: "proposal" | "decided";
  version: number;
  previousId: number | null;
  totalOre: number;
  spec: unknown;
  result: unknown;
  metadata: DocumentMetadata;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Optimistic concurrency: a change carries the revision it was based on. */
  revision: number;
  updatedBy: string | null;
}
