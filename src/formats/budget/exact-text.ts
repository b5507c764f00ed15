import type { FractionText } from "../../core/allocation/types";
import { Fraction } from "../../core/fraction";
import { formatExactAmount } from "../../core/money";

/** An exact öre amount as kronor in the tables' dot-decimal text, to the öre; inexact when it had a fraction of an öre. */
export function krDecimal(ore: Fraction | FractionText | number): { text: string; exact: boolean } {
  const f = ore instanceof Fraction ? ore : typeof ore === "number" ? Fraction.of(ore) : Fraction.fromText(ore);
  const { text, exact } = formatExactAmount(f, "kr", { decimals: 2, suffix: false });
  return { text: text.replace(/[\u00a0\s]/g, "").replace(",", "."), exact };
}
