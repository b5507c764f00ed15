// The HTTP API's shapes as the UI uses them; they mirror the zod schemas in src/server/routes.
// Where the server's own type is what a route sends as JSON it is imported as a type (erased by
// Vite, so no server code reaches the browser).
import type { AllocationRequest } from "../../core/allocation/request";
import type { AllocationResult, AllocationShare } from "../../core/allocation/types";
import type { AllocationSummary, SavedAllocation } from "../../core/allocation/saved";
import type { OrganisationsTable } from "../../db/schema";
import type { CurrentUser } from "../../server/auth/users";

export type { AllocationRequest, AllocationResult, AllocationShare };
export type { Role } from "../../db/schema";
export type { UserRole } from "../../server/auth/users";
export type AllocationRequestLine = AllocationRequest["lines"][number];

export type User = CurrentUser;

export interface Session {
  user: User;
  csrfToken: string;
}

export type OrganisationKind = OrganisationsTable["kind"];

export interface Organisation {
  id: number;
  code: string;
  kind: OrganisationKind;
  name: string;
  shortName: string;
  countyCode: string | null;
}

/** GET /api/allocations sends the saved allocations without their request and result. */
export type { AllocationSummary };

export type AllocationDetail = SavedAllocation;

export type { AuditEntry, AuditFilter } from "../../core/audit/entry";
