import { UserFacingError } from "../../core/errors";
import type { Db } from "../../db/connect";
import type { Role } from "../../db/schema";
import { hashPassword, minimumPasswordLength } from "./password";

export interface UserRole {
  organisationId: number;
  organisationCode: string;
  organisationName: string;
  role: Role;
}

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  roles: UserRole[];
}

/** A user account the system refuses (name, password, duplicate); duplicates answer 409. */
export class UserError extends UserFacingError {
  constructor(message: string, status = 400) {
    super(message, { status, code: status === 409 ? "duplicate" : "invalid_user", where: { field: "username" } });
  }
}

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

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  isAdmin?: boolean;
  mustChangePassword?: boolean;
  roles?: { organisationCode: string; role: Role }[];
}

export async function createUser(db: Db, input: NewUser): Promise<number> {
  if (!/^[a-z0-9._@-]{2,64}$/i.test(input.username)) {
    throw new UserError(`Ogiltigt användarnamn "${input.username}": använd 2–64 tecken a–z, 0–9, punkt, bindestreck, understreck eller @.`);
  }
  if (input.password.length < minimumPasswordLength) {
    throw new UserError(`Lösenordet måste ha minst ${minimumPasswordLength} tecken.`);
  }
  const existing = await db.selectFrom("users").select("id").where("username", "=", input.username).executeTakeFirst();
  if (existing) throw new UserError(`Användaren "${input.username}" finns redan.`, 409);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("users")
      .values({
        username: input.username,
        display_name: input.displayName ?? input.username,
        password_hash: passwordHash,
        is_admin: input.isAdmin ?? false,
        must_change_password: input.mustChangePassword ?? false,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const { organisationCode, role } of input.roles ?? []) {
      const org = await trx.selectFrom("organisations").select("id").where("code", "=", organisationCode).executeTakeFirst();
      if (!org) throw new UserError(`Organisationen "${organisationCode}" finns inte.`);
      await trx.insertInto("user_roles").values({ user_id: id, organisation_id: org.id, role }).execute();
    }
    await trx
      .insertInto("audit_log")
      .values({
        action: "create",
        entity: "user",
        entity_id: String(id),
        after: JSON.stringify({ username: input.username, isAdmin: input.isAdmin ?? false, roles: input.roles ?? [] }),
      })
      .execute();
    return id;
  });
}
