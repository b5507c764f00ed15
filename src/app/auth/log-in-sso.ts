import type { Kysely } from "kysely";
import { roleNames } from "../../core/roles";
import { firstMatchingRule, type RuleOperator } from "../../core/sso/claim-rules";
import type { Database } from "../../db/schema";
import { writeAudit } from "../audit";
import { inTransaction, type Trx } from "../transaction";
import { usernamePattern } from "../users/create-user";
import type { LoggedIn } from "./log-in";
import { SsoLoginError } from "./oidc-flows";
import { createSession, type SessionPolicy } from "./sessions";

/** Who the identity provider says signed in: its issuer, the stable subject and the claims. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  /** The provider's name as the login page shows it, for messages. */
  providerName: string;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** A username for a new user: preferred_username, e-mail or "sso-" + subject, made to fit and unique. */
async function freeUsername(trx: Trx, claims: Record<string, unknown>, subject: string): Promise<string> {
  const wanted = (text(claims.preferred_username) ?? text(claims.email) ?? `sso-${subject}`).toLowerCase().replace(/[^a-z0-9._@-]+/g, "-").slice(0, 56);
  const base = wanted.length >= 2 ? wanted : `sso-${wanted}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await trx.selectFrom("users").select("id").where((eb) => eb(eb.fn("lower", ["username"]), "=", candidate)).executeTakeFirst();
    if (!taken && usernamePattern.test(candidate)) return candidate;
  }
}

/** What of the claims goes into the audit log of a refused sign-in: enough to write a rule. */
function auditedClaims(claims: Record<string, unknown>) {
  const keep = ["sub", "preferred_username", "email", "name", "tid", "groups", "roles"];
  return Object.fromEntries(keep.filter((k) => claims[k] !== undefined).map((k) => [k, claims[k]]));
}

/**
 * Signs in a user the identity provider vouched for. The rules (tried in order, the first
 * match decides) give the organisation and role; no match refuses the sign-in with an audit row.
 * The user is found by issuer and subject — created at the first sign-in — and their roles are
 * set from the rule at every sign-in (an SSO user's roles follow the provider). The session is
 * the same as a password login's.
 */
export async function logInWithSso(db: Kysely<Database>, identity: SsoIdentity, policy: SessionPolicy, client: { address?: string; userAgent?: string } = {}): Promise<LoggedIn> {
  const outcome = await inTransaction(db, async (trx) => {
    const rules = await trx
      .selectFrom("sso_rules")
      .innerJoin("organisations", "organisations.id", "sso_rules.organisation_id")
      .select(["sso_rules.id", "sso_rules.position", "sso_rules.claim", "sso_rules.operator", "sso_rules.value", "sso_rules.organisation_id", "organisations.code", "organisations.name", "sso_rules.role"])
      .orderBy("sso_rules.position")
      .orderBy("sso_rules.id")
      .execute();
    const rule = firstMatchingRule(rules.map((r) => ({ ...r, operator: r.operator as RuleOperator })), identity.claims);
    const existing = await trx
      .selectFrom("users")
      .select(["id", "username", "display_name", "deactivated_at", "revision"])
      .where("sso_issuer", "=", identity.issuer)
      .where("sso_subject", "=", identity.subject)
      .forUpdate()
      .executeTakeFirst();
    const who = { id: existing?.id ?? null, username: (existing?.username ?? text(identity.claims.preferred_username) ?? text(identity.claims.email) ?? `sso-${identity.subject}`).slice(0, 64) };
    const where = { address: client.address ?? null, issuer: identity.issuer, subject: identity.subject };
    if (!rule) {
      await writeAudit(trx, who, { action: "login_refused", entity: "session", after: { ...where, method: "sso", reason: "no_matching_rule", claims: auditedClaims(identity.claims) } });
      return { refused: "no_rule" as const };
    }
    if (existing?.deactivated_at) {
      await writeAudit(trx, who, { action: "login_refused", entity: "session", after: { ...where, method: "sso", reason: "deactivated" } });
      return { refused: "deactivated" as const };
    }
    const displayName = (text(identity.claims.name) ?? who.username).slice(0, 200);
    let userId: number;
    let username: string;
    if (!existing) {
      username = await freeUsername(trx, identity.claims, identity.subject);
      const created = await trx
        .insertInto("users")
        .values({ username, display_name: displayName, password_hash: null, sso_issuer: identity.issuer, sso_subject: identity.subject, updated_by: "sso" })
        .returning("id")
        .executeTakeFirstOrThrow();
      userId = created.id;
      await trx.insertInto("user_roles").values({ user_id: userId, organisation_id: rule.organisation_id, role: rule.role }).execute();
      await writeAudit(trx, { id: userId, username }, {
        action: "create",
        entity: "user",
        entityId: userId,
        organisationId: rule.organisation_id,
        after: { username, displayName, source: "sso", issuer: identity.issuer, subject: identity.subject, rule: rule.position, roles: [{ organisation: rule.code, role: rule.role }] },
      });
    } else {
      userId = existing.id;
      username = existing.username;
      const held = await trx.selectFrom("user_roles").innerJoin("organisations", "organisations.id", "user_roles.organisation_id").select(["organisations.code", "user_roles.organisation_id", "user_roles.role"]).where("user_id", "=", userId).execute();
      const same = held.length === 1 && held[0]!.organisation_id === rule.organisation_id && held[0]!.role === rule.role;
      if (!same || existing.display_name !== displayName) {
        if (!same) {
          await trx.deleteFrom("user_roles").where("user_id", "=", userId).execute();
          await trx.insertInto("user_roles").values({ user_id: userId, organisation_id: rule.organisation_id, role: rule.role }).execute();
        }
        await trx.updateTable("users").set({ display_name: displayName, revision: existing.revision + 1, updated_at: new Date(), updated_by: "sso" }).where("id", "=", userId).execute();
        await writeAudit(trx, { id: userId, username }, {
          action: "update",
          entity: "user_role",
          entityId: userId,
          organisationId: rule.organisation_id,
          before: { displayName: existing.display_name, roles: held.map((h) => ({ organisation: h.code, role: h.role })) },
          after: { displayName, source: "sso", rule: rule.position, roles: [{ organisation: rule.code, role: rule.role }] },
        });
      }
    }
    const session = await createSession(trx, userId, policy, client);
    await writeAudit(trx, { id: userId, username }, { action: "login", entity: "session", organisationId: rule.organisation_id, after: { ...where, method: "sso", rule: rule.position, organisation: rule.code, role: roleNames[rule.role] } });
    return { loggedIn: { userId, ...session } };
  });
  // The refusal's audit row is committed before the refusal is thrown.
  if ("refused" in outcome) {
    if (outcome.refused === "deactivated") throw new SsoLoginError("sso_deactivated", "Kontot är avstängt. Kontakta en administratör om du behöver komma åt Fördela.", 403);
    throw new SsoLoginError(
      "sso_no_rule",
      `${identity.providerName} godkände inloggningen, men ingen inloggningsregel i Fördela ger dig en organisation och roll. Be Fördelas administratör om behörighet.`,
      403,
    );
  }
  return outcome.loggedIn;
}
