import type { Kysely } from "kysely";
import { NotFoundError } from "../../core/errors";
import type { Role } from "../../core/roles";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { bumpRevision, lockUser, requireAdministers, requireUserAdmin } from "./user-access";
import { userViews, type UserView } from "./user-view";

export interface SetRoleInput {
  userId: number;
  organisationId: number;
  role: Role;
  /** The user record's revision the change is based on; the CLI, acting on the current state, leaves it out. */
  revision?: number;
}

/** Gives the user a role in an organisation, or changes the one they have there. */
export async function setRole(db: Kysely<Database>, actor: Actor, input: SetRoleInput): Promise<UserView> {
  requireUserAdmin(actor);
  requireAdministers(actor, input.organisationId);
  await inTransaction(db, async (trx) => {
    const org = await trx.selectFrom("organisations").select(["id", "code"]).where("id", "=", input.organisationId).executeTakeFirst();
    if (!org) throw new NotFoundError(`Organisation ${input.organisationId} finns inte.`);
    // An organisation administrator reaches only users already in one of their organisations
    // (or ones they add): users elsewhere are not theirs to see.
    const user = await lockUser(trx, actor, input.userId, { revision: input.revision, wholeUser: false });
    const before = user.roles.find((r) => r.organisationId === input.organisationId)?.role ?? null;
    if (before === input.role) return;
    await trx
      .insertInto("user_roles")
      .values({ user_id: user.id, organisation_id: input.organisationId, role: input.role })
      .onConflict((oc) => oc.columns(["user_id", "organisation_id"]).doUpdateSet({ role: input.role }))
      .execute();
    await bumpRevision(trx, actor, user);
    await writeAudit(trx, actor, {
      action: "update",
      entity: "user_role",
      entityId: user.id,
      organisationId: input.organisationId,
      before: { username: user.username, organisation: org.code, role: before },
      after: { username: user.username, organisation: org.code, role: input.role },
    });
  });
  return (await userViews(db, [input.userId]))[0]!;
}
