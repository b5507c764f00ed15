// The ledger and follow-up API's shapes as these pages use them (src/server/routes/ledger-schemas.ts).
// Amounts are öre: ledger sign in transaction rows, report sign (income positive) in reports.

export interface LineMessage {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface ImportJob {
  id: string;
  organisationId: number;
  fileName: string;
  status: "running" | "done" | "failed";
  startedAt: string;
  finishedAt: string | null;
  linesRead: number;
  bytesRead: number;
  totalBytes: number | null;
  transactions: number;
  percent: number | null;
  result: {
    importId: number;
    year: number;
    vouchers: number;
    transactions: number;
    balances: number;
    budgets: number;
    periodBalances: number;
    warnings: LineMessage[];
    ksumma: "verified" | "absent";
    replaced: number[];
  } | null;
  error: { message: string; errors: LineMessage[] } | null;
}

export interface LedgerImport {
  id: number;
  organisationId: number;
  fileName: string;
  kind: "sie" | "csv";
  year: number;
  status: "done" | "failed" | "replaced";
  voucherCount: number;
  transactionCount: number;
  balanceCount: number;
  budgetCount: number;
  warningCount: number;
  error: string | null;
  importedBy: string | null;
  importedAt: string;
}

export interface LedgerImportDetail extends LedgerImport {
  warnings: LineMessage[];
  summary: unknown;
}

export interface CsvImportResult {
  importId: number;
  year: number;
  rows: number;
  periods: number[];
  replacedRows: number;
}

export type ColumnRef = string | number;

export interface CsvMapping {
  id?: number;
  name: string;
  separator: string;
  decimalComma: boolean;
  hasHeader: boolean;
  encoding: "utf-8" | "windows-1252";
  sign: "ledger" | "reversed";
  columns: { account: ColumnRef; amount: ColumnRef; period?: ColumnRef; date?: ColumnRef; costCentre?: ColumnRef; project?: ColumnRef; text?: ColumnRef };
}

export type AccountClass = "income" | "staff" | "other" | "financial" | "balance";

export interface AccountClassOverride {
  from: string;
  to: string;
  class: AccountClass;
  jointFinancing?: boolean;
}

export interface ObjectLink {
  dimension: number;
  code: string;
  grantId: number | null;
  budgetLine: string | null;
  label: string | null;
}

export interface Chart {
  accounts: { account: string; name: string; type: string | null }[];
  dimensions: { dimension: number; name: string; parent: number | null }[];
  objects: { dimension: number; code: string; name: string }[];
}

export type Grouping = "class" | "account" | "costcentre" | "project" | "month";

export interface BudgetOutcomeRow {
  key: string;
  label: string;
  budget: number;
  outcome: number;
  deviation: number;
  deviationPercent: string | null;
  forecast: number;
}

export interface BudgetOutcomeReport {
  year: number;
  by: Grouping;
  rows: BudgetOutcomeRow[];
  total: BudgetOutcomeRow;
  asOfMonth: number;
  forecastMethod: "budget_remaining" | "linear";
  forecastMethodText: string;
  signNote: string;
}

export interface TransactionRow {
  importId: number;
  voucher: string;
  voucherDate: string;
  voucherText: string;
  date: string;
  account: string;
  accountName: string;
  costCentre: string | null;
  project: string | null;
  amount: number;
  text: string | null;
  fileName: string;
  line: number;
}

export interface TransactionPage {
  total: number;
  sum: number;
  rows: TransactionRow[];
}

export interface ProjectAccountRow {
  kind: "project" | "board";
  code: string;
  name: string;
  opening: number;
  jointFinancing: number;
  otherIncome: number;
  costs: number;
  closing: number;
  openingSource: "ledger" | "previous_year" | "none";
}

export interface ProjectAccountSum {
  label: string;
  opening: number;
  jointFinancing: number;
  otherIncome: number;
  costs: number;
  closing: number;
}

export interface ProjectAccounts {
  year: number;
  rows: ProjectAccountRow[];
  subtotal: ProjectAccountSum;
  excludedRows: ProjectAccountRow[];
  total: ProjectAccountSum;
  mandatePeriod: { start: number; end: number };
}

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
  projectAccounts: ProjectAccounts;
  paragraphs: { project: string; text: string }[];
  subscription: { documentId: number; title: string; status: string; result: unknown } | null;
  notes: string[];
}

export interface NarrativeMismatch {
  project: string;
  field: "opening" | "jointFinancing" | "otherIncome" | "income" | "costs" | "closing";
  written: string;
  writtenOre: number;
  tableOre: number;
  offset: number;
  sentence: string;
  message: string;
}

export interface NarrativeCheck {
  checked: number;
  mismatches: NarrativeMismatch[];
}
