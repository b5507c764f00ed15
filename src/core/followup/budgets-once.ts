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
  const year = lines.filter((l) => l.kind === "PBUDGET" && l.year_index === 0);
  const kinds = new Map<string, { total: boolean; objects: boolean }>();
  for (const l of year) {
    const key = `${l.period}\u0000${l.account}`;
    const k = kinds.get(key) ?? { total: false, objects: false };
    if (isTotal(l)) k.total = true;
    else k.objects = true;
    kinds.set(key, k);
  }
  const sums = new Map<string, BudgetTotal>();
  for (const l of year) {
    const k = kinds.get(`${l.period}\u0000${l.account}`)!;
    for (const dimension of BUDGET_DIMENSIONS) {
      if (k.total && k.objects && isTotal(l) === (dimension !== 0)) continue;
      const object = dimension === 1 ? (l.cost_centre ?? "") : dimension === 6 ? (l.project ?? "") : "";
      const key = `${dimension}\u0000${l.period}\u0000${object}\u0000${l.account}`;
      const sum = sums.get(key);
      if (sum) sum.amount += l.amount_ore;
      else sums.set(key, { dimension, period: l.period, object, account: l.account, amount: l.amount_ore });
    }
  }
  return [...sums.values()];
}
