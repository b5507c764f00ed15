import type { ColumnType, Generated } from "kysely";

// Kysely's view of the tables in migrations/0003_budgets.sql.
type Json<T = unknown> = ColumnType<T, string, string>;

import type { BudgetDocumentKind } from "../core/budget/documents";

export type { BudgetDocumentKind };

export interface IndexSeriesTable {
  code: string;
  year: number;
  change_percent: string;
  source: string;
  updated_at: Generated<Date>;
  /** Migration 0012. */
  revision: Generated<number>;
  updated_by: number | null;
}

export interface BudgetDocumentsTable {
  id: Generated<number>;
  kind: BudgetDocumentKind;
  organisation_id: number;
  title: string;
  year: number;
  status: Generated<"proposal" | "decided">;
  version: Generated<number>;
  previous_id: number | null;
  spec: Json;
  result: Json;
  metadata: Json;
  total_ore: number;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  decided_by: number | null;
  decided_at: Date | null;
  /** Migration 0011: optimistic concurrency and the lineage (first version) versions are unique in. */
  revision: Generated<number>;
  updated_by: number | null;
  lineage_id: Generated<number>;
}

export interface BudgetTables {
  index_series: IndexSeriesTable;
  budget_documents: BudgetDocumentsTable;
}
