import type { Ore } from "../allocation/types";
import { Fraction } from "../fraction";
import { groupThousands, unitToOre, type AmountUnit } from "./units";

export interface FormatAmountOptions {
  /**
   * Digits after the decimal comma. Default 0, except in kr where an amount with öre
   * gets 2 so that öre are never hidden silently.
   */
  decimals?: number;
  /** Append the unit ("1 640 tkr"). Default true. */
  suffix?: boolean;
}

const NBSP = "\u00a0";

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`Antalet decimaler måste vara ett heltal 0–20, fick ${decimals}`);
  }
}

function defaultDecimals(ore: Ore, unit: AmountUnit): number {
  return unit === "kr" && ore % 100 !== 0 ? 2 : 0;
}

/** A scaled integer (value × 10^decimals) written with grouping and decimal comma. */
function writeScaled(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const intPart = groupThousands(digits.slice(0, digits.length - decimals));
  const decPart = decimals > 0 ? "," + digits.slice(digits.length - decimals) : "";
  return `${negative ? "-" : ""}${intPart}${decPart}`;
}

/**
 * An exact amount of öre (possibly fractional) in unit with the given decimals, rounded half
 * away from zero. Also says whether the text is exact, so a caller can write "cirka".
 */
export function formatExactAmount(
  ore: Fraction,
  unit: AmountUnit,
  options: { decimals?: number; suffix?: boolean } = {},
): { text: string; exact: boolean } {
  const decimals = options.decimals ?? 2;
  checkDecimals(decimals);
  const inUnits = ore.mul(10n ** BigInt(decimals)).div(BigInt(unitToOre(unit)));
  const scaled = inUnits.roundHalfAwayFromZeroTo(1n);
  const text = writeScaled(scaled, decimals) + (options.suffix === false ? "" : NBSP + unit);
  return { text, exact: inUnits.isInteger() };
}

/**
 * Swedish money text: no-break space between thousands, decimal comma, hyphen-minus.
 * formatAmount(164_000_000, "tkr") === "1 640 tkr". Display rounding is half away from zero;
 * use roundForDisplay to learn what the rounding changed.
 */
export function formatAmount(ore: Ore, unit: AmountUnit, options: FormatAmountOptions = {}): string {
  if (!Number.isSafeInteger(ore)) {
    throw new RangeError(`Beloppet måste vara ett helt antal öre, fick ${ore}`);
  }
  const decimals = options.decimals ?? defaultDecimals(ore, unit);
  return formatExactAmount(Fraction.of(ore), unit, { decimals, suffix: options.suffix }).text;
}

export interface DisplayRounding {
  /** The text as formatAmount writes it. */
  text: string;
  /** The shown value, back in öre. */
  shown: Ore;
  /** shown − ore: what display rounding added (positive) or removed (negative), in öre. */
  difference: Ore;
}

/**
 * What showing an amount in unit does to it, so a table can sum the shown values and carry a
 * note when they no longer add up ("avrundat till tkr; summan avviker med 1 tkr").
 */
export function roundForDisplay(ore: Ore, unit: AmountUnit, decimals = 0): DisplayRounding {
  if (!Number.isSafeInteger(ore)) {
    throw new RangeError(`Beloppet måste vara ett helt antal öre, fick ${ore}`);
  }
  checkDecimals(decimals);
  const scale = 10n ** BigInt(decimals);
  const scaled = Fraction.of(ore).mul(scale).div(BigInt(unitToOre(unit))).roundHalfAwayFromZeroTo(1n);
  // scaled × per / 10^decimals is whole: either 10^decimals divides per or the value was exact.
  const shown = Fraction.of(scaled * BigInt(unitToOre(unit)), scale);
  if (shown.abs().compare(Number.MAX_SAFE_INTEGER) > 0) {
    throw new RangeError(`Det avrundade beloppet för ${ore} öre är för stort för att räknas exakt`);
  }
  const shownOre = Number(shown.floor());
  return {
    text: formatAmount(ore, unit, { decimals }),
    shown: shownOre,
    difference: shownOre - ore,
  };
}
