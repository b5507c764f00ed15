import type { Ore } from "../allocation/types";
import { Fraction } from "../fraction";
import { MoneyError } from "./errors";
import { parseDecimal, parsePercentFraction } from "./percent";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function assertOre(amount: Ore, what: string): void {
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError("overflow", String(amount), `${what} måste vara ett helt antal öre inom säkert heltalsområde, fick ${amount}.`);
  }
}

/** amount × percent/100, exact. percentOf(1_000_000, "2,5") is 25 000 öre. */
export function percentOf(amount: Ore, percent: string): Fraction {
  assertOre(amount, "Beloppet");
  return parsePercentFraction(percent).mul(BigInt(amount));
}

/**
 * amount uprated by percent, exact: amount × (1 + percent/100). For seed 000,
 * upratePercent(10 500 tkr, "2,5") is 10 762,5 tkr; adding 700 tkr gives 11 462,5 tkr.
 */
export function upratePercent(amount: Ore, percent: string): Fraction {
  assertOre(amount, "Beloppet");
  return Fraction.ONE.add(parsePercentFraction(percent)).mul(BigInt(amount));
}

/** amount × a decimal factor written as text ("1,025"), exact. */
export function multiplyAmount(amount: Ore, factor: string): Fraction {
  assertOre(amount, "Beloppet");
  return parseDecimal(factor, "Faktorn").mul(BigInt(amount));
}

/** Sum of amounts; throws rather than returning a sum that is no longer exact. */
export function sumAmounts(amounts: readonly Ore[]): Ore {
  let sum = 0n;
  for (const a of amounts) {
    assertOre(a, "Beloppet");
    sum += BigInt(a);
  }
  return bigintToOre(sum);
}

/** An exact fraction of öre as Ore; throws when it is not a whole öre or not a safe integer. */
export function fractionToOre(value: Fraction): Ore {
  if (!value.isInteger()) {
    throw new MoneyError("sub-ore", value.toString(), `Beloppet ${value.toString()} öre är inte ett helt antal öre.`);
  }
  return bigintToOre(value.numerator);
}

/** A bigint of öre as Ore; throws MoneyError when it is outside the safe integer range. */
export function bigintToOre(value: bigint): Ore {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new MoneyError("overflow", value.toString(), `Beloppet ${value} öre är för stort för att räknas exakt.`);
  }
  return value === 0n ? 0 : Number(value);
}

/**
 * A sum of öre as the database sends it (PostgreSQL's numeric as text, a number through JSON) as
 * Ore. Number() would round a sum beyond 2^53 without a word; this throws MoneyError instead.
 */
export function sumToOre(value: string | number | bigint | null | undefined): Ore {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new MoneyError("overflow", String(value), `Summan ${value} öre är för stor för att räknas exakt.`);
    return value === 0 ? 0 : value;
  }
  return bigintToOre(BigInt(value));
}
