import type { Fraction } from "../fraction";
import { formatPercent } from "../money";

/** An exact factor as Swedish decimal text ("1,025"), or "a/b" when it has no finite decimal form. */
export function factorText(factor: Fraction): string {
  return formatPercent(factor.div(100n)) ?? factor.toString();
}
