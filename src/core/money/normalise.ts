/**
 * Spaces of every kind (no-break U+00A0, narrow no-break U+202F, thin U+2009, figure U+2007,
 * tabs) become an ordinary space; the Unicode minus U+2212 and the en dash U+2013, which Swedish
 * typography uses as a minus, become "-". Leading and trailing space is dropped.
 */
export function normaliseNumberText(text: string): string {
  return text.replace(/[\s\u2007]/g, " ").replace(/[\u2212\u2013]/g, "-").trim();
}
