import type { Kysely } from "kysely";
import { ConflictError, UserFacingError } from "../../core/errors";
import { checkPasswordPolicy } from "../../core/passwords/policy";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { hashPassword, verifyPassword } from "../users/password-hash";
import { endSessionsOf } from "./sessions";

export interface ChangeOwnPasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The session the change is made in stays; every other session of the user ends. */
  keepSessionToken?: string;
}

/** A signed-in user replaces their password (a one-time password must be replaced this way). */
export async function changeOwnPassword(db: Kysely<Database>, actor: Actor & { id: number }, input: ChangeOwnPasswordInput): Promise<{ endedSessions: number }> {
  const user = await db.selectFrom("users").select(["password_hash", "username", "display_name"]).where("id", "=", actor.id).executeTakeFirstOrThrow();
  if (user.password_hash === null) {
    throw new UserFacingError("Du loggar in via organisationens inloggning och har inget lösenord i Fördela att byta.", { status: 400, code: "no_local_password", where: { field: "currentPassword" } });
  }
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new UserFacingError("Nuvarande lösenord stämmer inte.", { status: 400, code: "bad_password", where: { field: "currentPassword" } });
  }
  checkPasswordPolicy(input.newPassword, { username: user.username, displayName: user.display_name });
  if (await verifyPassword(input.newPassword, user.password_hash)) {
    throw new UserFacingError("Det nya lösenordet måste skilja sig från det nuvarande.", { status: 400, code: "weak_password", where: { field: "newPassword" } });
  }
  const hash = await hashPassword(input.newPassword);
  return inTransaction(db, async (trx) => {
    // The hash checked above must still be the stored one: a reset in between wins.
    const locked = await trx.selectFrom("users").select(["password_hash", "revision"]).where("id", "=", actor.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.password_hash !== user.password_hash) throw new ConflictError("Lösenordet har just ändrats av någon annan. Logga in igen.");
    await trx
      .updateTable("users")
      .set({ password_hash: hash, must_change_password: false, password_changed_at: new Date(), revision: locked.revision + 1, updated_at: new Date(), updated_by: actor.username })
      .where("id", "=", actor.id)
      .execute();
    const endedSessions = await endSessionsOf(trx, actor.id, input.keepSessionToken);
    await writeAudit(trx, actor, { action: "update", entity: "user_password", entityId: actor.id, after: { changedBy: "self", endedSessions } });
    return { endedSessions };
  });
}
