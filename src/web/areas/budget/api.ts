import type { DocumentMetadata } from "../../../core/budget/specs";
import type { ResultOf, SpecOf } from "../../../db/queries/budgets-compute";
import type { SavedBudgetDocument } from "../../../db/queries/budgets";
import type { BudgetDocumentKind } from "../../../db/schema-budgets";
import { requestJson } from "../../api/client";

// The budget API's shapes as the pages use them: the server's own types, imported as types only
// (erased by Vite, so no server code reaches the browser).

export type { BudgetSpec, DocumentMetadata, FrameChangeSpec, JointFinancingSpec, SubscriptionSpec } from "../../../core/budget/specs";
export type { FrameChangeResult, JointFinancingResult, ProposalResult, SubscriptionResult, StatedTotalCheck } from "../../../core/budget";
export type { BudgetResult, SubscriptionDocResult, SpecOf, ResultOf } from "../../../db/queries/budgets-compute";

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
  update: <K extends Kind>(path: ApiPath, id: number, body: SaveBody<K>) => requestJson<DocDetail<K>>("PUT", `/api/${path}/${id}`, body),
  decide: <K extends Kind>(path: ApiPath, id: number) => requestJson<DocDetail<K>>("POST", `/api/${path}/${id}/decide`),
  newVersion: <K extends Kind>(path: ApiPath, id: number) => requestJson<DocDetail<K>>("POST", `/api/${path}/${id}/versions`),
  check: <K extends Kind>(path: ApiPath, spec: SpecOf[K]) => requestJson<{ result: ResultOf[K]; totalOre: number }>("POST", `/api/${path}/check`, spec),
  indexSeries: () => requestJson<IndexSeriesSummary[]>("GET", "/api/index-series"),
};

export const documentUrl = (path: ApiPath, id: number, format: "pdf" | "xlsx") => `/api/${path}/${id}/document/${format}`;
