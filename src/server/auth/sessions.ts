import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/connect";

export const sessionCookie = "fordela_session";
const sessionHours = 12;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a session; only the token's hash is stored, so a leaked table opens no sessions. */
export async function createSession(db: Db, userId: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  await db
    .insertInto("sessions")
    .values({ token_hash: hashToken(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: Db, token: string) {
  return db
    .selectFrom("sessions")
    .select(["user_id", "csrf_token", "expires_at"])
    .where("token_hash", "=", hashToken(token))
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}
