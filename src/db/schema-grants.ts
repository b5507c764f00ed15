import type { ColumnType, Generated } from "kysely";

// Kysely's view of the tables migration 0002_grants.sql creates (revisions: 0020).
type Json<T = unknown> = ColumnType<T, string, string>;
type DateText = ColumnType<string, string, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface GrantAgreementsTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  year: number;
  parties: Json<string[]>;
  total_ore: number;
  diary_number: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
  revision: Generated<number>;
  updated_by: string | null;
}

export interface GrantDecisionsTable {
  id: Generated<number>;
  agreement_id: number;
  organisation_id: number;
  title: string;
  diary_number: string | null;
  decision_date: DateText | null;
  ministry: string | null;
  payer_code: string | null;
  signatories: Json<string[]>;
  total_ore: number;
  status: Generated<"draft" | "decided">;
  decided_by: number | null;
  decided_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
  revision: Generated<number>;
  updated_by: string | null;
}

export interface GrantPartsTable {
  id: Generated<number>;
  decision_id: number;
  position: number;
  recipient_group: "skr" | "regions" | "cooperation_regions" | "other";
  purpose: string;
  amount_ore: number;
  expenditure_area: string | null;
  appropriation: string | null;
  appropriation_item: string | null;
  appropriation_item_name: string | null;
  one_time: boolean;
  requisition_deadline: DateText | null;
  report_deadline: DateText | null;
  report_recipient_code: string | null;
  repayment_deadline: DateText | null;
  repayment_recipient_code: string | null;
  activity_reports: Json;
}

export interface GrantDistributionsTable {
  part_id: number;
  mode: "key" | "annex";
  request: Json | null;
  result: Json | null;
  comparison_request: Json | null;
  comparison_result: Json | null;
  /** RoundingMatch[] (migration 0080); null for comparisons saved before it. */
  comparison_roundings?: Json | null;
  source: string | null;
  updated_by: number | null;
  updated_at: Stamp;
  revision: Generated<number>;
  updated_by_name: string | null;
}

export interface GrantEntitlementsTable {
  part_id: number;
  recipient_code: string;
  position: number;
  amount_ore: number;
  explanation: string;
}

export interface GrantReceiptsTable {
  part_id: number;
  recipient_code: string;
  accounting_object: string | null;
  requisitioned_on: DateText | null;
  requisition_ore: number | null;
  received_on: DateText | null;
  received_ore: number | null;
  reported_on: DateText | null;
  repaid_on: DateText | null;
  repaid_ore: number | null;
  partial_report_on: DateText | null;
  final_report_on: DateText | null;
  notes: string | null;
  updated_at: Stamp;
  revision: Generated<number>;
  updated_by: string | null;
}

export interface GrantSpendingTable {
  id: Generated<number>;
  part_id: number;
  recipient_code: string;
  spent_on: DateText;
  amount_ore: number;
  description: string;
  source: "manual" | "ledger";
  source_ref: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface GrantInternalDecisionsTable {
  id: Generated<number>;
  part_id: number;
  organisation_id: number;
  version: Generated<number>;
  previous_id: number | null;
  status: Generated<"draft" | "decided">;
  title: string;
  total_ore: number;
  metadata: Json;
  lines: Json;
  result: Json;
  decided_by: number | null;
  decided_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
  revision: Generated<number>;
  updated_by: string | null;
  /** The first version's id: (series_id, version) is unique. Set by a trigger on insert. */
  series_id: Generated<number>;
}

export interface ReminderSettingsTable {
  id: Generated<number>;
  user_id: number | null;
  organisation_id: number | null;
  email: string;
  days_before: number;
  enabled: boolean;
  revision: Generated<number>;
  updated_by: string | null;
  updated_at: Stamp;
}

export interface RemindersSentTable {
  deadline_key: string;
  email: string;
  sent_at: Generated<Date>;
}

export interface GrantTables {
  grant_agreements: GrantAgreementsTable;
  grant_decisions: GrantDecisionsTable;
  grant_parts: GrantPartsTable;
  grant_distributions: GrantDistributionsTable;
  grant_entitlements: GrantEntitlementsTable;
  grant_receipts: GrantReceiptsTable;
  grant_spending: GrantSpendingTable;
  grant_internal_decisions: GrantInternalDecisionsTable;
  reminder_settings: ReminderSettingsTable;
  reminders_sent: RemindersSentTable;
}
