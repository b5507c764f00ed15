import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { UserFacingError } from "../../core/errors";
import type { Database } from "../../db/schema";
import type { Trx } from "../transaction";

/** How long a session lives: ended after idleMinutes without a request, and after maxHours in any case. */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 30, maxHours: 12 };

/** Reads FORDELA_SESSION_IDLE_MINUTES and FORDELA_SESSION_MAX_HOURS; a bad value is refused at start-up. */
export function sessionPolicyFrom(env: Record<string, string | undefined>): SessionPolicy {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new UserFacingError(`${name}=${raw}: ange ett positivt tal.`);
    return value;
  };
  return { idleMinutes: read("FORDELA_SESSION_IDLE_MINUTES", defaultSessionPolicy.idleMinutes), maxHours: read("FORDELA_SESSION_MAX_HOURS", defaultSessionPolicy.maxHours) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// A request refreshes last_seen_at at most this often, so reading pages does not write a row each time.
const touchEveryMs = 30_000;

/** Creates a session; only the token's hash is stored, so a leaked table opens no sessions. */
export async function createSession(
  trx: Trx,
  userId: number,
  policy: SessionPolicy,
  client: { address?: string; userAgent?: string } = {},
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3600_000);
  await trx
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      last_seen_at: now,
      client_address: client.address ?? null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session for a token: not past its absolute end, not idle longer than the policy
 * allows, and its user not deactivated. Marks it as seen now.
 */
export async function findSession(db: Kysely<Database>, token: string, policy: SessionPolicy) {
  const now = new Date();
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const tokenHash = hashToken(token);
  const session = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.user_id", "sessions.csrf_token", "sessions.expires_at", "sessions.last_seen_at"])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.expires_at", ">", now)
    .where("sessions.last_seen_at", ">", idleSince)
    .where("users.deactivated_at", "is", null)
    .executeTakeFirst();
  if (session && now.getTime() - new Date(session.last_seen_at).getTime() > touchEveryMs) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("token_hash", "=", tokenHash).execute();
  }
  return session;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

/** Ends every session of the user but the one given (a password change keeps the changer signed in). */
export async function endSessionsOf(trx: Trx, userId: number, keepToken?: string): Promise<number> {
  let q = trx.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepToken) q = q.where("token_hash", "!=", hashToken(keepToken));
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}
