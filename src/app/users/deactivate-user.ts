import type { Kysely } from "kysely";
import { ConflictError } from "../../core/errors";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { endSessionsOf } from "../auth/sessions";
import { inTransaction } from "../transaction";
import { bumpRevision, lockUser, requireUserAdmin } from "./user-access";
import { userViews, type UserView } from "./user-view";

/** Stops the user from logging in and ends their sessions; the user and their history stay. */
export async function deactivateUser(db: Kysely<Database>, actor: Actor, input: { userId: number; revision?: number }): Promise<UserView> {
  requireUserAdmin(actor);
  if (actor.id === input.userId) throw new ConflictError("Du kan inte stänga av ditt eget konto.", "self");
  await inTransaction(db, async (trx) => {
    const user = await lockUser(trx, actor, input.userId, { revision: input.revision, wholeUser: true });
    if (user.deactivated_at) throw new ConflictError(`${user.username} är redan avstängd.`, "already_deactivated");
    if (user.is_admin) {
      const others = await trx.selectFrom("users").select("id").where("is_admin", "=", true).where("deactivated_at", "is", null).where("id", "!=", user.id).execute();
      if (others.length === 0) throw new ConflictError("Det måste finnas minst en aktiv systemadministratör.", "last_admin");
    }
    await bumpRevision(trx, actor, user, { deactivated_at: new Date() });
    const ended = await endSessionsOf(trx, user.id);
    await writeAudit(trx, actor, { action: "deactivate", entity: "user", entityId: user.id, before: { username: user.username, active: true }, after: { username: user.username, active: false, endedSessions: ended } });
  });
  return (await userViews(db, [input.userId]))[0]!;
}

/** Lets a deactivated user log in again, with the password they had. */
export async function reactivateUser(db: Kysely<Database>, actor: Actor, input: { userId: number; revision?: number }): Promise<UserView> {
  requireUserAdmin(actor);
  await inTransaction(db, async (trx) => {
    const user = await lockUser(trx, actor, input.userId, { revision: input.revision, wholeUser: true });
    if (!user.deactivated_at) throw new ConflictError(`${user.username} är inte avstängd.`, "not_deactivated");
    await bumpRevision(trx, actor, user, { deactivated_at: null });
    await writeAudit(trx, actor, { action: "reactivate", entity: "user", entityId: user.id, before: { username: user.username, active: false }, after: { username: user.username, active: true } });
  });
  return (await userViews(db, [input.userId]))[0]!;
}
