import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { administeredOrganisations, requireUserAdmin } from "./user-access";
import { userViews, type UserView } from "./user-view";

export interface ListUsersInput {
  /** Part of the username or the display name, any case. */
  search?: string;
  organisationId?: number;
  includeDeactivated?: boolean;
}

/** The users the actor may manage: everyone for a system administrator, else their organisations' users. */
export async function listUsers(db: Kysely<Database>, actor: Actor, input: ListUsersInput = {}): Promise<UserView[]> {
  requireUserAdmin(actor);
  const orgs = administeredOrganisations(actor);
  let q = db.selectFrom("users").select("users.id");
  const scope = orgs === "all" ? undefined : orgs.length > 0 ? orgs : [-1];
  if (scope) q = q.where("users.id", "in", db.selectFrom("user_roles").select("user_id").where("organisation_id", "in", scope));
  if (input.organisationId !== undefined) q = q.where("users.id", "in", db.selectFrom("user_roles").select("user_id").where("organisation_id", "=", input.organisationId));
  if (!input.includeDeactivated) q = q.where("users.deactivated_at", "is", null);
  const search = input.search?.trim().toLowerCase();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(eb.fn("lower", ["users.username"]), "like", like), eb(eb.fn("lower", ["users.display_name"]), "like", like)]));
  }
  const ids = (await q.limit(500).execute()).map((r) => r.id);
  return userViews(db, ids);
}
