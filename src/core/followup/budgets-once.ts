/** A #PBUDGET line as the import reads it. */
export interface BudgetLine {
  kind: string;
  year_index: number;
  /** YYYYMM. */
  period: number;
  account: string;
  cost_centre: string | null;
  project: string | null;
  amount_ore: number;
}

/** The SIE dimensions budgets are kept for: 0 the account's own, 1 cost centres, 6 projects. */
export const BUDGET_DIMENSIONS = [0, 1, 6] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

export interface BudgetTotal {
  dimension: BudgetDimension;
  period: number;
  /** The cost centre (1) or project (6), "" for none; always "" in dimension 0. */
  object: string;
  account: string;
  amount: number;
}

const isTotal = (l: BudgetLine) => l.cost_centre === null && l.project === null;

/**
 * Real exports give an account's budget twice: once as the account's total (no objects) and once
 * per object, adding up to it. Each is counted once: where a period and account has both kinds,
 * the sums by object (dimensions 1 and 6) read the per-object lines and the account's own sum
 * (0) the total; where it has only one kind, that kind is read. Only the year's budget
 * (#PBUDGET 0) counts. The same rule, in SQL, sums the budgets of a report filtered on an object
 * (budgetCellsFromLines in src/ledger/report.ts).
 */
export function budgetsCountedOnce(lines: readonly BudgetLine[]): BudgetTotal[] {
  // Grouped by period and account in nested maps rather than by joined string keys: the
  // reference ledger's 55 000 lines took 60 ms that way, in one stretch of the server's loop.
  const groups = new Map<number, Map<string, BudgetLine[]>>();
  for (const l of lines) {
    if (l.kind !== "PBUDGET" || l.year_index !== 0) continue;
    let byAccount = groups.get(l.period);
    if (!byAccount) groups.set(l.period, (byAccount = new Map()));
    const group = byAccount.get(l.account);
    if (group) group.push(l);
    else byAccount.set(l.account, [l]);
  }
  const out: BudgetTotal[] = [];
  for (const [period, byAccount] of groups) {
    for (const [account, group] of byAccount) {
      const both = group.some(isTotal) && !group.every(isTotal);
      for (const dimension of BUDGET_DIMENSIONS) {
        const sums = new Map<string, number>();
        for (const l of group) {
          if (both && isTotal(l) === (dimension !== 0)) continue;
          const object = dimension === 1 ? (l.cost_centre ?? "") : dimension === 6 ? (l.project ?? "") : "";
          sums.set(object, (sums.get(object) ?? 0) + l.amount_ore);
        }
        for (const [object, amount] of sums) out.push({ dimension, period, object, account, amount });
      }
    }
  }
  return out;
}
