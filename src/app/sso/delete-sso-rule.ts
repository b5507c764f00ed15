import type { Kysely } from "kysely";
import { NotFoundError } from "../../core/errors";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";
import { auditedRule, lockRules, renumber, requireRuleAdmin, ruleViews } from "./rule-view";

/** Removes a rule; the ones after it move up. Users it gave a role keep it until their next sign-in. */
export async function deleteSsoRule(db: Kysely<Database>, actor: Actor, input: { id: number; revision?: number }): Promise<void> {
  requireRuleAdmin(actor);
  await inTransaction(db, async (trx) => {
    const locked = await lockRules(trx);
    const before = (await ruleViews(trx)).find((r) => r.id === input.id);
    if (!before) throw new NotFoundError(`Inloggningsregel ${input.id} finns inte.`);
    if (input.revision !== undefined) {
      assertRevision(`Inloggningsregel ${before.position}`, { revision: before.revision, updatedBy: before.updatedBy, updatedAt: before.updatedAt }, input.revision);
    }
    await trx.deleteFrom("sso_rules").where("id", "=", input.id).execute();
    const rest = locked.filter((r) => r.id !== input.id);
    await renumber(trx, rest.map((r) => r.id), new Map(rest.map((r) => [r.id, r.position] as const)));
    await writeAudit(trx, actor, { action: "delete", entity: "sso_rule", entityId: input.id, organisationId: before.organisationId, before: auditedRule(before) });
  });
}
