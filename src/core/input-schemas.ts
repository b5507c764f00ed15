import { z } from "zod";

// Field schemas every API body and CLI option shares, so that a date that does not exist or a
// text too long for its column is refused with the same Swedish message everywhere. They are
// functions: a schema built after @hono/zod-openapi has loaded keeps its .openapi() method.

// Zod's own messages (a missing field, a wrong type) reach users through the API and the CLI:
// in Swedish, like ours. Every program that validates input imports this module.
z.config(z.locales.sv());

/** The longest text a JSON body may carry in any field (the request guard's cap). */
export const maxJsonText = 20_000;

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True when the text is a date in the form ÅÅÅÅ-MM-DD that exists in the calendar. */
export function isRealIsoDate(text: string): boolean {
  if (!isoDatePattern.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** A calendar date written ÅÅÅÅ-MM-DD; 2023-02-30 is refused. */
export const isoDate = () =>
  z
    .string()
    .regex(isoDatePattern, "Datum skrivs ÅÅÅÅ-MM-DD")
    .refine((t) => !isoDatePattern.test(t) || isRealIsoDate(t), { message: "Datumet finns inte i kalendern" });

/** A text without NUL characters and at most `max` characters (default 200: names, labels). */
export const safeText = (max = 200) =>
  z
    .string()
    .max(max, `Högst ${max} tecken`)
    .refine((t) => !t.includes("\u0000"), { message: "Texten innehåller ett NUL-tecken" });

/**
 * A string of at most `max` characters, as a plain string schema so that .trim(), .min(),
 * .regex() and .email() still chain (NUL characters are refused by the server's request guard
 * before any schema runs). The API's request schemas use these instead of a bare z.string().
 */
export const textUpTo = (max: number) => z.string().max(max, `Högst ${max} tecken`);
/** A name, title or label. */
export const nameText = () => textUpTo(200);
/** A code, key, number or identifier (organisation code, account, diary number). */
export const codeString = () => textUpTo(64);
/** A free text (a description, notes, a pasted annex). */
export const freeText = () => textUpTo(maxJsonText);

/** A code or identifier (organisation code, account, key): short, no NUL. */
export const codeText = () => safeText(64);

/** A free text (a motivation, a report's paragraph). */
export const longText = () => safeText(maxJsonText);
