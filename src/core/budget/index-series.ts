import type { FractionText } from "../allocation/types";
import { Fraction } from "../fraction";
import { parsePercentFraction } from "../money";
import { factorText } from "./decimal-text";
import { BudgetError } from "./errors";

/** One year of an index series such as LPIK: the change from the year before, in percent ("3,1"). */
export interface IndexValue {
  year: number;
  changePercent: string;
}

/** How a budget is uprated: the budget directive's percentage, or an index series kept in the system. */
export type IndexChoice =
  | { kind: "percent"; percent: string; source: string }
  | { kind: "series"; code: string; fromYear: number; toYear: number; values: IndexValue[] };

export interface Uprating {
  /** The exact factor: 1,025 is 41/40. */
  factor: FractionText;
  factorText: string;
  /** Swedish: where the factor comes from ("Budgetdirektivets uppräkning 2,5 %", "LPIK 2023–2024: …"). */
  description: string;
}

/**
 * The uprating factor as an exact fraction. For a series it is the product of (1 + change/100)
 * over the years after fromYear up to and including toYear, so 2023 → 2024 uses the 2024 change.
 */
export function upratingFactor(choice: IndexChoice): { factor: Fraction; uprating: Uprating } {
  if (choice.kind === "percent") {
    const factor = Fraction.ONE.add(parsePercentFraction(choice.percent));
    const text = factorText(factor);
    return { factor, uprating: { factor: factor.toText(), factorText: text, description: `${choice.source}: uppräkning med ${choice.percent.replace(/\s*%$/, "")} % (faktor ${text})` } };
  }
  if (!Number.isInteger(choice.fromYear) || !Number.isInteger(choice.toYear) || choice.toYear <= choice.fromYear) {
    throw new BudgetError(`Indexserien ${choice.code}: slutåret (${choice.toYear}) måste vara senare än startåret (${choice.fromYear}).`, "index.toYear");
  }
  let factor = Fraction.ONE;
  const parts: string[] = [];
  for (let year = choice.fromYear + 1; year <= choice.toYear; year++) {
    const value = choice.values.find((v) => v.year === year);
    if (!value) throw new BudgetError(`Indexserien ${choice.code} saknar värde för ${year}; lägg in det under Indexserier.`, "index.values");
    factor = factor.mul(Fraction.ONE.add(parsePercentFraction(value.changePercent)));
    parts.push(`${year}: ${value.changePercent} %`);
  }
  const text = factorText(factor);
  return {
    factor,
    uprating: { factor: factor.toText(), factorText: text, description: `${choice.code} ${choice.fromYear}–${choice.toYear} (${parts.join(", ")}), faktor ${text}` },
  };
}
