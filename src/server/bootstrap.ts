import type { Db } from "../db/connect";
import { generatePassword } from "../app/users/password-hash";
import { createUser } from "../app/users/create-user";

/**
 * On a database without users, creates the first administrator with a one-time password
 * that must be changed at first login. Returns the password so the caller can print it once;
 * it is never stored in clear.
 */
export async function ensureFirstAdmin(db: Db): Promise<{ username: string; password: string } | undefined> {
  const any = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (any) return undefined;
  const password = generatePassword();
  await createUser(db, { username: "admin", displayName: "Administratör", password, isAdmin: true, mustChangePassword: true });
  return { username: "admin", password };
}
