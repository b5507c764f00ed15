// The HTTP API's shapes as the UI uses them; they mirror the zod schemas in src/server/routes.
import type { AllocationRequest } from "../../core/allocation/request";
import type { AllocationResult, AllocationShare } from "../../core/allocation/types";

export type { AllocationRequest, AllocationResult, AllocationShare };
export type AllocationRequestLine = AllocationRequest["lines"][number];

export type Role = "reader" | "editor" | "approver" | "admin";

export interface UserRole {
  organisationId: number;
  organisationCode: string;
  organisationName: string;
  role: Role;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  roles: UserRole[];
}

export interface Session {
  user: User;
  csrfToken: string;
}

export type OrganisationKind = "state" | "skr" | "region" | "cooperation_region" | "municipality" | "board" | "other";

export interface Organisation {
  id: number;
  code: string;
  kind: OrganisationKind;
  name: string;
  shortName: string;
  countyCode: string | null;
}

export interface AllocationSummary {
  id: number;
  organisationId: number;
  organisationName: string;
  title: string;
  status: "draft" | "decided";
  version: number;
  previousId: number | null;
  totalOre: number;
  createdBy: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface AllocationDetail extends AllocationSummary {
  request: AllocationRequest;
  result: AllocationResult;
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  organisationId: number | null;
  before: unknown;
  after: unknown;
}
