import { UserFacingError } from "../../core/errors";
import type { Trx } from "../transaction";

/**
 * How failed logins slow a guesser down. Up to `free` failures in a row cost nothing; after
 * that each failure makes the next attempt wait 1, 2, 4, 8… seconds; at `lockoutAt` failures
 * the key is locked for lockoutSeconds. Attempts made while waiting are refused without
 * checking the password and still count, so hammering reaches the lockout at once. A success
 * clears the account's counter; failures are forgotten after `forgetAfterSeconds` of quiet.
 */
export interface ThrottleRule {
  free: number;
  lockoutAt: number;
  lockoutSeconds: number;
  forgetAfterSeconds: number;
}

// An account is guessed at from anywhere; one address may be a whole region's office behind
// one NAT, so its rule is looser and its memory shorter.
export const accountRule: ThrottleRule = { free: 5, lockoutAt: 10, lockoutSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };
export const addressRule: ThrottleRule = { free: 20, lockoutAt: 100, lockoutSeconds: 15 * 60, forgetAfterSeconds: 3600 };

export const accountKey = (username: string) => `konto:${username.trim().toLowerCase()}`;
export const addressKey = (address: string) => `adress:${address}`;

export function waitSeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  if (failures >= rule.lockoutAt) return rule.lockoutSeconds;
  return Math.min(2 ** (failures - rule.free), rule.lockoutSeconds);
}

/** Swedish for how long to wait: "8 sekunder", "1 minut", "15 minuter". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? "1 sekund" : `${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minut" : `${minutes} minuter`;
}

export class LoginThrottledError extends UserFacingError {
  readonly retryAfterSeconds: number;
  constructor(seconds: number, locked: boolean) {
    const wait = formatWait(seconds);
    super(
      locked
        ? `För många misslyckade inloggningar: inloggningen är spärrad. Vänta ${wait} och försök igen, eller be en administratör om ett nytt lösenord.`
        : `För många misslyckade inloggningar. Vänta ${wait} innan du försöker igen.`,
      { status: 429, code: locked ? "login_locked" : "login_throttled" },
    );
    this.retryAfterSeconds = seconds;
  }
}

export interface AttemptTicket {
  /** Set when a key is blocked: the attempt is refused without looking at the password. */
  refused?: LoginThrottledError;
  /** Keys whose counter reached the lockout with this attempt (audited if the attempt fails). */
  lockedNow: Keyed[];
  /** How long the next attempt must wait should this one fail, in seconds (0: at once). */
  waitAfterFailure: number;
}

export interface Keyed {
  key: string;
  rule: ThrottleRule;
}

/**
 * Counts an attempt before the password is checked, so that parallel guesses cannot all slip
 * through before the first failure is written: the rows are locked, the counters raised and
 * the next permitted time set in one transaction. A blocked key refuses the attempt (counted,
 * but a running lockout is not extended). A successful login then takes its count back.
 */
export async function beginAttempt(trx: Trx, keys: Keyed[], now = new Date()): Promise<AttemptTicket> {
  const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  await trx.insertInto("login_throttle").values(sorted.map((k) => ({ key: k.key }))).onConflict((oc) => oc.column("key").doNothing()).execute();
  const rows = await trx.selectFrom("login_throttle").selectAll().where("key", "in", sorted.map((k) => k.key)).orderBy("key").forUpdate().execute();
  let refusedFor = 0;
  let locked = false;
  let waitAfterFailure = 0;
  const lockedNow: Keyed[] = [];
  const states = sorted.map(({ key, rule }) => {
    const row = rows.find((r) => r.key === key)!;
    const blockedUntil = row.blocked_until ? new Date(row.blocked_until) : undefined;
    const lastFailure = row.last_failure_at ? new Date(row.last_failure_at) : undefined;
    const blocked = blockedUntil !== undefined && blockedUntil > now;
    const forgotten = !blocked && lastFailure !== undefined && now.getTime() - lastFailure.getTime() > rule.forgetAfterSeconds * 1000;
    return { key, rule, blockedUntil, blocked, before: forgotten ? 0 : row.failures };
  });
  // Refused for one key (a locked address, say), the attempt is charged to the blocked keys
  // only: an account does not pay for its neighbours on a shared address.
  const anyBlocked = states.some((st) => st.blocked);
  for (const { key, rule, blockedUntil, blocked, before } of states) {
    if (anyBlocked && !blocked) continue;
    const atLockout = before >= rule.lockoutAt;
    const failures = blocked && atLockout ? before : before + 1;
    const wait = waitSeconds(failures, rule);
    const next = new Date(now.getTime() + wait * 1000);
    let until: Date | null = wait > 0 ? next : null;
    if (blocked) until = atLockout || blockedUntil! > next ? blockedUntil! : next;
    if (failures >= rule.lockoutAt && !(blocked && atLockout)) lockedNow.push({ key, rule });
    waitAfterFailure = Math.max(waitAfterFailure, wait);
    await trx.updateTable("login_throttle").set({ failures, last_failure_at: now, blocked_until: until }).where("key", "=", key).execute();
    if (blocked) {
      refusedFor = Math.max(refusedFor, Math.ceil((until!.getTime() - now.getTime()) / 1000));
      locked ||= failures >= rule.lockoutAt;
    }
  }
  if (refusedFor > 0) return { refused: new LoginThrottledError(refusedFor, locked), lockedNow, waitAfterFailure };
  return { lockedNow, waitAfterFailure };
}

/** A right password: the account starts afresh; the address gets back the attempt it was charged. */
export async function attemptSucceeded(trx: Trx, account: Keyed, address: Keyed | undefined): Promise<void> {
  await trx.deleteFrom("login_throttle").where("key", "=", account.key).execute();
  if (!address) return;
  const row = await trx.selectFrom("login_throttle").selectAll().where("key", "=", address.key).forUpdate().executeTakeFirst();
  if (!row) return;
  const failures = Math.max(row.failures - 1, 0);
  await trx
    .updateTable("login_throttle")
    .set({ failures, blocked_until: waitSeconds(failures, address.rule) === 0 ? null : row.blocked_until })
    .where("key", "=", address.key)
    .execute();
}
