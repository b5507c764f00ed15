import type { Role } from "../db/schema";
import type { CurrentUser } from "./auth/users";
import { ApiError } from "./errors";

// Each role includes the ones before it.
const rank: Record<Role, number> = { reader: 1, editor: 2, approver: 3, admin: 4 };

export function roleIn(user: CurrentUser, organisationId: number): Role | undefined {
  if (user.isAdmin) return "admin";
  return user.roles.find((r) => r.organisationId === organisationId)?.role;
}

export function can(user: CurrentUser, organisationId: number, needed: Role): boolean {
  const role = roleIn(user, organisationId);
  return role !== undefined && rank[role] >= rank[needed];
}

export function requireRole(user: CurrentUser, organisationId: number, needed: Role): void {
  if (!can(user, organisationId, needed)) {
    const names: Record<Role, string> = { reader: "läsare", editor: "redigerare", approver: "beslutsfattare", admin: "administratör" };
    throw new ApiError(403, "forbidden", `Du behöver minst rollen ${names[needed]} i organisationen för detta.`);
  }
}

/** Organisations whose drafts the user may see: decided documents are public, drafts are not. */
export function readableOrganisationIds(user: CurrentUser): number[] | "all" {
  return user.isAdmin ? "all" : user.roles.map((r) => r.organisationId);
}
