import type { ColumnType, Generated } from "kysely";

// Kysely's view of migration 0004_ledger.sql.
type Json<T = unknown> = ColumnType<T, string, string>;
type DateText = ColumnType<string, string, string>;

export interface LedgerImportsTable {
  id: Generated<number>;
  organisation_id: number;
  file_name: string;
  kind: "sie" | "csv";
  year: number;
  status: "importing" | "done" | "failed" | "replaced";
  voucher_count: Generated<number>;
  transaction_count: Generated<number>;
  balance_count: Generated<number>;
  budget_count: Generated<number>;
  warnings: ColumnType<unknown, string | undefined, string>;
  error: string | null;
  summary: Json | null;
  imported_by: number | null;
  imported_at: Generated<Date>;
}

/** Migration 0050: import jobs and their progress, shared by every server instance. */
export interface LedgerImportJobsTable {
  id: string;
  organisation_id: number;
  file_name: string;
  status: "running" | "done" | "failed";
  started_by: string | null;
  started_at: Generated<Date>;
  finished_at: Date | null;
  lines_read: Generated<number>;
  bytes_read: Generated<number>;
  total_bytes: number | null;
  transactions: Generated<number>;
  result: Json | null;
  error: Json | null;
  owner: string;
  heartbeat_at: Generated<Date>;
}

export interface LedgerAccountsTable {
  organisation_id: number;
  account: string;
  name: string;
  account_type: "T" | "S" | "K" | "I" | null;
}

export interface LedgerDimensionsTable {
  organisation_id: number;
  dimension: number;
  name: string;
  parent: number | null;
}

export interface LedgerObjectsTable {
  organisation_id: number;
  dimension: number;
  code: string;
  name: string;
}

export interface LedgerBalancesTable {
  import_id: number;
  kind: "IB" | "UB" | "RES" | "OIB" | "OUB";
  year_index: number;
  account: string;
  cost_centre: string | null;
  project: string | null;
  objects: ColumnType<unknown, string | undefined, string>;
  amount_ore: number;
}

export interface LedgerPeriodAmountsTable {
  import_id: number;
  kind: "PSALDO" | "PBUDGET";
  year_index: number;
  period: number;
  account: string;
  cost_centre: string | null;
  project: string | null;
  objects: ColumnType<unknown, string | undefined, string>;
  amount_ore: number;
}

export interface LedgerVouchersTable {
  import_id: number;
  seq: number;
  series: string;
  number: string;
  voucher_date: DateText;
  text: string;
  line: number;
}

export interface LedgerTransactionsTable {
  import_id: number;
  voucher_seq: number;
  row_no: number;
  period: number;
  trans_date: DateText;
  account: string;
  cost_centre: string | null;
  project: string | null;
  objects: Json | null;
  amount_ore: number;
  text: string | null;
}

export interface LedgerTotalsTable {
  import_id: number;
  period: number;
  account: string;
  dimension: number;
  object: string;
  amount_ore: number;
  row_count: number;
}

export interface LedgerClassTotalsTable {
  import_id: number;
  dimension: number;
  period: number;
  object: string;
  class: string;
  amount_ore: number;
  kind: ColumnType<"outcome" | "budget", "outcome" | "budget" | undefined, never>;
}

/** Budgets counted once, per import, dimension (0 none, 1 cost centre, 6 project), period, object and account. */
export interface LedgerBudgetTotalsTable {
  import_id: number;
  dimension: number;
  period: number;
  object: string;
  account: string;
  amount_ore: number;
}

export interface LedgerClassTotalsStateTable {
  import_id: number;
  classing: string;
}

export interface CsvMappingsTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  separator: Generated<string>;
  decimal_comma: Generated<boolean>;
  has_header: Generated<boolean>;
  encoding: Generated<"utf-8" | "windows-1252">;
  sign: Generated<"ledger" | "reversed">;
  columns: Json;
  updated_by: number | null;
  updated_at: Generated<Date>;
  revision: Generated<number>;
}

export interface LedgerAccountClassesTable {
  organisation_id: number;
  account_from: string;
  account_to: string;
  class: "income" | "staff" | "other" | "financial" | "balance";
  joint_financing: Generated<boolean>;
}

export interface LedgerObjectLinksTable {
  organisation_id: number;
  dimension: number;
  code: string;
  grant_id: number | null;
  budget_line: string | null;
  label: string | null;
  revision: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface LedgerAccountClassSetsTable {
  organisation_id: number;
  revision: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface LedgerTables {
  ledger_imports: LedgerImportsTable;
  ledger_import_jobs: LedgerImportJobsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_dimensions: LedgerDimensionsTable;
  ledger_objects: LedgerObjectsTable;
  ledger_balances: LedgerBalancesTable;
  ledger_period_amounts: LedgerPeriodAmountsTable;
  ledger_vouchers: LedgerVouchersTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_totals: LedgerTotalsTable;
  ledger_class_totals: LedgerClassTotalsTable;
  ledger_class_totals_state: LedgerClassTotalsStateTable;
  ledger_budget_totals: LedgerBudgetTotalsTable;
  csv_mappings: CsvMappingsTable;
  ledger_account_classes: LedgerAccountClassesTable;
  ledger_account_class_sets: LedgerAccountClassSetsTable;
  ledger_object_links: LedgerObjectLinksTable;
}
