import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { hashToken } from "./sessions";

/** Ends the session the request came with, and logs that the user logged out. */
export async function logOut(db: Kysely<Database>, actor: Actor | undefined, token: string | undefined): Promise<void> {
  if (!token) return;
  await inTransaction(db, async (trx) => {
    const ended = await trx.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).executeTakeFirst();
    if (actor && Number(ended.numDeletedRows) > 0) await writeAudit(trx, actor, { action: "logout", entity: "session" });
  });
}
