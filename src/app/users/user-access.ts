import { ForbiddenError, NotFoundError } from "../../core/errors";
import { roleNames } from "../../core/roles";
import type { Actor } from "../actor";
import { assertRevision } from "../revision";
import type { Trx } from "../transaction";

/**
 * Who may manage users. A system administrator (is_admin) manages everyone. An organisation's
 * administratör manages the users of their own organisations: gives and takes roles there,
 * and — for a user whose every role lies in organisations they administer — resets the
 * password, deactivates, reactivates and ends sessions. Only a system administrator creates
 * or manages a system administrator.
 */
export function administeredOrganisations(actor: Actor): number[] | "all" {
  if (actor.isAdmin) return "all";
  return actor.roles.filter((r) => r.role === "admin").map((r) => r.organisationId);
}

export function requireUserAdmin(actor: Actor): void {
  const orgs = administeredOrganisations(actor);
  if (orgs !== "all" && orgs.length === 0) throw new ForbiddenError(`Bara systemadministratörer och en organisations ${roleNames.admin} kan hantera användare.`);
}

export function requireAdministers(actor: Actor, organisationId: number): void {
  const orgs = administeredOrganisations(actor);
  if (orgs !== "all" && !orgs.includes(organisationId)) {
    throw new ForbiddenError(`Du behöver rollen ${roleNames.admin} i organisationen för att ändra dess användare.`);
  }
}

export interface LockedUser {
  id: number;
  username: string;
  display_name: string;
  is_admin: boolean;
  must_change_password: boolean;
  deactivated_at: Date | string | null;
  revision: number;
  updated_by: string | null;
  updated_at: Date | string;
  roles: { organisationId: number; role: string }[];
}

/**
 * Locks the user row for the change and checks what the actor may see and do with it. An
 * organisation administrator sees only users with a role in one of their organisations; any
 * other user is reported as missing.
 */
export async function lockUser(trx: Trx, actor: Actor, userId: number, options: { revision?: number; wholeUser: boolean }): Promise<LockedUser> {
  const row = await trx
    .selectFrom("users")
    .select(["id", "username", "display_name", "is_admin", "must_change_password", "deactivated_at", "revision", "updated_by", "updated_at"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  const missing = () => new NotFoundError(`Användare ${userId} finns inte.`);
  if (!row) throw missing();
  const roles = await trx.selectFrom("user_roles").select(["organisation_id as organisationId", "role"]).where("user_id", "=", userId).execute();
  const orgs = administeredOrganisations(actor);
  if (orgs !== "all") {
    if (!roles.some((r) => orgs.includes(r.organisationId))) throw missing();
    if (row.is_admin) throw new ForbiddenError("Bara en systemadministratör kan ändra en annan systemadministratör.");
    if (options.wholeUser && !roles.every((r) => orgs.includes(r.organisationId))) {
      throw new ForbiddenError(`Användaren har roller i organisationer där du inte är ${roleNames.admin}; be en systemadministratör.`);
    }
  }
  if (options.revision !== undefined) {
    assertRevision(`Användaren ${row.username}`, { revision: row.revision, updatedBy: row.updated_by, updatedAt: row.updated_at }, options.revision);
  }
  return { ...row, roles };
}

/** Marks the user row as changed by the actor: the next change must be based on this revision. */
export async function bumpRevision(trx: Trx, actor: Actor, user: LockedUser, set: Record<string, unknown> = {}): Promise<number> {
  const revision = user.revision + 1;
  await trx
    .updateTable("users")
    .set({ ...set, revision, updated_at: new Date(), updated_by: actor.username })
    .where("id", "=", user.id)
    .execute();
  return revision;
}
