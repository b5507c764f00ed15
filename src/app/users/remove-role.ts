import type { Kysely } from "kysely";
import { NotFoundError } from "../../core/errors";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { bumpRevision, lockUser, requireAdministers, requireUserAdmin } from "./user-access";
import { userViews, type UserView } from "./user-view";

export interface RemoveRoleInput {
  userId: number;
  organisationId: number;
  revision?: number;
}

/** Takes the user's role in an organisation away (moving someone = set-role in the new one, remove-role in the old). */
export async function removeRole(db: Kysely<Database>, actor: Actor, input: RemoveRoleInput): Promise<UserView> {
  requireUserAdmin(actor);
  requireAdministers(actor, input.organisationId);
  await inTransaction(db, async (trx) => {
    const user = await lockUser(trx, actor, input.userId, { revision: input.revision, wholeUser: false });
    const before = user.roles.find((r) => r.organisationId === input.organisationId);
    if (!before) throw new NotFoundError(`${user.username} har ingen roll i organisation ${input.organisationId}.`);
    const org = await trx.selectFrom("organisations").select("code").where("id", "=", input.organisationId).executeTakeFirstOrThrow();
    await trx.deleteFrom("user_roles").where("user_id", "=", user.id).where("organisation_id", "=", input.organisationId).execute();
    await bumpRevision(trx, actor, user);
    await writeAudit(trx, actor, {
      action: "update",
      entity: "user_role",
      entityId: user.id,
      organisationId: input.organisationId,
      before: { username: user.username, organisation: org.code, role: before.role },
      after: { username: user.username, organisation: org.code, role: null },
    });
  });
  return (await userViews(db, [input.userId]))[0]!;
}
