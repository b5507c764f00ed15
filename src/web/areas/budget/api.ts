import type { FrameChangeResult, JointFinancingResult, ProposalResult, StatedTotalCheck, SubscriptionResult } from "../../../core/budget";
import type { BudgetTotals } from "../../../core/budget/budget-model";
import type { BudgetSpec, DocumentMetadata, FrameChangeSpec, JointFinancingSpec, SubscriptionSpec } from "../../../core/budget/specs";
import { requestJson } from "../../api/client";

// The budget API's shapes as the pages use them; they mirror src/server/routes/budget-schemas.ts.

export type { BudgetSpec, DocumentMetadata, FrameChangeSpec, JointFinancingSpec, SubscriptionSpec };
export type { FrameChangeResult, JointFinancingResult, ProposalResult, SubscriptionResult, StatedTotalCheck };

export type Kind = "budget" | "frame_change" | "joint_financing" | "subscription";
export type ApiPath = "budgets" | "frame-changes" | "joint-financings" | "subscriptions";

export interface BudgetResult {
  totals: BudgetTotals;
  proposal: ProposalResult | null;
  checks: string[];
}

export interface SubscriptionDocResult {
  matrix: SubscriptionResult;
  statedChecks: StatedTotalCheck[];
}

export type SpecOf = { budget: BudgetSpec; frame_change: FrameChangeSpec; joint_financing: JointFinancingSpec; subscription: SubscriptionSpec };
export type ResultOf = { budget: BudgetResult; frame_change: FrameChangeResult; joint_financing: JointFinancingResult; subscription: SubscriptionDocResult };

export interface DocSummary {
  id: number;
  kind: Kind;
  organisationId: number;
  organisationCode: string;
  organisationName: string;
  title: string;
  year: number;
  status: "proposal" | "decided";
  version: number;
  previousId: number | null;
  totalOre: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface DocDetail<K extends Kind = Kind> extends DocSummary {
  spec: SpecOf[K];
  result: ResultOf[K];
  metadata: DocumentMetadata;
}

export interface SaveBody<K extends Kind> {
  title: string;
  year: number;
  spec: SpecOf[K];
  metadata: DocumentMetadata;
}

export interface IndexSeriesSummary {
  code: string;
  firstYear: number;
  lastYear: number;
  count: number;
}

export const budgetApi = {
  list: (path: ApiPath) => requestJson<DocSummary[]>("GET", `/api/${path}`),
  get: <K extends Kind>(path: ApiPath, id: number) => requestJson<DocDetail<K>>("GET", `/api/${path}/${id}`),
  create: <K extends Kind>(path: ApiPath, organisationId: number, body: SaveBody<K>) => requestJson<DocDetail<K>>("POST", `/api/${path}`, { organisationId, ...body }),
  update: <K extends Kind>(path: ApiPath, id: number, body: SaveBody<K>) => requestJson<DocDetail<K>>("PUT", `/api/${path}/${id}`, body),
  decide: <K extends Kind>(path: ApiPath, id: number) => requestJson<DocDetail<K>>("POST", `/api/${path}/${id}/decide`),
  newVersion: <K extends Kind>(path: ApiPath, id: number) => requestJson<DocDetail<K>>("POST", `/api/${path}/${id}/versions`),
  check: <K extends Kind>(path: ApiPath, spec: SpecOf[K]) => requestJson<{ result: ResultOf[K]; totalOre: number }>("POST", `/api/${path}/check`, spec),
  indexSeries: () => requestJson<IndexSeriesSummary[]>("GET", "/api/index-series"),
};

export const documentUrl = (path: ApiPath, id: number, format: "pdf" | "xlsx") => `/api/${path}/${id}/document/${format}`;
