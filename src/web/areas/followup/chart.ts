import type { BudgetOutcomeRow } from "./types";

// Geometry of the budget-vs-outcome chart, kept pure so the SVG component only draws. Pixel
// positions are floating point; the amounts themselves stay whole öre.

export const MONTH_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
export const MONTH_LONG = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

export interface MonthPoint {
  /** 1–12 of the financial year. */
  month: number;
  /** The calendar month's name ("juli"), short and long. */
  short: string;
  name: string;
  budget: number;
  outcome: number;
}

/**
 * The twelve months of a report grouped by month (missing months are zero); cumulative sums when
 * asked. `startMonth` is the calendar month the financial year starts in (7 for 2009/10).
 */
export function monthSeries(rows: readonly BudgetOutcomeRow[], cumulative: boolean, startMonth = 1): MonthPoint[] {
  let budget = 0;
  let outcome = 0;
  return MONTH_SHORT.map((_, i) => {
    const calendar = (startMonth - 1 + i) % 12;
    const row = rows.find((r) => Number(r.key) === i + 1);
    const b = row?.budget ?? 0;
    const o = row?.outcome ?? 0;
    budget = cumulative ? budget + b : b;
    outcome = cumulative ? outcome + o : o;
    return { month: i + 1, short: MONTH_SHORT[calendar]!, name: MONTH_LONG[calendar]!, budget, outcome };
  });
}

/** A round step (1, 2 or 5 × 10^n öre) that splits the range into about `count` parts. */
export function niceStep(range: number, count = 5): number {
  if (range <= 0) return 100_000;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(step, 100);
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  ticks: { value: number; y: number }[];
  zeroY: number;
  bars: { month: number; label: string; x: number; band: number; budget: { x: number; y: number; h: number }; outcome: { x: number; y: number; h: number } }[];
  /** Polyline points of the outcome, for the cumulative view. */
  outcomeLine: string;
  budgetLine: string;
}

/** Lays out bars (two per month) and the value axis for the points; includes zero always. */
export function layoutChart(points: readonly MonthPoint[], width = 760, height = 300): ChartLayout {
  const plot = { left: 84, top: 16, right: width - 12, bottom: height - 36 };
  const values = points.flatMap((p) => [p.budget, p.outcome]);
  const step = niceStep(Math.max(0, ...values) - Math.min(0, ...values));
  const max = Math.ceil(Math.max(0, ...values) / step) * step;
  const min = Math.floor(Math.min(0, ...values) / step) * step;
  const span = max - min || step;
  const y = (v: number) => plot.top + ((max - v) / span) * (plot.bottom - plot.top);
  const ticks: { value: number; y: number }[] = [];
  for (let v = min; v <= max; v += step) ticks.push({ value: v, y: y(v) });
  const band = (plot.right - plot.left) / Math.max(points.length, 1);
  const barWidth = Math.min(band * 0.36, 22);
  const zeroY = y(0);
  const bar = (x: number, v: number) => ({ x, y: Math.min(y(v), zeroY), h: Math.abs(y(v) - zeroY) });
  const bars = points.map((p, i) => {
    const x = plot.left + i * band;
    const centre = x + band / 2;
    return { month: p.month, label: p.short, x, band, budget: bar(centre - barWidth - 1, p.budget), outcome: bar(centre + 1, p.outcome) };
  });
  const line = (field: "budget" | "outcome") => points.map((p, i) => `${(plot.left + i * band + band / 2).toFixed(1)},${y(p[field]).toFixed(1)}`).join(" ");
  return { width, height, plot, ticks, zeroY, bars, outcomeLine: line("outcome"), budgetLine: line("budget") };
}
