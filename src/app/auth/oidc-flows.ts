import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { UserFacingError } from "../../core/errors";
import type { Database } from "../../db/schema";
import { writeAudit } from "../audit";

/** How long a sign-in at the identity provider may take before its answer is refused. */
export const flowMinutes = 10;

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const hash = (value: string) => createHash("sha256").update(value).digest("hex");

/** A sign-in through the identity provider that cannot be completed; the code tells the login page why. */
export class SsoLoginError extends UserFacingError {
  constructor(code: "sso_no_rule" | "sso_deactivated" | "sso_expired" | "sso_failed" | "sso_unavailable", message: string, status = 400) {
    super(message, { status, code });
  }
}

/**
 * Stores a sign-in under way in the database, so that the provider's answer may reach any of the
 * servers on the same PostgreSQL. browserSecret is the random value in the starting browser's
 * cookie; only its hash is stored. Rows past their time are removed here.
 */
export async function beginFlow(db: Kysely<Database>, flow: OidcFlow, browserSecret: string): Promise<void> {
  const now = new Date();
  await db.deleteFrom("oidc_flows").where("expires_at", "<", now).execute();
  await db
    .insertInto("oidc_flows")
    .values({ state: flow.state, browser_hash: hash(browserSecret), nonce: flow.nonce, code_verifier: flow.codeVerifier, expires_at: new Date(now.getTime() + flowMinutes * 60_000) })
    .execute();
}

/**
 * Takes the sign-in the provider's answer belongs to, once: the row is deleted whatever follows,
 * so an answer replayed, from another browser, or after its time is refused.
 */
export async function takeFlow(db: Kysely<Database>, state: string, browserSecret: string | undefined): Promise<OidcFlow> {
  const row = await db.deleteFrom("oidc_flows").where("state", "=", state).returningAll().executeTakeFirst();
  const restart = "Logga in igen.";
  if (!row || !browserSecret || row.browser_hash !== hash(browserSecret)) {
    throw new SsoLoginError("sso_failed", `Svaret från identitetsleverantören hör inte till en inloggning som startades i den här webbläsaren. ${restart}`);
  }
  if (new Date(row.expires_at).getTime() < Date.now()) throw new SsoLoginError("sso_expired", `Inloggningen tog för lång tid (mer än ${flowMinutes} minuter). ${restart}`);
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}

/** A sign-in through the provider that failed before anyone was identified (tampered, replayed, expired, provider's error). */
export async function auditSsoFailure(db: Kysely<Database>, err: SsoLoginError, address: string | undefined): Promise<void> {
  await writeAudit(db, null, { action: "login_failed", entity: "session", after: { method: "sso", reason: err.code, message: err.message, address: address ?? null } });
}
