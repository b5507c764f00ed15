import type { Ore } from "../allocation/types";
import type { BudgetOutcomeReport, BudgetOutcomeRow } from "./budget-outcome";
import { deviation, deviationPercent } from "./deviation";

/**
 * The annual report's budget table (seed 001): income, staff, and other operating costs together
 * with financial items, then the sum.
 */
export function annualBudgetTable(report: BudgetOutcomeReport): BudgetOutcomeRow[] {
  const pick = (key: string) => report.rows.find((r) => r.key === key);
  const merge = (key: string, label: string, rows: (BudgetOutcomeRow | undefined)[]): BudgetOutcomeRow => {
    let budget: Ore = 0;
    let outcome: Ore = 0;
    let forecast: Ore = 0;
    for (const r of rows) {
      budget += r?.budget ?? 0;
      outcome += r?.outcome ?? 0;
      forecast += r?.forecast ?? 0;
    }
    const dev = deviation(budget, outcome);
    return { key, label, budget, outcome, deviation: dev, deviationPercent: deviationPercent(dev, budget), forecast };
  };
  return [
    merge("income", "Intäkter", [pick("income")]),
    merge("staff", "Personal", [pick("staff")]),
    merge("other_financial", "Övriga verksamhetskostnader och finansiella poster", [pick("other"), pick("financial")]),
    { ...report.total, label: "Summa" },
  ];
}
