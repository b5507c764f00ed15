import { formatAmount, roundForDisplay, unitLabels, type DisplayUnit } from "../../../core/money";
import type { BudgetOutcomeRow } from "./types";

/** The follow-up reports offer two of core/money's display units: whole kronor or tkr. */
export type ReportUnit = Extract<DisplayUnit, "kr" | "tkr">;
export const reportUnits: readonly ReportUnit[] = ["kr", "tkr"];

/** An amount in the report's unit: whole kronor or whole tkr, rounded half away from zero. */
export function money(ore: number, unit: ReportUnit): string {
  return formatAmount(ore, unit, { decimals: 0 });
}

/** "-0,6 %", or a dash when the row has no budget to compare with. */
export function percentText(percent: string | null): string {
  return percent === null ? "–" : `${percent}\u00a0%`;
}

const COLUMNS = [
  ["budget", "Budget"],
  ["outcome", "Utfall"],
  ["deviation", "Avvikelse"],
  ["forecast", "Prognos"],
] as const;

/**
 * What the reader must know about rounding: every figure is rounded on its own from exact öre,
 * so the sum row may differ from the sum of the shown rows; the note names each column where it
 * does and by how much, in the unit shown.
 */
export function roundingNote(rows: readonly BudgetOutcomeRow[], total: BudgetOutcomeRow, unit: ReportUnit): string {
  const base = `Beloppen visas i ${unitLabels[unit].shownIn}, avrundade hälften bort från noll från exakta öresbelopp; summaraden räknas på de exakta beloppen.`;
  const off: string[] = [];
  for (const [field, label] of COLUMNS) {
    const shownRows = rows.reduce((s, r) => s + roundForDisplay(r[field], unit).shown, 0);
    const difference = roundForDisplay(total[field], unit).shown - shownRows;
    if (difference !== 0) off.push(`${label.toLowerCase()} ${difference > 0 ? "+" : ""}${money(difference, unit)}`);
  }
  if (off.length === 0) return `${base} De avrundade raderna summerar till summaraden.`;
  return `${base} Summaraden skiljer sig från summan av de avrundade raderna: ${off.join(", ")}.`;
}

/** A class name for a deviation: worse than budget reads red, better green. */
export function deviationClass(ore: number): string {
  return ore < 0 ? "fu-worse" : ore > 0 ? "fu-better" : "";
}
