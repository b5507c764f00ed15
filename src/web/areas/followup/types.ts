// The ledger and follow-up API's shapes as these pages use them (src/server/routes/ledger-schemas.ts).
// Amounts are öre: ledger sign in transaction rows, report sign (income positive) in reports.
// Types come from src/core and src/app (app/ledger/types names the ledger's results); `import type`
// is erased by Vite, so no server code reaches the browser.
import type { BudgetOutcomeRow } from "../../../core/followup/budget-outcome";
import type { ProjectAccountsTable } from "../../../core/followup/project-accounts";
import type { CsvMapping as ServerCsvMapping, DrillDownRow } from "../../../app/ledger/types";

export type { LedgerJob as ImportJob, CsvImportResult, ColumnRef, LedgerImport, LedgerImportDetail, MakeImportCurrentResult } from "../../../app/ledger/types";
export type { AccountClass, AccountClassOverride } from "../../../core/followup/account-class";
export type { AccountClassSet, DrillDownRow as TransactionRow, ObjectLink, StoredCsvMapping, StoredObjectLink } from "../../../app/ledger/types";
export type { AccountSuggestion, AccountSuggestionRow } from "../../../core/followup/account-suggestion";
export type { FollowupPreferences } from "../../../app/followup/read-followup-preferences";
export type { BudgetOutcomeGrouping as Grouping, BudgetOutcomeRow, BudgetOutcomeReport } from "../../../core/followup/budget-outcome";
export type { ProjectAccountRow, ProjectAccountSum, ProjectAccountsTable as ProjectAccounts } from "../../../core/followup/project-accounts";
export type { NarrativeMismatch, NarrativeCheck } from "../../../core/followup/narrative";
import type { Registers } from "../../../core/followup/registers";
export type { NhvOutcome, NhvPermit, Registers, StaffAssignment } from "../../../core/followup/registers";

export interface LineMessage {
  file: string;
  line: number;
  field: string;
  message: string;
}


/** A saved mapping carries its id and the revision a change is based on; a new one has neither. */
export type CsvMapping = ServerCsvMapping & { id?: number; revision?: number };

export interface Chart {
  accounts: { account: string; name: string; type: string | null }[];
  dimensions: { dimension: number; name: string; parent: number | null }[];
  objects: { dimension: number; code: string; name: string }[];
}

export type TransactionPage = { rows: DrillDownRow[]; total: number; sum: number };

export interface SubscriptionMatrix {
  buyers: { key: string; label: string }[];
  sellers: { key: string; label: string }[];
  cells: { buyer: string; seller: string; amount: number }[];
  rowTotals: Record<string, number>;
  columnTotals: Record<string, number>;
  total: number;
}

export interface AnnualReport {
  year: number;
  budgetTable: BudgetOutcomeRow[];
  projectAccounts: ProjectAccountsTable;
  paragraphs: { project: string; text: string }[];
  subscription: { documentId: number; title: string; status: string; result: unknown } | null;
  registers: Registers;
  notes: string[];
}
