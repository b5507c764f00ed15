import { readFileSync } from "node:fs";
import { installPath } from "../../install-root";
import { UserFacingError } from "../errors";

/**
 * NIST SP 800-63B (rev. 4, 3.1.1.2): a password that is the only factor has at least 15
 * characters; at least 64 must be accepted; no composition rules (no "one digit and one
 * capital"); refuse values from breach lists and ones derived from the context (the
 * username, the service's name). Spaces and any Unicode are allowed; length counts code points.
 */
export const passwordMinLength = 15;
export const passwordMaxLength = 256;

export class WeakPasswordError extends UserFacingError {
  constructor(message: string) {
    super(message, { status: 400, code: "weak_password", where: { field: "password" } });
  }
}

let common: Set<string> | undefined;
// Read through the install root: the bundled server in dist/ has no file beside it.
function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(installPath("src", "core", "passwords", "common-passwords.txt"), "utf8").split("\n").filter(Boolean));
  return common;
}

/** Throws WeakPasswordError, in Swedish, when the password does not meet the policy. */
export function checkPasswordPolicy(password: string, context: { username?: string; displayName?: string } = {}): void {
  const length = [...password.normalize("NFC")].length;
  if (length < passwordMinLength) throw new WeakPasswordError(`Lösenordet måste ha minst ${passwordMinLength} tecken (det har ${length}). Ett par ord i en mening som bara du känner till fungerar bra.`);
  if (length > passwordMaxLength) throw new WeakPasswordError(`Lösenordet får ha högst ${passwordMaxLength} tecken.`);
  const folded = password.normalize("NFC").toLowerCase();
  if (commonPasswords().has(folded) || commonPasswords().has(folded.replace(/\s+/g, ""))) {
    throw new WeakPasswordError("Lösenordet finns bland de vanligaste lösenorden i läckta lösenordslistor. Välj ett annat.");
  }
  if (/^(.)\1*$/u.test(folded)) throw new WeakPasswordError("Lösenordet får inte bestå av ett och samma tecken upprepat.");
  const contextWords = ["fördela", "fordela", context.username, context.displayName].filter((w): w is string => !!w && w.length >= 3).map((w) => w.toLowerCase());
  const used = contextWords.filter((w) => folded.includes(w));
  // "anna.svensson2024!" is the username plus decoration: too little is left once it is taken out.
  const rest = used.reduce((left, word) => left.split(word).join(""), folded).replace(/[^\p{L}]+/gu, "");
  if (used.length > 0 && rest.length < 4) throw new WeakPasswordError("Lösenordet får inte bygga på ditt användarnamn, ditt namn eller tjänstens namn.");
}
