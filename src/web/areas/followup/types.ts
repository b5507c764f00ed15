// The ledger and follow-up API's shapes as these pages use them (src/server/routes/ledger-schemas.ts).
// Amounts are öre: ledger sign in transaction rows, report sign (income positive) in reports.
// Where the server's own type is what the route sends as JSON it is imported as a type; `import type`
// is erased by Vite, so no server code reaches the browser.
import type { BudgetOutcomeRow } from "../../../core/followup/budget-outcome";
import type { ProjectAccountsTable } from "../../../core/followup/project-accounts";
import type { drillDown } from "../../../ledger/drilldown";
import type { getImport, listImports } from "../../../ledger/imports";
import type { CsvMapping as ServerCsvMapping } from "../../../ledger/import-csv";

export type { LedgerJob as ImportJob } from "../../../ledger/jobs";
export type { CsvImportResult, ColumnRef } from "../../../ledger/import-csv";
export type { AccountClass, AccountClassOverride } from "../../../core/followup/account-class";
export type { DrillDownRow as TransactionRow } from "../../../ledger/drilldown";
export type { ObjectLink } from "../../../ledger/mappings";
export type { AccountSuggestion, AccountSuggestionRow } from "../../../core/followup/account-suggestion";
export type { FollowupPreferences } from "../../../app/followup/read-followup-preferences";
export type { BudgetOutcomeGrouping as Grouping, BudgetOutcomeRow, BudgetOutcomeReport } from "../../../core/followup/budget-outcome";
export type { ProjectAccountRow, ProjectAccountSum, ProjectAccountsTable as ProjectAccounts } from "../../../core/followup/project-accounts";
export type { NarrativeMismatch, NarrativeCheck } from "../../../core/followup/narrative";

export interface LineMessage {
  file: string;
  line: number;
  field: string;
  message: string;
}

export type LedgerImport = Awaited<ReturnType<typeof listImports>>[number];
export type LedgerImportDetail = NonNullable<Awaited<ReturnType<typeof getImport>>>;

/** A saved mapping carries its id; a new one has none yet. */
export type CsvMapping = ServerCsvMapping & { id?: number };

export interface Chart {
  accounts: { account: string; name: string; type: string | null }[];
  dimensions: { dimension: number; name: string; parent: number | null }[];
  objects: { dimension: number; code: string; name: string }[];
}

export type TransactionPage = Awaited<ReturnType<typeof drillDown>>;

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
  notes: string[];
}
