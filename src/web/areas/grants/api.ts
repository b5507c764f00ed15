import type { AllocationRequest, AllocationResult } from "../../api/types";
import { requestJson as req, uploadForm } from "../../api/client";
import type { AgreementInput } from "./agreement-form";
import type { LedgerSyncResult } from "./ledger-sync";
import type {
  Agreement,
  AnnexLine,
  ComparisonKey,
  Deadline,
  Decision,
  DecisionInput,
  Distribution,
  InternalDecision,
  InternalInput,
  PartsCheck,
  Receipt,
  RecipientDetail,
  RecipientGrant,
  ReminderSetting,
} from "./types";

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : "";
};

export type AnnexInput = { source?: string; text?: string; lines?: { recipientCode?: string; name: string; amount: number }[]; comparisonKey: ComparisonKey | null };

export const grantsApi = {
  agreements: () => req<Agreement[]>("GET", "/api/grants/agreements"),
  agreement: (id: number) => req<Agreement>("GET", `/api/grants/agreements/${id}`),
  createAgreement: (input: AgreementInput) => req<Agreement>("POST", "/api/grants/agreements", input),
  updateAgreement: (id: number, input: Omit<AgreementInput, "organisationId"> & { revision: number }) => req<Agreement>("PUT", `/api/grants/agreements/${id}`, input),
  decisions: (agreementId?: number) => req<Decision[]>("GET", `/api/grants/decisions${q({ agreementId })}`),
  decision: (id: number) => req<Decision>("GET", `/api/grants/decisions/${id}`),
  createDecision: (input: DecisionInput) => req<Decision>("POST", "/api/grants/decisions", input),
  updateDecision: (id: number, input: DecisionInput & { revision: number }) => req<Decision>("PUT", `/api/grants/decisions/${id}`, input),
  decideDecision: (id: number, revision: number) => req<Decision>("POST", `/api/grants/decisions/${id}/decide`, { revision }),
  distribution: (partId: number) => req<Distribution>("GET", `/api/grants/parts/${partId}/distribution`),
  previewKey: (partId: number, request: AllocationRequest) => req<{ result: AllocationResult; check: PartsCheck }>("POST", `/api/grants/parts/${partId}/distribution/preview`, request),
  saveKey: (partId: number, request: AllocationRequest, revision: number) => req<Distribution>("PUT", `/api/grants/parts/${partId}/distribution/key`, { ...request, revision }),
  parseAnnex: (partId: number, input: AnnexInput) => req<{ lines: AnnexLine[]; check: PartsCheck }>("POST", `/api/grants/parts/${partId}/distribution/annex/parse`, input),
  saveAnnex: (partId: number, input: AnnexInput & { revision: number }) => req<Distribution>("PUT", `/api/grants/parts/${partId}/distribution/annex`, input),
  importAnnex: (partId: number, form: FormData) => uploadForm<Distribution>(`/api/grants/parts/${partId}/distribution/annex/import`, form),
  recipient: (code: string) => req<{ organisation: { code: string; name: string }; grants: RecipientGrant[] }>("GET", `/api/grants/recipients/${encodeURIComponent(code)}`),
  recipientDetail: (partId: number, code: string) => req<RecipientDetail>("GET", `/api/grants/parts/${partId}/recipients/${encodeURIComponent(code)}`),
  saveReceipt: (partId: number, code: string, receipt: Receipt & { revision: number }) => req<RecipientDetail>("PUT", `/api/grants/parts/${partId}/recipients/${encodeURIComponent(code)}/receipt`, receipt),
  addSpending: (partId: number, code: string, input: { spentOn: string; amount: number; description: string }) =>
    req<RecipientDetail>("POST", `/api/grants/parts/${partId}/recipients/${encodeURIComponent(code)}/spending`, input),
  ledgerSpending: (input: { organisationId: number; partId: number; recipientCode: string; year: number }) => req<LedgerSyncResult>("POST", "/api/followup/grant-spending", input),
  deleteSpending: (id: number) => req<{ deleted: number }>("DELETE", `/api/grants/spending/${id}`),
  internal: (id: number) => req<InternalDecision>("GET", `/api/grants/internal-decisions/${id}`),
  createInternal: (input: InternalInput & { partId: number; organisationCode: string }) => req<InternalDecision>("POST", "/api/grants/internal-decisions", input),
  updateInternal: (id: number, input: InternalInput & { revision: number }) => req<InternalDecision>("PUT", `/api/grants/internal-decisions/${id}`, input),
  decideInternal: (id: number, revision: number) => req<InternalDecision>("POST", `/api/grants/internal-decisions/${id}/decide`, { revision }),
  newInternalVersion: (id: number, revision: number) => req<InternalDecision>("POST", `/api/grants/internal-decisions/${id}/versions`, { revision }),
  deadlines: (org?: string, within?: number) => req<Deadline[]>("GET", `/api/grants/deadlines${q({ org, within, includeDone: "true" })}`),
  myDeadlines: () => req<{ withinDays: number; deadlines: Deadline[] }>("GET", "/api/grants/deadlines/mine"),
  myReminders: () => req<(ReminderSetting & { revision: number }) | null>("GET", "/api/grants/reminder-settings/me"),
  saveMyReminders: (setting: ReminderSetting & { revision: number }) => req<ReminderSetting & { revision: number }>("PUT", "/api/grants/reminder-settings/me", setting),
};

export const icsUrl = (org: string) => `/api/grants/deadlines.ics${q({ org })}`;
export const deadlinesXlsxUrl = (org?: string) => `/api/grants/deadlines.xlsx${q({ org, includeDone: "true" })}`;
export const distributionXlsxUrl = (partId: number) => `/api/grants/parts/${partId}/distribution.xlsx`;
