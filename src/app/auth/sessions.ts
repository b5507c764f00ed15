import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { UserFacingError } from "../../core/errors";
import { compiledOnce } from "../../db/compiled-once";
import type { Database } from "../../db/schema";
import type { Trx } from "../transaction";
import type { CurrentUser } from "./current-user";
import { keptSessionsOf } from "./kept-sessions";
import type { LiveSession } from "./session-cache";

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
 * allows, and its user not deactivated, with the user and their roles. Marks it as seen now.
 * One query: every signed-in request starts here, and under load each round trip to the
 * database counts (three were half of a plain read's).
 */
const liveSession = compiledOnce((db, v: { tokenHash: string; now: Date; idleSince: Date }) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.user_id", "sessions.csrf_token", "sessions.expires_at", "sessions.last_seen_at", "users.username", "users.display_name", "users.is_admin", "users.must_change_password"])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("user_roles")
          .innerJoin("organisations", "organisations.id", "user_roles.organisation_id")
          .select(["organisations.id as organisationId", "organisations.code as organisationCode", "organisations.name as organisationName", "user_roles.role"])
          .whereRef("user_roles.user_id", "=", "users.id")
          .orderBy("organisations.name"),
      ).as("roles"),
    )
    .where("sessions.token_hash", "=", v.tokenHash)
    .where("sessions.expires_at", ">", v.now)
    .where("sessions.last_seen_at", ">", v.idleSince)
    .where("users.deactivated_at", "is", null),
);

/**
 * The live session for a token, from what this server keeps (kept-sessions.ts) or else from the
 * database, marking it as seen when it was last marked more than touchEveryMs ago.
 */
export async function findSession(db: Kysely<Database>, token: string, policy: SessionPolicy): Promise<LiveSession | undefined> {
  const now = new Date();
  const idleMs = policy.idleMinutes * 60_000;
  const tokenHash = hashToken(token);
  const cache = keptSessionsOf(db);
  const kept = cache?.get(tokenHash, now.getTime(), { idleMs, touchEveryMs });
  if (kept) return kept;
  const mark = cache?.mark();
  const [session] = await liveSession(db, { tokenHash, now, idleSince: new Date(now.getTime() - idleMs) });
  if (!session) return undefined;
  let lastSeen = session.last_seen_at;
  if (now.getTime() - new Date(lastSeen).getTime() > touchEveryMs) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("token_hash", "=", tokenHash).execute();
    lastSeen = now;
  }
  const user: CurrentUser = {
    id: session.user_id,
    username: session.username,
    displayName: session.display_name,
    isAdmin: session.is_admin,
    mustChangePassword: session.must_change_password,
    roles: session.roles,
  };
  const found: LiveSession = { user_id: session.user_id, csrf_token: session.csrf_token, expires_at: new Date(session.expires_at), last_seen_at: new Date(lastSeen), user };
  if (cache && mark !== undefined) cache.keep(tokenHash, found, mark);
  return found;
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
