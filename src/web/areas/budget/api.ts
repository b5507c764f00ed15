import type { BudgetDocumentKind, ResultOf, SavedBudgetDocument, SpecOf } from "../../../core/budget/documents";
import type { DocumentMetadata } from "../../../core/budget/specs";
import { requestJson } from "../../api/client";

// The budget API's shapes as the pages use them: the server's own types, imported as types only
// (erased by Vite, so no server code reaches the browser).

export type { BudgetSpec, DocumentMetadata, FrameChangeSpec, JointFinancingSpec, SubscriptionSpec } from "../../../core/budget/specs";
export type { FrameChangeResult, JointFinancingResult, ProposalResult, SubscriptionResult, StatedTotalCheck } from "../../../core/budget";
export type { BudgetResult, SubscriptionDocResult, SpecOf, ResultOf } from "../../../core/budget/documents";

export type Kind = BudgetDocumentKind;
export type ApiPath = "budgets" | "frame-changes" | "joint-financings" | "subscriptions";

export type DocSummary = Omit<SavedBudgetDocument, "spec" | "result" | "metadata">;

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
  /** `revision` is the one the page loaded: a newer one on the server gives 409 (code stale). */
  update: <K extends Kind>(path: ApiPath, id: number, revision: number, body: SaveBody<K>) => requestJson<DocDetail<K>>("PUT", `/api/${path}/${id}`, { ...body, revision }),
  decide: <K extends Kind>(path: ApiPath, id: number, revision: number) => requestJson<DocDetail<K>>("POST", `/api/${path}/${id}/decide`, { revision }),
  newVersion: <K extends Kind>(path: ApiPath, id: number, revision: number) => requestJson<DocDetail<K>>("POST", `/api/${path}/${id}/versions`, { revision }),
  check: <K extends Kind>(path: ApiPath, spec: SpecOf[K]) => requestJson<{ result: ResultOf[K]; totalOre: number }>("POST", `/api/${path}/check`, spec),
  indexSeries: () => requestJson<IndexSeriesSummary[]>("GET", "/api/index-series"),
};

export const documentUrl = (path: ApiPath, id: number, format: "pdf" | "xlsx") => `/api/${path}/${id}/document/${format}`;
