import type { ColumnType, Generated } from "kysely";
import type { GrantTables } from "./schema-grants";
import type { BudgetTables } from "./schema-budgets";
import type { LedgerTables } from "./schema-ledger";
import type { ClosingTables } from "./schema-closing";
import type { OrganisationKind } from "../core/reference/organisation-kind";

// Kysely's view of the tables the SQL migrations create. Keep in step with src/db/migrations.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  kind: OrganisationKind;
  name: string;
  short_name: string;
  county_code: string | null;
  parent_id: number | null;
  created_at: Generated<Date>;
}

export interface CooperationRegionMembersTable {
  cooperation_code: string;
  municipality_code: string;
}

export interface PopulationTable {
  area_code: string;
  on_date: ColumnType<string, string, string>;
  population: number;
  source: string;
  imported_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** NULL for a user who signs in only through the identity provider (migration 0061). */
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  is_admin: Generated<boolean>;
  created_at: Generated<Date>;
  revision: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  deactivated_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  /** The identity provider's issuer and subject of a user signed in by single sign-on (migration 0061). */
  sso_issuer: string | null;
  sso_subject: string | null;
}

import type { Role } from "../core/roles";
export type { Role };

export interface UserRolesTable {
  user_id: number;
  organisation_id: number;
  role: Role;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  client_address: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  last_failure_at: Timestamp | null;
  blocked_until: Timestamp | null;
}

export interface AllocationsTable {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  status: Generated<"draft" | "decided">;
  version: Generated<number>;
  previous_id: number | null;
  decided_by: number | null;
  decided_at: Date | null;
  total_ore: number;
  spec: Json;
  result: Json;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Migration 0010: optimistic concurrency and the lineage (first version) versions are unique in. */
  revision: Generated<number>;
  updated_by: number | null;
  lineage_id: Generated<number>;
}

export interface AllocationLinesTable {
  allocation_id: number;
  position: number;
  label: string;
  recipient_code: string | null;
  method: string;
  basis: string | null;
  quota_numerator: string;
  quota_denominator: string;
  amount_ore: number;
  remainder_rank: number | null;
  explanation: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  user_id: number | null;
  username: string | null;
  organisation_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  /** Set by the database on insert (migration 0070): the previous entry's hash and this one's. */
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface BackupRunsTable {
  night: string;
  claimed_by: string;
  claimed_at: Generated<Date>;
  finished_at: Date | null;
  file: string | null;
  error: string | null;
}

/** A user's remembered choice per organisation (migration 0090). */
export interface UserPreferencesTable {
  user_id: number;
  organisation_id: number;
  name: "followup.excluded_projects";
  value: Json;
  revision: Generated<number>;
  updated_at: Generated<Date>;
}

/** A single sign-on under way (migration 0061): used once, expires after minutes. */
export interface OidcFlowsTable {
  state: string;
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

/** A claim → organisation and role rule for single sign-on (migration 0061). */
export interface SsoRulesTable {
  id: Generated<number>;
  position: number;
  claim: string;
  operator: "contains" | "ends_with";
  value: string;
  organisation_id: number;
  role: Role;
  revision: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface AuditChainHeadTable {
  only_row: Generated<boolean>;
  last_id: number;
  hash: string;
}

export interface NhvPermitsTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  care_area: string;
  application_phase: string;
  outcome: "granted" | "granted_partner" | "declined_to_apply" | "applied" | "refused";
  start_date: string | null;
  principal: string;
  revision: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface StaffAssignmentsTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  unit: string;
  role: string;
  percent: number;
  note: string | null;
  revision: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface Database extends GrantTables, BudgetTables, LedgerTables, ClosingTables {
  organisations: OrganisationsTable;
  cooperation_region_members: CooperationRegionMembersTable;
  population: PopulationTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  allocations: AllocationsTable;
  allocation_lines: AllocationLinesTable;
  audit_log: AuditLogTable;
  user_preferences: UserPreferencesTable;
  nhv_permits: NhvPermitsTable;
  staff_assignments: StaffAssignmentsTable;
  audit_chain_head: AuditChainHeadTable;
  backup_runs: BackupRunsTable;
  oidc_flows: OidcFlowsTable;
  sso_rules: SsoRulesTable;
}
