import type { Ore } from "../allocation/types";
import { bigintToOre } from "../money";
import { BudgetError } from "./errors";

export type BudgetColumnKind = "outcome" | "budget" | "forecast";

export interface BudgetColumn {
  kind: BudgetColumnKind;
  year: number;
  /** Header as shown; "Utfall 2021", "Budget 2024", "Prognos 2024" when not given. */
  label?: string;
}

export interface BudgetLine {
  label: string;
  /** One amount in öre per column; null where the source has no figure. */
  amounts: (Ore | null)[];
}

export interface BudgetModel {
  /** What the lines are: cost categories (kostnadsslag) or account classes (kontoklass). */
  lineKind: "cost_category" | "account_class";
  columns: BudgetColumn[];
  lines: BudgetLine[];
}

export interface BudgetTotals {
  headers: string[];
  /** Σ lines per column, in öre. */
  columnTotals: Ore[];
}

const kindWords: Record<BudgetColumnKind, string> = { outcome: "Utfall", budget: "Budget", forecast: "Prognos" };

export function columnHeader(c: BudgetColumn): string {
  return c.label?.trim() || `${kindWords[c.kind]} ${c.year}`;
}

/** Validates the model (Swedish errors naming line and column) and sums each column. */
export function budgetTotals(model: BudgetModel): BudgetTotals {
  if (model.columns.length === 0) throw new BudgetError("Budgeten måste ha minst en kolumn.", "columns");
  const headers = model.columns.map(columnHeader);
  const seen = new Set<string>();
  model.columns.forEach((c, i) => {
    if (!Number.isInteger(c.year) || c.year < 1900 || c.year > 2200) throw new BudgetError(`Kolumn ${i + 1}: ogiltigt år ${c.year}.`, `columns.${i}.year`);
    const key = `${c.kind}-${c.year}`;
    if (seen.has(key)) throw new BudgetError(`Kolumn ${i + 1} (${headers[i]}) finns redan.`, `columns.${i}`);
    seen.add(key);
  });
  const sums = model.columns.map(() => 0n);
  model.lines.forEach((line, r) => {
    if (line.label.trim() === "") throw new BudgetError(`Rad ${r + 1}: ange en benämning.`, `lines.${r}.label`);
    if (line.amounts.length !== model.columns.length) {
      throw new BudgetError(`Rad ${r + 1} (${line.label}) har ${line.amounts.length} belopp men budgeten har ${model.columns.length} kolumner.`, `lines.${r}.amounts`);
    }
    line.amounts.forEach((a, c) => {
      if (a === null) return;
      if (!Number.isSafeInteger(a)) throw new BudgetError(`Rad ${r + 1} (${line.label}), kolumn ${headers[c]}: beloppet måste vara ett helt antal öre.`, `lines.${r}.amounts.${c}`);
      sums[c]! += BigInt(a);
    });
  });
  return { headers, columnTotals: sums.map(bigintToOre) };
}
