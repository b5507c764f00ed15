import { requestJson as req, uploadForm } from "../../api/client";
import type { Decision } from "../../../core/grants/records";
import type { NhvPermitInput, Registers, StaffAssignmentInput } from "../../../core/followup/registers";
import type {
  AccountClassOverride,
  AccountClassSet,
  AccountSuggestion,
  FollowupPreferences,
  AnnualReport,
  BudgetOutcomeReport,
  Chart,
  CsvImportResult,
  CsvMapping,
  Grouping,
  ImportJob,
  LedgerImport,
  LedgerImportDetail,
  MakeImportCurrentResult,
  NarrativeCheck,
  ObjectLink,
  ProjectAccounts,
  StoredCsvMapping,
  StoredObjectLink,
  TransactionPage,
} from "./types";

/** A query string from the defined parameters only. */
export const query = (params: Record<string, string | number | boolean | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : "";
};

export interface ReportFilter {
  organisationId: number;
  year: number;
  by: Grouping;
  /** A project code, or "none" for the board's own operations (rows without project). */
  project?: string;
  costCentre?: string;
  forecastMethod?: "budget_remaining" | "linear";
}

export interface DrillFilter {
  organisationId: number;
  year: number;
  month?: number;
  accountClass?: string;
  account?: string;
  costCentre?: string;
  project?: string;
  limit?: number;
  offset?: number;
}

/** The upload as multipart field "file"; the server accepts it as well as a raw body. */
const fileForm = (file: File) => {
  const form = new FormData();
  form.append("file", file, file.name);
  return form;
};

export const followupApi = {
  startSieImport: (organisationId: number, file: File, replace = false) =>
    uploadForm<ImportJob>(`/api/ledger/imports/sie${query({ organisationId, fileName: file.name, ...(replace ? { replace: "true" } : {}) })}`, fileForm(file)),
  job: (id: string) => req<ImportJob>("GET", `/api/ledger/jobs/${encodeURIComponent(id)}`),
  runningJobs: (organisationId: number) => req<ImportJob[]>("GET", `/api/ledger/jobs?organisationId=${organisationId}`),
  importCsv: (organisationId: number, mapping: string, file: File) =>
    uploadForm<CsvImportResult>(`/api/ledger/imports/csv${query({ organisationId, mapping, fileName: file.name })}`, fileForm(file)),
  imports: (organisationId: number) => req<LedgerImport[]>("GET", `/api/ledger/imports${query({ organisationId })}`),
  importDetail: (id: number) => req<LedgerImportDetail>("GET", `/api/ledger/imports/${id}`),
  makeImportCurrent: (id: number) => req<MakeImportCurrentResult>("POST", `/api/ledger/imports/${id}/make-current`),
  mappings: (organisationId: number) => req<StoredCsvMapping[]>("GET", `/api/ledger/csv-mappings${query({ organisationId })}`),
  saveMapping: (organisationId: number, mapping: CsvMapping, revision: number) => req<StoredCsvMapping>("PUT", "/api/ledger/csv-mappings", { organisationId, mapping, revision }),
  accountClasses: (organisationId: number) => req<AccountClassSet>("GET", `/api/ledger/account-classes${query({ organisationId })}`),
  saveAccountClasses: (organisationId: number, overrides: AccountClassOverride[], revision: number) => req<AccountClassSet>("PUT", "/api/ledger/account-classes", { organisationId, overrides, revision }),
  objectLinks: (organisationId: number) => req<StoredObjectLink[]>("GET", `/api/ledger/object-links${query({ organisationId })}`),
  saveObjectLink: (organisationId: number, link: ObjectLink, revision: number) => req<StoredObjectLink[]>("PUT", "/api/ledger/object-links", { organisationId, link, revision }),
  chart: (organisationId: number) => req<Chart>("GET", `/api/ledger/chart${query({ organisationId })}`),
  budgetVsOutcome: (f: ReportFilter) => req<BudgetOutcomeReport>("GET", `/api/followup/budget-vs-outcome${query({ ...f })}`),
  transactions: (f: DrillFilter) => req<TransactionPage>("GET", `/api/followup/transactions${query({ ...f })}`),
  projectAccounts: (organisationId: number, year: number, exclude: string[], board = true) =>
    req<ProjectAccounts>("GET", `/api/followup/project-accounts${query({ organisationId, year, exclude: exclude.join(","), board })}`),
  annualReport: (organisationId: number, year: number, exclude: string[]) => req<AnnualReport>("GET", `/api/followup/annual-report${query({ organisationId, year, exclude: exclude.join(",") })}`),
  grants: () => req<Decision[]>("GET", "/api/grants/decisions"),
  accountSuggestion: (organisationId: number) => req<AccountSuggestion>("GET", `/api/followup/account-suggestion${query({ organisationId })}`),
  acceptAccountSuggestion: (organisationId: number, basis: string) => req<{ added: AccountClassOverride[]; overrides: AccountClassOverride[]; revision: number }>("POST", "/api/followup/account-suggestion/accept", { organisationId, basis }),
  preferences: (organisationId: number) => req<FollowupPreferences>("GET", `/api/followup/preferences${query({ organisationId })}`),
  savePreferences: (organisationId: number, excludedProjects: string[], revision: number) => req<FollowupPreferences>("PUT", "/api/followup/preferences", { organisationId, excludedProjects, revision }),
  registers: (organisationId: number, year: number) => req<Registers>("GET", `/api/registers${query({ organisationId, year })}`),
  savePermit: (body: { organisationId: number; year: number; id?: number; revision: number; row: NhvPermitInput }) => req<Registers>("PUT", "/api/registers/nhv-permits", body),
  deletePermit: (body: { organisationId: number; id: number; revision: number }) => req<{ ok: boolean }>("DELETE", "/api/registers/nhv-permits", body),
  saveAssignment: (body: { organisationId: number; year: number; id?: number; revision: number; row: StaffAssignmentInput }) => req<Registers>("PUT", "/api/registers/assignments", body),
  deleteAssignment: (body: { organisationId: number; id: number; revision: number }) => req<{ ok: boolean }>("DELETE", "/api/registers/assignments", body),
  narrativeCheck: (organisationId: number, year: number, exclude: string[], text: string) => req<NarrativeCheck>("POST", "/api/followup/narrative-check", { organisationId, year, exclude, text }),
};

export const budgetSieUrl = (organisationId: number, year: number) => `/api/ledger/budget.sie${query({ organisationId, year })}`;
