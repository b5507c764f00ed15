import type { Ore } from "../allocation/types";
import { formatAmount } from "../money";

export interface PartsCheck {
  total: Ore;
  sum: Ore;
  /** sum − total: positive when the parts exceed the total. */
  difference: Ore;
  balanced: boolean;
  /** Swedish sentence for the form: what is off and by how much. */
  message: string;
}

const kr = (ore: Ore) => formatAmount(ore, "kr");

/** Do a decision's parts add up to its total? The form shows this while the user types. */
export function checkParts(total: Ore, parts: readonly { amount: Ore }[]): PartsCheck {
  const sum = parts.reduce((acc, p) => acc + p.amount, 0);
  const difference = sum - total;
  const balanced = difference === 0;
  const message = balanced
    ? `Delarna summerar till beslutets totalbelopp ${kr(total)}.`
    : difference > 0
      ? `Delarna summerar till ${kr(sum)}, ${kr(difference)} mer än beslutets totalbelopp ${kr(total)}.`
      : `Delarna summerar till ${kr(sum)}, ${kr(-difference)} mindre än beslutets totalbelopp ${kr(total)}.`;
  return { total, sum, difference, balanced, message };
}

/** Does a part's distribution to its recipients add up to the part's amount? */
export function checkDistribution(partAmount: Ore, lines: readonly { amount: Ore }[]): PartsCheck {
  const check = checkParts(partAmount, lines);
  const message = check.balanced
    ? `Mottagarnas belopp summerar till delens belopp ${kr(partAmount)}.`
    : check.message.replace("Delarna", "Mottagarnas belopp").replace("beslutets totalbelopp", "delens belopp");
  return { ...check, message };
}
