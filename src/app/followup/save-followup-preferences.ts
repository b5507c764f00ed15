import type { Kysely } from "kysely";
import { StaleRevisionError } from "../../core/errors";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { requireRole } from "../access";
import { assertRevision } from "../revision";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { NAME, normaliseProjects, ownId, type FollowupPreferences } from "./read-followup-preferences";

/** Saves the user's excluded projects; a reader may keep choices of their own. */
export async function saveFollowupPreferences(
  db: Kysely<Database>,
  actor: Actor,
  input: { organisationId: number; excludedProjects: readonly string[]; revision: number },
): Promise<FollowupPreferences> {
  requireRole(actor, input.organisationId, "reader");
  const userId = ownId(actor);
  const excludedProjects = normaliseProjects(input.excludedProjects);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("user_preferences")
      .select(["value", "revision", "updated_at"])
      .where("user_id", "=", userId)
      .where("organisation_id", "=", input.organisationId)
      .where("name", "=", NAME)
      .forUpdate()
      .executeTakeFirst();
    assertRevision("Dina val för uppföljningen", { revision: row?.revision ?? 0, updatedBy: actor.username, updatedAt: row?.updated_at ?? null }, input.revision);
    const value = JSON.stringify(excludedProjects);
    let revision: number;
    if (row) {
      revision = row.revision + 1;
      await trx
        .updateTable("user_preferences")
        .set({ value, revision, updated_at: new Date() })
        .where("user_id", "=", userId)
        .where("organisation_id", "=", input.organisationId)
        .where("name", "=", NAME)
        .execute();
    } else {
      revision = 1;
      // Two first saves at once: the row neither read can only be inserted by one; the other is stale.
      const inserted = await trx
        .insertInto("user_preferences")
        .values({ user_id: userId, organisation_id: input.organisationId, name: NAME, value })
        .onConflict((oc) => oc.columns(["user_id", "organisation_id", "name"]).doNothing())
        .returning("revision")
        .executeTakeFirst();
      if (!inserted) throw new StaleRevisionError("Dina val för uppföljningen", { revision: 1, updatedBy: actor.username, updatedAt: null });
    }
    await writeAudit(trx, actor, { action: "update", entity: "user_preferences", entityId: NAME, organisationId: input.organisationId, before: row ? { excludedProjects: row.value } : null, after: { excludedProjects } });
    return { excludedProjects, revision };
  });
}
