import type { Kysely } from "kysely";
import { ForbiddenError, UserFacingError } from "../../core/errors";
import type { Database } from "../../db/schema";
import { writeAudit } from "../audit";
import { inTransaction, type Trx } from "../transaction";
import { hashPassword, verifyPassword } from "../users/password-hash";
import { createSession, type SessionPolicy } from "./sessions";
import { accountKey, accountRule, addressKey, addressRule, attemptSucceeded, beginAttempt, formatWait, type Keyed } from "./throttle";

export interface LogInInput {
  username: string;
  password: string;
  /** The client's address as the server sees it (or as a trusted proxy reports it). */
  clientAddress?: string;
  userAgent?: string;
}

export interface LoggedIn {
  userId: number;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export class BadCredentialsError extends UserFacingError {
  constructor(waitSeconds: number) {
    const wait = waitSeconds > 0 ? ` Vänta ${formatWait(waitSeconds)} innan du försöker igen.` : "";
    super(`Fel användarnamn eller lösenord.${wait}`, { status: 401, code: "bad_credentials" });
  }
}

let dummy: Promise<string> | undefined;
// Verified against when the user is unknown, so the answer's timing does not reveal usernames.
const dummyHash = () => (dummy ??= hashPassword("ingen-användare-har-detta-lösenord"));

async function auditLockouts(trx: Trx, lockedNow: Keyed[], username: string, userId: number | null, address: string | undefined) {
  for (const { key, rule } of lockedNow) {
    const byAccount = key.startsWith("konto:");
    await writeAudit(trx, { id: userId, username: username.slice(0, 64) }, {
      action: "lockout",
      entity: byAccount ? "user" : "client_address",
      entityId: byAccount ? (userId ?? username.slice(0, 64)) : address,
      after: { until: new Date(Date.now() + rule.lockoutSeconds * 1000).toISOString(), failures: rule.lockoutAt, address },
    });
  }
}

/**
 * Logs a user in with a password, throttled per account and per client address (see
 * throttle.ts). Failed attempts, lockouts and logins go into the audit log.
 */
export async function logIn(db: Kysely<Database>, input: LogInInput, policy: SessionPolicy): Promise<LoggedIn> {
  const name = input.username.trim();
  const account: Keyed = { key: accountKey(name), rule: accountRule };
  const address: Keyed | undefined = input.clientAddress ? { key: addressKey(input.clientAddress), rule: addressRule } : undefined;
  const row = await db
    .selectFrom("users")
    .select(["id", "username", "password_hash", "deactivated_at"])
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", name.toLowerCase()))
    .executeTakeFirst();

  const ticket = await inTransaction(db, async (trx) => {
    const t = await beginAttempt(trx, address ? [account, address] : [account]);
    // A refused attempt is committed (it counts) before the refusal is thrown.
    if (t.refused) await auditLockouts(trx, t.lockedNow, name, row?.id ?? null, input.clientAddress);
    return t;
  });
  if (ticket.refused) throw ticket.refused;

  const ok = await verifyPassword(input.password, row?.password_hash ?? (await dummyHash()));
  if (!row || !ok) {
    await inTransaction(db, async (trx) => {
      await writeAudit(trx, { id: row?.id ?? null, username: name.slice(0, 64) }, { action: "login_failed", entity: "session", after: { address: input.clientAddress ?? null, knownUser: !!row } });
      await auditLockouts(trx, ticket.lockedNow, name, row?.id ?? null, input.clientAddress);
    });
    throw new BadCredentialsError(ticket.waitAfterFailure);
  }

  return inTransaction(db, async (trx) => {
    await attemptSucceeded(trx, account, address);
    if (row.deactivated_at) {
      await writeAudit(trx, { id: row.id, username: row.username }, { action: "login_refused", entity: "session", after: { reason: "deactivated", address: input.clientAddress ?? null } });
      return null;
    }
    const session = await createSession(trx, row.id, policy, { address: input.clientAddress, userAgent: input.userAgent });
    await writeAudit(trx, { id: row.id, username: row.username }, { action: "login", entity: "session", after: { address: input.clientAddress ?? null } });
    return { userId: row.id, ...session };
  }).then((done) => {
    if (!done) throw new ForbiddenError("Kontot är avstängt. Kontakta en administratör om du behöver komma åt Fördela.");
    return done;
  });
}
