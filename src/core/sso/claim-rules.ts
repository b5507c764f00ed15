import type { Role } from "../roles";

/**
 * Rules that turn an identity provider's claims into an organisation and a role. A rule names
 * a claim (a top-level name such as "groups", or a dotted path such as "realm_access.roles"),
 * an operator and a value:
 * - "contains": the claim is the value, or a list holding it (Entra ID's "groups" is a list of
 *   group object ids; a tenant id "tid" is a single string). Compared exactly.
 * - "ends_with": the claim, or an entry of it, ends with the value, ignoring case
 *   ("@regionhalland.se" for an e-mail domain).
 * Rules are tried in order; the first that matches decides.
 */
export const ruleOperators = ["contains", "ends_with"] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export const operatorNames: Record<RuleOperator, string> = {
  contains: "innehåller",
  ends_with: "slutar med",
};

export interface ClaimRule {
  id: number;
  claim: string;
  operator: RuleOperator;
  value: string;
  organisationId: number;
  role: Role;
}

/** The claim's values as strings: one for a string, number or boolean, each such entry of a list. */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  let current: unknown = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
  if (current === undefined && claim.includes(".")) {
    current = claims;
    for (const part of claim.split(".")) {
      current = current !== null && typeof current === "object" && !Array.isArray(current) && Object.hasOwn(current, part) ? (current as Record<string, unknown>)[part] : undefined;
    }
  }
  const scalar = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined);
  if (Array.isArray(current)) return current.map(scalar).filter((v): v is string => v !== undefined);
  const one = scalar(current);
  return one === undefined ? [] : [one];
}

export function ruleMatches(rule: Pick<ClaimRule, "claim" | "operator" | "value">, claims: Record<string, unknown>): boolean {
  const values = claimValues(claims, rule.claim);
  if (rule.operator === "contains") return values.includes(rule.value);
  const suffix = rule.value.toLowerCase();
  return values.some((v) => v.toLowerCase().endsWith(suffix));
}

/** The first rule, in the order given, that the claims match. */
export function firstMatchingRule<R extends Pick<ClaimRule, "claim" | "operator" | "value">>(rules: readonly R[], claims: Record<string, unknown>): R | undefined {
  return rules.find((rule) => ruleMatches(rule, claims));
}
