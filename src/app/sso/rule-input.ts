import { NotFoundError, UserFacingError } from "../../core/errors";
import type { Role } from "../../core/roles";
import type { RuleOperator } from "../../core/sso/claim-rules";
import type { Trx } from "../transaction";

export interface SsoRuleInput {
  claim: string;
  operator: RuleOperator;
  value: string;
  organisationCode: string;
  role: Role;
}

/** Checks a rule's fields and finds its organisation; errors name the field. */
export async function resolveRuleInput(trx: Trx, input: SsoRuleInput): Promise<{ claim: string; value: string; organisationId: number; organisationCode: string }> {
  const claim = input.claim.trim();
  const value = input.value.trim();
  if (!/^[A-Za-z0-9_:\-/.]{1,200}$/.test(claim)) {
    throw new UserFacingError(`Anspråket "${claim.slice(0, 50)}" går inte att använda: ange ett namn som groups, email eller realm_access.roles (bokstäver a–z, siffror, _ : - / .).`, { code: "invalid_rule", where: { field: "claim" } });
  }
  if (value.length === 0 || value.length > 500) throw new UserFacingError("Värdet ska ha 1–500 tecken.", { code: "invalid_rule", where: { field: "value" } });
  const org = await trx.selectFrom("organisations").select(["id", "code"]).where("code", "=", input.organisationCode).executeTakeFirst();
  if (!org) throw new NotFoundError(`Organisationen "${input.organisationCode}" finns inte.`);
  return { claim, value, organisationId: org.id, organisationCode: org.code };
}
