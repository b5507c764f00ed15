import type { Kysely } from "kysely";
import { ForbiddenError } from "../../core/errors";
import type { Role } from "../../core/roles";
import type { RuleOperator } from "../../core/sso/claim-rules";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import type { Trx } from "../transaction";

export interface SsoRuleView {
  id: number;
  position: number;
  claim: string;
  operator: RuleOperator;
  value: string;
  organisationId: number;
  organisationCode: string;
  organisationName: string;
  role: Role;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
}

/**
 * Only a system administrator manages the rules: they give roles in any organisation, and as the
 * first matching rule wins, a rule placed first would decide for every organisation's users.
 */
export function requireRuleAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new ForbiddenError("Bara systemadministratörer hanterar inloggningsreglerna.");
}

/** The rules in the order they are tried. */
export async function ruleViews(db: Kysely<Database> | Trx): Promise<SsoRuleView[]> {
  const rows = await db
    .selectFrom("sso_rules")
    .innerJoin("organisations", "organisations.id", "sso_rules.organisation_id")
    .select([
      "sso_rules.id",
      "sso_rules.position",
      "sso_rules.claim",
      "sso_rules.operator",
      "sso_rules.value",
      "sso_rules.organisation_id",
      "organisations.code",
      "organisations.name",
      "sso_rules.role",
      "sso_rules.revision",
      "sso_rules.updated_at",
      "sso_rules.updated_by",
    ])
    .orderBy("sso_rules.position")
    .orderBy("sso_rules.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    claim: r.claim,
    operator: r.operator,
    value: r.value,
    organisationId: r.organisation_id,
    organisationCode: r.code,
    organisationName: r.name,
    role: r.role,
    revision: r.revision,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by,
  }));
}

/** What the audit log keeps of a rule. */
export const auditedRule = (r: Pick<SsoRuleView, "position" | "claim" | "operator" | "value" | "organisationCode" | "role">) => ({
  position: r.position,
  claim: r.claim,
  operator: r.operator,
  value: r.value,
  organisation: r.organisationCode,
  role: r.role,
});

/**
 * Locks every rule (the order is one list: moving one moves others) and renumbers them 1…n in
 * the order given, writing only positions that change.
 */
export async function lockRules(trx: Trx): Promise<{ id: number; position: number; revision: number }[]> {
  return trx.selectFrom("sso_rules").select(["id", "position", "revision"]).orderBy("position").orderBy("id").forUpdate().execute();
}

export async function renumber(trx: Trx, orderedIds: number[], current: Map<number, number>): Promise<void> {
  for (let i = 0; i < orderedIds.length; i++) {
    const id = orderedIds[i]!;
    if (current.get(id) !== i + 1) await trx.updateTable("sso_rules").set({ position: i + 1 }).where("id", "=", id).execute();
  }
}
