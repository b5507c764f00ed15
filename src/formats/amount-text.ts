import type { Ore } from "../core/allocation/types";
import { formatAmount, groupThousands } from "../core/money";
import { ORE_PER_DISPLAY_UNIT, type Cell, type TableColumn } from "./table";
import type { DisplayUnit } from "../core/money/units";

/** Thousands separator as in Swedish print: a no-break space, so "5 039 944" never wraps. */
export const GROUP_SEPARATOR = "\u00a0";

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} måste vara ett säkert heltal, fick ${value}`);
  }
}

const group = groupThousands;

/**
 * Splits |ore| / perUnit into integer digits and decimal digits (trailing zeros dropped) by
 * moving the decimal point in the digit string, so no division is done in floating point.
 */
function splitDigits(ore: Ore, perUnit: number): { negative: boolean; whole: string; fraction: string } {
  assertSafeInteger(ore, "Beloppet");
  const places = String(perUnit).length - 1;
  const digits = String(Math.abs(ore)).padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, "");
  return { negative: ore < 0, whole, fraction };
}

/**
 * An amount in kr as a spreadsheet or CSV reads it: no grouping, decimal comma only when there
 * are öre. 503994400 → "5039944", -50 → "-0,50".
 */
export function plainKronor(ore: Ore): string {
  const { negative, whole, fraction } = splitDigits(ore, 100);
  const fractionText = fraction === "" ? "" : `,${fraction.padEnd(2, "0")}`;
  return `${negative ? "-" : ""}${whole}${fractionText}`;
}

/** The same amount as a dot-decimal string for Number(): "5039944.5". */
export function kronorDecimalText(ore: Ore): string {
  return plainKronor(ore).replace(",", ".");
}

/**
 * How many decimals show an amount in a unit without hiding anything: 0 for a whole unit,
 * otherwise as many as the öre need (1 637,5 tkr), and always 2 for kronor with öre.
 */
function exactDecimals(ore: Ore, unit: DisplayUnit): number {
  const { fraction } = splitDigits(ore, ORE_PER_DISPLAY_UNIT[unit]);
  if (fraction === "") return 0;
  return unit === "kr" ? 2 : fraction.length;
}

/**
 * An amount in a display unit for readers, exact: grouped with no-break spaces, decimal comma,
 * decimals only when the amount is not a whole number of the unit. Formatting is the money
 * module's, so tables and running text agree.
 */
export function displayAmount(ore: Ore, unit: DisplayUnit): string {
  return formatAmount(ore, unit, { decimals: exactDecimals(ore, unit), suffix: false });
}

/** An amount with its unit word: "190 mkr". */
export function displayAmountWithUnit(ore: Ore, unit: DisplayUnit): string {
  return formatAmount(ore, unit, { decimals: exactDecimals(ore, unit) });
}

/** A safe integer grouped for readers: 2104945 → "2 104 945". */
export function displayInteger(value: number): string {
  assertSafeInteger(value, "Talet");
  return `${value < 0 ? "-" : ""}${group(String(Math.abs(value)))}`;
}

/** A percent with decimal comma: 2.5 → "2,5 %". */
export function displayPercent(value: number): string {
  return `${String(value).replace(".", ",")}${GROUP_SEPARATOR}%`;
}

/**
 * A dot-decimal string ("-1234.5") shown with grouping and decimal comma, padded with zeros to
 * `decimals` places when given: "1 234,5000".
 */
export function displayDecimal(text: string, decimals?: number, grouped = true): string {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const shownFraction = decimals === undefined ? fraction : fraction.padEnd(decimals, "0");
  const wholeText = grouped ? group(whole) : whole;
  return `${negative ? "-" : ""}${wholeText}${shownFraction === "" ? "" : `,${shownFraction}`}`;
}

/** A table cell as a reader sees it: money in the column's unit without the unit word, numbers grouped. */
export function displayCell(column: TableColumn, cell: Cell): string {
  if (cell === null) return "";
  switch (column.kind) {
    case "money":
      return displayAmount(cell as number, column.unit ?? "kr");
    case "integer":
      return displayInteger(cell as number);
    case "percent":
      return displayPercent(cell as number);
    case "decimal":
      return displayDecimal(cell as string, column.decimals);
    case "text":
      return cell as string;
  }
}
