import type { FractionText, Ore } from "../../../core/allocation/types";
import { Fraction } from "../../../core/fraction";
import { displayUnits, formatAmount, formatExactAmount, MoneyError, parseAmount, unitToOre, type DisplayUnit } from "../../../core/money";

// Amounts as the budget pages read and show them: typed with an optional unit (a unit-less
// figure counts in the form's unit), shown in kr, tkr or mkr with a note on what rounding did.

export type Unit = DisplayUnit;
export const units: readonly Unit[] = displayUnits;

/** Errors per field id, each a Swedish sentence naming the field. */
export type FieldErrors = Record<string, string>;

let nextId = 1;
/** Stable ids for React keys and field ids of rows the user adds and removes. */
export const newId = () => nextId++;

/** An amount as text the parser reads back exactly: in the unit when it divides, else in kr. */
export function amountText(ore: Ore, unit: Unit): string {
  return ore % unitToOre(unit) === 0 ? formatAmount(ore, unit) : formatAmount(ore, "kr");
}

/**
 * Reads an amount field; an empty field is 0 unless required. Puts a Swedish error under the
 * field id instead of throwing, so a form can show it next to the field.
 */
export function readAmount(text: string, unit: Unit, field: string, what: string, errors: FieldErrors, required = false): Ore {
  if (text.trim() === "") {
    if (required) errors[field] = `${what}: ange ett belopp, till exempel "81 ${unit}".`;
    return 0;
  }
  try {
    const ore = parseAmount(text, { defaultUnit: unit });
    if (ore < 0) errors[field] = `${what}: beloppet får inte vara negativt.`;
    return ore;
  } catch (error) {
    errors[field] = `${what}: ${error instanceof MoneyError || error instanceof Error ? error.message : String(error)}`;
    return 0;
  }
}

/** Shown in the unit with as many decimals as needed up to two ("1 637,5 tkr", "190 mkr"), else in kr. */
export function money(ore: Ore, unit: Unit): string {
  const text = exactMoney(Fraction.of(ore), unit);
  return text.startsWith("≈") ? formatAmount(ore, "kr") : text;
}

/** An exact fraction of öre in the unit; "≈" marks a value two decimals cannot hold. */
export function exactMoney(value: Fraction | FractionText, unit: Unit): string {
  const f = value instanceof Fraction ? value : Fraction.of(BigInt(value.numerator), BigInt(value.denominator));
  for (const decimals of [0, 1, 2]) {
    const r = formatExactAmount(f, unit, { decimals });
    if (r.exact) return r.text;
  }
  return `≈ ${formatExactAmount(f, unit, { decimals: 2 }).text}`;
}

/** A signed difference: "+17,5 tkr", "−0,5 kr", "0 kr". */
export function signedMoney(value: Fraction | FractionText, unit: Unit): string {
  const f = value instanceof Fraction ? value : Fraction.of(BigInt(value.numerator), BigInt(value.denominator));
  if (f.sign() === 0) return `0 ${unit}`;
  return `${f.sign() < 0 ? "−" : "+"}${exactMoney(f.abs(), unit)}`;
}

/** Whole units in a table: "1 640", with the rounding said once in the caption (roundingNote). */
export function cell(ore: Ore | null, unit: Unit): string {
  return ore === null ? "–" : formatAmount(ore, unit, { suffix: false, decimals: unit === "kr" && ore % 100 !== 0 ? 2 : 0 });
}

const shownOre = (ore: Ore, unit: Unit) => Number(Fraction.of(ore).div(unitToOre(unit)).roundHalfAwayFromZeroTo(1n)) * unitToOre(unit);

/**
 * The caption note of a money table: the unit, how it rounds, and whether the rounded rows still
 * add up to the rounded total as shown (a public table that does not is an embarrassment).
 */
export function roundingNote(unit: Unit, rows: readonly Ore[], total: Ore): string {
  if (unit === "kr") return "Belopp i kronor.";
  const per = unitToOre(unit);
  if (rows.every((r) => r % per === 0) && total % per === 0) return `Belopp i ${unit}; alla belopp är hela ${unit}, så ingen avrundning behövs.`;
  const sumShown = rows.reduce((a, r) => a + shownOre(r, unit), 0);
  const base = `Belopp i ${unit}, avrundade till hela ${unit} var för sig; summorna räknas på exakta belopp.`;
  if (sumShown === shownOre(total, unit)) return `${base} De avrundade raderna summerar ändå till den visade summan.`;
  return `${base} De avrundade raderna summerar till ${formatAmount(sumShown, unit)}, summan visas som ${formatAmount(total, unit)} (avrundningsdifferens).`;
}
