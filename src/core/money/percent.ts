import type { FractionText } from "../allocation/types";
import { Fraction } from "../fraction";
import { MoneyError } from "./errors";
import { normaliseNumberText } from "./normalise";

/**
 * Reads an exact decimal ("1,025", "2.5", "-3") as a Fraction. Percents and factors are small
 * and never grouped with dots, so a single dot is read as a decimal point here (unlike amounts).
 * Groups of three separated by a space are allowed before the decimal sign ("1 000").
 */
export function parseDecimal(text: string, what = "Talet"): Fraction {
  const s = normaliseNumberText(String(text));
  const m = /^([-+])? *(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) {
    throw new MoneyError(
      "malformed-percent",
      String(text),
      `${what} "${text}" är inte ett tal; skriv till exempel "2,5" med komma eller punkt som decimaltecken.`,
    );
  }
  const intDigits = (m[2] ?? "").replace(/ /g, "");
  const decDigits = m[3] ?? "";
  const value = Fraction.of(BigInt(intDigits + decDigits), 10n ** BigInt(decDigits.length));
  return m[1] === "-" ? value.neg() : value;
}

/** "2,5 %", "2,5%", "2.5", "2,5 procent" → the fraction of the whole, 1/40, exact. */
export function parsePercentFraction(text: string): Fraction {
  const s = normaliseNumberText(String(text)).replace(/ *(%|procent)$/i, "");
  if (s === "") {
    throw new MoneyError("malformed-percent", String(text), `Procentsatsen "${text}" är tom.`);
  }
  return parseDecimal(s, "Procentsatsen").div(100n);
}

/** Like parsePercentFraction, as JSON-safe numerator/denominator strings: "2,5 %" → 1/40. */
export function parsePercent(text: string): FractionText {
  return parsePercentFraction(text).toText();
}

/**
 * A percent fraction written back as a Swedish decimal without the sign: 1/40 → "2,5".
 * Returns null when the percent is not a finite decimal (1/3 of a percent, say).
 */
export function formatPercent(fraction: Fraction): string | null {
  const percent = fraction.mul(100n);
  // A fraction is a finite decimal exactly when its denominator is 2^a·5^b; it needs max(a, b) digits.
  let den = percent.denominator;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return null;
  const decimals = Math.max(twos, fives);
  const scaled = percent.mul(10n ** BigInt(decimals)).numerator;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const intPart = digits.slice(0, digits.length - decimals);
  const decPart = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${intPart}${decPart ? "," + decPart : ""}`;
}
