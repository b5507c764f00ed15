/**
 * Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula or a DDE
 * command when they start it, including the full-width forms (＝＋－＠) that some spreadsheet
 * programs normalise to their ASCII counterparts.
 */
const DANGEROUS_FIRST = new Set(["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"]);

/**
 * A text cell made safe to open in a spreadsheet: when it starts with a character that would
 * start a formula, a single quote is put first, so the program shows the text instead of
 * evaluating it. Only for text: numbers are written as numbers and never pass through here.
 */
export function neutraliseFormulaText(text: string): string {
  const first = text.charAt(0);
  return DANGEROUS_FIRST.has(first) ? `'${text}` : text;
}
