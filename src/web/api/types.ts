// The HTTP API's shapes as the UI uses them; they mirror the zod schemas in src/server/routes.
// Types come from src/core and src/app only (eslint refuses src/db and src/server here); they are
// imported as types, erased by Vite, so no server code reaches the browser.
import type { AllocationRequest } from "../../core/allocation/request";
import type { AllocationResult, AllocationShare } from "../../core/allocation/types";
import type { AllocationSummary, SavedAllocation } from "../../core/allocation/saved";
import type { OrganisationKind } from "../../core/reference/organisation-kind";
import type { CurrentUser } from "../../app/auth/current-user";

export type { AllocationRequest, AllocationResult, AllocationShare };
export type { Role } from "../../core/roles";
export type { UserRole } from "../../app/auth/current-user";
export type AllocationRequestLine = AllocationRequest["lines"][number];

export type User = CurrentUser;

export interface Session {
  user: User;
  csrfToken: string;
}

export type { OrganisationKind };

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
