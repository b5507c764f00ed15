import { factorText } from "../../../../core/budget/decimal-text";
import { Fraction } from "../../../../core/fraction";
import { parsePercentFraction } from "../../../../core/money";

/** The year's uprating factor, exact: "3,1" % → "1,031". */
export function upratingText(changePercent: string): string {
  return factorText(Fraction.ONE.add(parsePercentFraction(changePercent)));
}
