import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { resolveRuleInput, type SsoRuleInput } from "./rule-input";
import { auditedRule, lockRules, renumber, requireRuleAdmin, ruleViews, type SsoRuleView } from "./rule-view";

/** Adds a rule, last or at the position given (1 = tried first); the others move down. */
export async function createSsoRule(db: Kysely<Database>, actor: Actor, input: SsoRuleInput & { position?: number }): Promise<SsoRuleView> {
  requireRuleAdmin(actor);
  const id = await inTransaction(db, async (trx) => {
    const resolved = await resolveRuleInput(trx, input);
    const existing = await lockRules(trx);
    const position = Math.min(Math.max(input.position ?? existing.length + 1, 1), existing.length + 1);
    const { id } = await trx
      .insertInto("sso_rules")
      .values({ position, claim: resolved.claim, operator: input.operator, value: resolved.value, organisation_id: resolved.organisationId, role: input.role, updated_by: actor.username })
      .returning("id")
      .executeTakeFirstOrThrow();
    const order = existing.map((r) => r.id);
    order.splice(position - 1, 0, id);
    await renumber(trx, order, new Map([...existing.map((r) => [r.id, r.position] as const), [id, position]]));
    await writeAudit(trx, actor, {
      action: "create",
      entity: "sso_rule",
      entityId: id,
      organisationId: resolved.organisationId,
      after: auditedRule({ position, claim: resolved.claim, operator: input.operator, value: resolved.value, organisationCode: resolved.organisationCode, role: input.role }),
    });
    return id;
  });
  return (await ruleViews(db)).find((r) => r.id === id)!;
}
