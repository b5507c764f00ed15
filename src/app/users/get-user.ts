import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { inTransaction } from "../transaction";
import { lockUser, requireUserAdmin } from "./user-access";
import { sessionViews, userViews, type SessionView, type UserView } from "./user-view";

/** One user with their live sessions, if the actor may manage them. */
export async function getUser(db: Kysely<Database>, actor: Actor, userId: number): Promise<UserView & { sessions: SessionView[] }> {
  requireUserAdmin(actor);
  // lockUser holds the access rule; a short transaction keeps its row lock harmless.
  await inTransaction(db, (trx) => lockUser(trx, actor, userId, { wholeUser: false }));
  const [user] = await userViews(db, [userId]);
  return { ...user!, sessions: await sessionViews(db, userId) };
}
