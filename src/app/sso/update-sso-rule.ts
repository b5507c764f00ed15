import type { Kysely } from "kysely";
import { NotFoundError } from "../../core/errors";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";
import { resolveRuleInput, type SsoRuleInput } from "./rule-input";
import { auditedRule, lockRules, renumber, requireRuleAdmin, ruleViews, type SsoRuleView } from "./rule-view";

/** Changes a rule and, with position, where it stands in the order (1 = tried first). */
export async function updateSsoRule(db: Kysely<Database>, actor: Actor, input: SsoRuleInput & { id: number; position?: number; revision?: number }): Promise<SsoRuleView> {
  requireRuleAdmin(actor);
  await inTransaction(db, async (trx) => {
    const locked = await lockRules(trx);
    const before = (await ruleViews(trx)).find((r) => r.id === input.id);
    if (!before) throw new NotFoundError(`Inloggningsregel ${input.id} finns inte.`);
    if (input.revision !== undefined) {
      assertRevision(`Inloggningsregel ${before.position}`, { revision: before.revision, updatedBy: before.updatedBy, updatedAt: before.updatedAt }, input.revision);
    }
    const resolved = await resolveRuleInput(trx, input);
    const order = locked.map((r) => r.id).filter((id) => id !== input.id);
    const position = Math.min(Math.max(input.position ?? before.position, 1), order.length + 1);
    order.splice(position - 1, 0, input.id);
    const after = { position, claim: resolved.claim, operator: input.operator, value: resolved.value, organisationCode: resolved.organisationCode, role: input.role };
    if (JSON.stringify(auditedRule(before)) === JSON.stringify(auditedRule(after))) return;
    await trx
      .updateTable("sso_rules")
      .set({ claim: resolved.claim, operator: input.operator, value: resolved.value, organisation_id: resolved.organisationId, role: input.role, revision: before.revision + 1, updated_at: new Date(), updated_by: actor.username })
      .where("id", "=", input.id)
      .execute();
    await renumber(trx, order, new Map(locked.map((r) => [r.id, r.position] as const)));
    await writeAudit(trx, actor, { action: "update", entity: "sso_rule", entityId: input.id, organisationId: resolved.organisationId, before: auditedRule(before), after: auditedRule(after) });
  });
  return (await ruleViews(db)).find((r) => r.id === input.id)!;
}
