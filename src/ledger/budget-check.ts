import { formatAmount } from "../core/money";
import type { SieWarning } from "../formats/sie";

export interface PeriodAmountRow {
  kind: string;
  period: number;
  account: string;
  cost_centre: string | null;
  project: string | null;
  amount_ore: number;
}

/**
 * A file that gives an account's budget both as a total and per object is read once (see
 * budgetCells); this says where the two do not add up, so the user knows which figure the
 * report's totals use (the account's) and which the per-object view uses.
 */
export function budgetTotalWarnings(rows: PeriodAmountRow[], file: string): SieWarning[] {
  const sums = new Map<string, { total: number | null; objects: number | null }>();
  for (const r of rows) {
    if (r.kind !== "PBUDGET") continue;
    const key = `${r.period}\u0000${r.account}`;
    const s = sums.get(key) ?? { total: null, objects: null };
    if (r.cost_centre === null && r.project === null) s.total = (s.total ?? 0) + r.amount_ore;
    else s.objects = (s.objects ?? 0) + r.amount_ore;
    sums.set(key, s);
  }
  const warnings: SieWarning[] = [];
  for (const [key, s] of sums) {
    if (s.total === null || s.objects === null || s.total === s.objects) continue;
    const [period, account] = key.split("\u0000");
    warnings.push({
      file,
      line: 0,
      field: "#PBUDGET",
      message: `Konto ${account}, period ${period}: budgeten för kontot är ${formatAmount(s.total, "kr")} men objektens budgetar summerar till ${formatAmount(s.objects, "kr")}. Rapportens totaler räknar kontots budget, vyn per objekt objektens.`,
    });
  }
  return warnings;
}
