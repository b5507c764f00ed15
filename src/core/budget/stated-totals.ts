import type { Ore } from "../allocation/types";
import { formatAmount, type AmountUnit } from "../money";
import type { SubscriptionResult } from "./subscription";

/** Totals as a source document printed them, to compare with the totals computed from the cells. */
export interface StatedTotals {
  rows?: Record<string, Ore>;
  columns?: Record<string, Ore>;
  total?: Ore;
  /** The unit the source showed ("tkr"): differences are reported in it. */
  unit: AmountUnit;
}

export interface StatedTotalCheck {
  where: string;
  computed: Ore;
  stated: Ore;
  /** stated − computed, in öre. */
  difference: Ore;
  message: string;
}

/**
 * Seed 001 prints Blekinge's row as 162 951 tkr although its cells add up to 162 952 tkr: its
 * cells and totals were rounded to tkr separately. Each disagreement becomes a Swedish note.
 */
export function compareStatedTotals(result: SubscriptionResult, stated: StatedTotals): StatedTotalCheck[] {
  const checks: StatedTotalCheck[] = [];
  const add = (where: string, computed: Ore, given: Ore | undefined) => {
    if (given === undefined || given === computed) return;
    const diff = given - computed;
    checks.push({
      where,
      computed,
      stated: given,
      difference: diff,
      message: `${where}: cellerna summerar till ${formatAmount(computed, stated.unit)}, källan anger ${formatAmount(given, stated.unit)} (${diff > 0 ? "+" : ""}${formatAmount(diff, stated.unit)}), troligen för att celler och summor avrundats till ${stated.unit} var för sig.`,
    });
  };
  for (const b of result.buyers) add(`Raden ${b.label}`, result.rowTotals[b.key] ?? 0, stated.rows?.[b.key]);
  for (const s of result.sellers) add(`Kolumnen ${s.label}`, result.columnTotals[s.key] ?? 0, stated.columns?.[s.key]);
  add("Totalen", result.total, stated.total);
  return checks;
}
