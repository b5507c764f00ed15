import type { Db } from "../../db/connect";
import type { CurrentUser } from "../../app/auth/current-user";

// Creating users moved to src/app/users (the CLI may not import from the server); kept here for
// the tests and callers that still import it from its old place.
export { createUser, UserError, type NewUser } from "../../app/users/create-user";

export type { CurrentUser, UserRole } from "../../app/auth/current-user";

export async function loadUser(db: Db, userId: number): Promise<CurrentUser | undefined> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) return undefined;
  const roles = await db
    .selectFrom("user_roles")
    .innerJoin("organisations", "organisations.id", "user_roles.organisation_id")
    .select(["organisations.id as organisationId", "organisations.code as organisationCode", "organisations.name as organisationName", "user_roles.role"])
    .where("user_roles.user_id", "=", userId)
    .orderBy("organisations.name")
    .execute();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    isAdmin: user.is_admin,
    mustChangePassword: user.must_change_password,
    roles,
  };
}

