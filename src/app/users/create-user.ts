import type { Db } from "../../db/connect";
import type { Role } from "../../core/roles";
import { ConflictError, NotFoundError, UserFacingError } from "../../core/errors";
import { writeAudit, type AuditActor } from "../audit";
import { inTransaction, type Trx } from "../transaction";
import { hashPassword } from "./password-hash";

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  isAdmin?: boolean;
  mustChangePassword?: boolean;
  roles?: { organisationCode: string; role: Role }[];
}

/** A user input that breaks a rule about users (name format, unknown organisation…). */
export class UserError extends UserFacingError {
  constructor(message: string, field?: string) {
    super(message, { status: 400, code: "invalid_user", where: field ? { field } : undefined });
  }
}

export const usernamePattern = /^[a-z0-9._@-]{2,64}$/i;

export function checkUsername(username: string): void {
  if (!usernamePattern.test(username)) {
    throw new UserError(`Ogiltigt användarnamn "${username}": använd 2–64 tecken a–z, 0–9, punkt, bindestreck, understreck eller @.`, "username");
  }
}

/**
 * Inserts the user, its roles and the audit row with the caller's transaction. The password
 * is hashed before; policy checks belong to the use case that took the password from a person.
 */
export async function insertUser(trx: Trx, input: Omit<NewUser, "password"> & { passwordHash: string }, actor: AuditActor | null): Promise<number> {
  checkUsername(input.username);
  const existing = await trx.selectFrom("users").select("id").where((eb) => eb(eb.fn("lower", ["username"]), "=", input.username.toLowerCase())).executeTakeFirst();
  if (existing) throw new ConflictError(`Användaren "${input.username}" finns redan.`, "duplicate");
  const { id } = await trx
    .insertInto("users")
    .values({
      username: input.username,
      display_name: input.displayName?.trim() || input.username,
      password_hash: input.passwordHash,
      is_admin: input.isAdmin ?? false,
      must_change_password: input.mustChangePassword ?? false,
      updated_by: actor?.username ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const roles: { organisationId: number; organisationCode: string; role: Role }[] = [];
  for (const { organisationCode, role } of input.roles ?? []) {
    const org = await trx.selectFrom("organisations").select("id").where("code", "=", organisationCode).executeTakeFirst();
    if (!org) throw new NotFoundError(`Organisationen "${organisationCode}" finns inte.`);
    await trx.insertInto("user_roles").values({ user_id: id, organisation_id: org.id, role }).execute();
    roles.push({ organisationId: org.id, organisationCode, role });
  }
  await writeAudit(trx, actor, {
    action: "create",
    entity: "user",
    entityId: id,
    after: { username: input.username, displayName: input.displayName ?? input.username, isAdmin: input.isAdmin ?? false, mustChangePassword: input.mustChangePassword ?? false, roles },
  });
  return id;
}

/**
 * Creates a user as the machine's operator does (first administrator, demo data, tests): no
 * password policy, since the password never came from a person typing it. People adding users
 * go through addUser, which checks the policy and access.
 */
export async function createUser(db: Db, input: NewUser, actor: AuditActor | null = null): Promise<number> {
  if (input.password.length === 0) throw new UserError("Lösenordet får inte vara tomt.", "password");
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, (trx) => insertUser(trx, { ...input, passwordHash }, actor));
}
