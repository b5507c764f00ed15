import { ForbiddenError, NotFoundError } from "../core/errors";
import { roleAtLeast, roleNames, type Role } from "../core/roles";
import type { Actor } from "./actor";

export function roleIn(actor: Actor, organisationId: number): Role | undefined {
  if (actor.isAdmin) return "admin";
  return actor.roles.find((r) => r.organisationId === organisationId)?.role;
}

export function can(actor: Actor, organisationId: number, needed: Role): boolean {
  return roleAtLeast(roleIn(actor, organisationId), needed);
}

export function requireRole(actor: Actor, organisationId: number, needed: Role): void {
  if (!can(actor, organisationId, needed)) {
    throw new ForbiddenError(`Du behöver minst rollen ${roleNames[needed]} i organisationen för detta.`);
  }
}

/** Organisations whose drafts the user may see: decided documents are public, drafts are not. */
export function readableOrganisationIds(actor: Actor): number[] | "all" {
  return actor.isAdmin ? "all" : actor.roles.map((r) => r.organisationId);
}

/**
 * A draft of another organisation is reported as missing, not forbidden: its existence is not
 * public. Decided records are public to every signed-in user.
 */
export function requireVisible<T extends { status: string; organisationId: number }>(actor: Actor, record: T | undefined, missing: string): T {
  if (!record || (record.status !== "decided" && !can(actor, record.organisationId, "reader"))) throw new NotFoundError(missing);
  return record;
}
