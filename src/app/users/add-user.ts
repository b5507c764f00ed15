import type { Kysely } from "kysely";
import { ForbiddenError } from "../../core/errors";
import { checkPasswordPolicy } from "../../core/passwords/policy";
import type { Role } from "../../core/roles";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { inTransaction } from "../transaction";
import { checkUsername, insertUser, UserError } from "./create-user";
import { generatePassword, hashPassword } from "./password-hash";
import { requireAdministers, requireUserAdmin } from "./user-access";
import { userViews, type UserView } from "./user-view";

export interface AddUserInput {
  username: string;
  displayName?: string;
  isAdmin?: boolean;
  roles: { organisationCode: string; role: Role }[];
  /** A password the person chose (CLI --password-stdin); without one a one-time password is made. */
  password?: string;
}

export interface AddedUser {
  user: UserView;
  /** Shown once to the administrator; the user must replace it at first login. */
  oneTimePassword?: string;
}

export async function addUser(db: Kysely<Database>, actor: Actor, input: AddUserInput): Promise<AddedUser> {
  requireUserAdmin(actor);
  checkUsername(input.username);
  if (input.isAdmin && !actor.isAdmin) throw new ForbiddenError("Bara en systemadministratör kan skapa en systemadministratör.");
  if (!actor.isAdmin && input.roles.length === 0) throw new UserError("Ange minst en roll i en organisation som du administrerar.", "roles");
  if (new Set(input.roles.map((r) => r.organisationCode)).size !== input.roles.length) throw new UserError("Ange en roll per organisation.", "roles");
  if (input.password !== undefined) checkPasswordPolicy(input.password, { username: input.username, displayName: input.displayName });
  const oneTimePassword = input.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  const id = await inTransaction(db, async (trx) => {
    for (const { organisationCode } of input.roles) {
      const org = await trx.selectFrom("organisations").select("id").where("code", "=", organisationCode).executeTakeFirst();
      if (org) requireAdministers(actor, org.id);
    }
    return insertUser(trx, { ...input, passwordHash, mustChangePassword: oneTimePassword !== undefined }, actor);
  });
  const [user] = await userViews(db, [id]);
  return { user: user!, oneTimePassword };
}
