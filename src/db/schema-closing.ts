import type { ColumnType, Generated } from "kysely";

// Kysely's view of migration 0030_grant_closing.sql.
type Json<T = unknown> = ColumnType<T, string, string>;
type DateText = ColumnType<string, string, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationPaymentDetailsTable {
  organisation_id: number;
  organisation_number: string;
  payee_kind: "bankgiro" | "plusgiro" | "bank_account" | "iban";
  payee_number: string;
  bank: string | null;
  holder: string | null;
  revision: Generated<number>;
  updated_by: string | null;
  updated_at: Stamp;
}

export interface GrantRequisitionsTable {
  id: Generated<number>;
  part_id: number;
  recipient_code: string;
  version: number;
  requisition_date: DateText;
  amount_ore: number;
  content: Json;
  recipient_state: Json;
  produced_by: number | null;
  produced_by_name: string | null;
  produced_at: Generated<Date>;
}

export interface GrantFinancialReportsTable {
  id: Generated<number>;
  part_id: number;
  recipient_code: string;
  version: number;
  status: Generated<"filed">;
  report_date: DateText;
  period_from: DateText;
  period_to: DateText;
  received_ore: number;
  carried_in_ore: Generated<number>;
  used_ore: number;
  unspent_ore: number;
  carried_forward_ore: Generated<number>;
  to_repay_ore: number;
  explanation: string | null;
  content: Json;
  filed_by: number | null;
  filed_by_name: string | null;
  filed_at: Generated<Date>;
}

export interface GrantCarryForwardsTable {
  id: Generated<number>;
  from_part_id: number;
  recipient_code: string;
  to_part_id: number;
  diary_number: string;
  decided_on: DateText;
  new_deadline: DateText;
  cap_ore: number | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: Generated<Date>;
}

export interface ClosingTables {
  organisation_payment_details: OrganisationPaymentDetailsTable;
  grant_requisitions: GrantRequisitionsTable;
  grant_financial_reports: GrantFinancialReportsTable;
  grant_carry_forwards: GrantCarryForwardsTable;
}
