import type { Kysely } from "kysely";
import { NotFoundError } from "../../core/errors";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockUser, requireUserAdmin } from "./user-access";

/** Ends one session of the user (by the id the session list shows) or all of them. */
export async function endSessions(db: Kysely<Database>, actor: Actor, input: { userId: number; sessionId?: string }): Promise<{ ended: number }> {
  requireUserAdmin(actor);
  return inTransaction(db, async (trx) => {
    const user = await lockUser(trx, actor, input.userId, { wholeUser: true });
    let q = trx.deleteFrom("sessions").where("user_id", "=", user.id);
    if (input.sessionId !== undefined) {
      if (!/^[0-9a-f]{12}$/.test(input.sessionId)) throw new NotFoundError(`Sessionen ${input.sessionId} finns inte.`);
      q = q.where("token_hash", "like", `${input.sessionId}%`);
    }
    const ended = Number((await q.executeTakeFirst()).numDeletedRows);
    if (input.sessionId !== undefined && ended === 0) throw new NotFoundError(`Sessionen ${input.sessionId} finns inte.`);
    await writeAudit(trx, actor, { action: "end_sessions", entity: "session", entityId: user.id, after: { username: user.username, session: input.sessionId ?? "alla", ended } });
    return { ended };
  });
}
