import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { endSessionsOf } from "../auth/sessions";
import { accountKey } from "../auth/throttle";
import { inTransaction } from "../transaction";
import { generatePassword, hashPassword } from "./password-hash";
import { bumpRevision, lockUser, requireUserAdmin } from "./user-access";
import { userViews, type UserView } from "./user-view";

/**
 * Gives the user a new one-time password, shown once to the administrator: the user must
 * replace it at the next login. Ends the user's sessions and lifts a login lockout.
 */
export async function resetPassword(db: Kysely<Database>, actor: Actor, input: { userId: number; revision?: number }): Promise<{ user: UserView; oneTimePassword: string; endedSessions: number }> {
  requireUserAdmin(actor);
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  const endedSessions = await inTransaction(db, async (trx) => {
    const user = await lockUser(trx, actor, input.userId, { revision: input.revision, wholeUser: true });
    await bumpRevision(trx, actor, user, { password_hash: hash, must_change_password: true, password_changed_at: new Date() });
    const ended = await endSessionsOf(trx, user.id);
    await trx.deleteFrom("login_throttle").where("key", "=", accountKey(user.username)).execute();
    await writeAudit(trx, actor, { action: "reset_password", entity: "user_password", entityId: user.id, after: { username: user.username, mustChangePassword: true, endedSessions: ended } });
    return ended;
  });
  return { user: (await userViews(db, [input.userId]))[0]!, oneTimePassword, endedSessions };
}
