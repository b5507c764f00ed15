import type { Ore } from "../allocation/types";

/**
 * Report sign: the ledger books income as credit (negative) and costs as debit (positive); a
 * follow-up report shows income positive and costs negative, so that the sum is the result.
 */
export function reportSign(ledgerAmount: Ore): Ore {
  return ledgerAmount === 0 ? 0 : -ledgerAmount;
}

/** Outcome − budget, both in report sign: positive is better than budget. */
export function deviation(budget: Ore, outcome: Ore): Ore {
  return outcome - budget;
}

/**
 * The deviation as a percentage of the budget's size with one decimal, rounded half away from
 * zero in integer arithmetic ("-0,6"); null when the budget is zero (no percentage exists).
 */
export function deviationPercent(dev: Ore, budget: Ore): string | null {
  if (budget === 0) return null;
  const num = BigInt(dev) * 1000n;
  const den = BigInt(Math.abs(budget));
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let tenths = abs / den;
  if ((abs % den) * 2n >= den) tenths += 1n;
  if (tenths === 0n) return "0,0";
  const text = `${tenths / 10n},${tenths % 10n}`;
  return negative ? `-${text}` : text;
}
