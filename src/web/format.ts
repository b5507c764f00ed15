import { Fraction } from "../core/fraction";
import { formatAmount, formatExactAmount, formatUnitName } from "../core/money";
import type { FractionText, Ore } from "../core/allocation/types";

export { formatAmount, formatUnitName };

/** "5 039 944 kr"; öre are shown only when there are any. */
export const kr = (ore: Ore) => formatAmount(ore, "kr");

export function fractionOf(text: FractionText): Fraction {
  return Fraction.of(BigInt(text.numerator), BigInt(text.denominator));
}

/**
 * An exact quota in öre as kronor with two decimals; "≈" marks a value the two decimals cannot
 * hold exactly (a population share such as 14 486 583,72… kr).
 */
export function exactKr(text: FractionText): string {
  const { text: shown, exact } = formatExactAmount(fractionOf(text), "kr", { decimals: 2 });
  return exact ? shown : `≈ ${shown}`;
}

/** A signed rounding difference: "+0,28 kr", "−0,72 kr", "0 kr". */
export function signedKr(text: FractionText): string {
  const f = fractionOf(text);
  if (f.numerator === 0n) return "0 kr";
  const { text: shown, exact } = formatExactAmount(f.abs(), "kr", { decimals: 2 });
  return `${exact ? "" : "≈ "}${f.numerator < 0n ? "−" : "+"}${shown}`;
}

/** ISO timestamp as a Swedish date, 2024-03-31 (the sv-SE locale writes ISO dates). */
export function date(iso: string): string {
  return new Date(iso).toLocaleDateString("sv-SE");
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "short" });
}

export const roundingUnits: readonly { ore: Ore; label: string }[] = [
  { ore: 100, label: "1 kr" },
  { ore: 10_000, label: "100 kr" },
  { ore: 100_000, label: "1 tkr" },
  { ore: 1_000_000, label: "10 tkr" },
  { ore: 10_000_000, label: "100 tkr" },
  { ore: 100_000_000, label: "1 mkr" },
];

export const roundingModes = [
  { value: "largest-remainder", label: "Fast total – största rest" },
  { value: "nearest-largest", label: "Fast total – närmaste enhet, differensen på största andelen" },
  { value: "up", label: "Avrunda varje andel uppåt" },
  { value: "down", label: "Avrunda varje andel nedåt" },
  { value: "nearest", label: "Avrunda varje andel till närmaste" },
] as const;

export const statusLabel = { draft: "Utkast", decided: "Beslutad" } as const;
