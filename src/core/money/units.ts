import type { Ore } from "../allocation/types";

// The one vocabulary of amount units (issue 9): every type, list and label of a unit that the
// formats, the API schemas and the web use is defined here.

/** Units an amount can be shown in. */
export type AmountUnit = "öre" | "kr" | "tkr" | "mkr";

/** Units a table, document or page shows amounts in (a money column, a unit choice). Cells stay öre. */
export type DisplayUnit = Exclude<AmountUnit, "öre">;
export const displayUnits = ["kr", "tkr", "mkr"] as const satisfies readonly DisplayUnit[];

/** Units a caller can name as the default for unit-less input: the same as the display units. */
export type InputUnit = DisplayUnit;

/** Swedish names of the units: the long one for a choice's label, the phrase for "Beloppen visas i …". */
export const unitLabels: Record<AmountUnit, { label: string; shownIn: string }> = {
  öre: { label: "öre", shownIn: "öre" },
  kr: { label: "kronor", shownIn: "hela kronor" },
  tkr: { label: "tusental kronor (tkr)", shownIn: "tusental kronor (tkr)" },
  mkr: { label: "miljoner kronor (mkr)", shownIn: "miljoner kronor (mkr)" },
};

const ORE_PER_UNIT: Record<AmountUnit, number> = {
  öre: 1,
  kr: 100,
  tkr: 100_000,
  mkr: 100_000_000,
};

const ORE_PER_MDKR = 100_000_000_000;

/**
 * Unit words as written in Swedish decisions and tables, lower-cased, with internal spaces
 * collapsed. "mkr", "mnkr" and "Mkr" all mean million kronor; there is no milli-krona.
 */
const UNIT_WORDS: ReadonlyMap<string, number> = new Map([
  ["öre", 1],
  ["kr", 100],
  ["kr.", 100],
  ["kronor", 100],
  ["krona", 100],
  ["sek", 100],
  ["tkr", 100_000],
  ["tkr.", 100_000],
  ["tusen kronor", 100_000],
  ["tusen kr", 100_000],
  ["mkr", 100_000_000],
  ["mnkr", 100_000_000],
  ["milj. kr", 100_000_000],
  ["milj kr", 100_000_000],
  ["miljon kronor", 100_000_000],
  ["miljoner kronor", 100_000_000],
  ["miljoner", 100_000_000],
  ["miljon", 100_000_000],
  ["mdkr", ORE_PER_MDKR],
  ["mdr kr", ORE_PER_MDKR],
  ["miljard kronor", ORE_PER_MDKR],
  ["miljarder kronor", ORE_PER_MDKR],
  ["miljard", ORE_PER_MDKR],
  ["miljarder", ORE_PER_MDKR],
]);

/** Öre per unit: unitToOre("tkr") === 100_000. */
export function unitToOre(unit: AmountUnit): Ore {
  return ORE_PER_UNIT[unit];
}

/**
 * Öre per unit for a unit word as written ("tkr", "Mkr", "miljoner kronor"), or null when the
 * word is not a known money unit. Case and spacing do not matter.
 */
export function parseUnit(text: string): Ore | null {
  const key = text.trim().replace(/[\s\u00a0\u202f\u2009]+/g, " ").toLowerCase();
  return UNIT_WORDS.get(key) ?? null;
}

/** True when the word alone is a unit word; used to tell "two units" from an unknown word. */
export function isUnitWord(text: string): boolean {
  return parseUnit(text) !== null;
}

/**
 * A rounding unit in öre as a reader would say it: 100 → "1 kr", 100 000 → "1 tkr",
 * 1 000 000 → "10 tkr", 50 → "50 öre". Uses the largest unit that divides it evenly.
 * Separators are no-break spaces, as in formatAmount.
 */
export function formatUnitName(unitOre: Ore): string {
  if (!Number.isSafeInteger(unitOre) || unitOre <= 0) {
    throw new RangeError(`Avrundningsenheten måste vara ett positivt heltal öre, fick ${unitOre}`);
  }
  const order: AmountUnit[] = ["mkr", "tkr", "kr", "öre"];
  for (const unit of order) {
    const per = ORE_PER_UNIT[unit];
    if (unitOre % per === 0) {
      return `${groupThousands(String(unitOre / per))}\u00a0${unit}`;
    }
  }
  // Unreachable: every integer is a multiple of 1 öre.
  return `${unitOre}\u00a0öre`;
}

/** Groups a string of digits by three with no-break spaces: "5039944" → "5 039 944". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}
