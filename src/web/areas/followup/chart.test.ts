import { describe, expect, it } from "vitest";
import { layoutChart, monthSeries, niceStep } from "./chart";
import type { BudgetOutcomeRow } from "./types";

const row = (month: number, budget: number, outcome: number): BudgetOutcomeRow => ({ key: String(month).padStart(2, "0"), label: "", budget, outcome, deviation: outcome - budget, deviationPercent: null, forecast: 0 });

describe("budget-vs-outcome chart", () => {
  it("fills twelve months and sums them when cumulative", () => {
    const rows = [row(1, -100, -50), row(3, -100, -300)];
    expect(monthSeries(rows, false).slice(0, 4)).toEqual([
      { month: 1, short: "jan", name: "januari", budget: -100, outcome: -50 },
      { month: 2, short: "feb", name: "februari", budget: 0, outcome: 0 },
      { month: 3, short: "mar", name: "mars", budget: -100, outcome: -300 },
      { month: 4, short: "apr", name: "april", budget: 0, outcome: 0 },
    ]);
    expect(monthSeries(rows, true).map((p) => p.outcome)).toEqual([-50, -50, -350, -350, -350, -350, -350, -350, -350, -350, -350, -350]);
  });

  it("names the months of a financial year from July to June", () => {
    const points = monthSeries([row(1, 0, -10)], false, 7);
    expect(points.map((p) => p.short)).toEqual(["jul", "aug", "sep", "okt", "nov", "dec", "jan", "feb", "mar", "apr", "maj", "jun"]);
    expect(points[0]).toMatchObject({ name: "juli", outcome: -10 });
    expect(layoutChart(points).bars[0]!.label).toBe("jul");
  });

  it("picks round steps of 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(1_000_000_000)).toBe(200_000_000);
    expect(niceStep(330_000_000)).toBe(100_000_000);
    expect(niceStep(0)).toBe(100_000);
  });

  it("draws bars from the zero line up for positive and down for negative values", () => {
    const points = monthSeries([row(1, 100_000_000, -50_000_000)], false);
    const chart = layoutChart(points, 760, 300);
    expect(chart.ticks[0]!.value).toBeLessThanOrEqual(-50_000_000);
    expect(chart.ticks.at(-1)!.value).toBeGreaterThanOrEqual(100_000_000);
    expect(chart.ticks.some((t) => t.value === 0 && t.y === chart.zeroY)).toBe(true);
    const jan = chart.bars[0]!;
    expect(jan.budget.y + jan.budget.h).toBeCloseTo(chart.zeroY);
    expect(jan.outcome.y).toBeCloseTo(chart.zeroY);
    expect(jan.budget.h).toBeCloseTo(jan.outcome.h * 2);
    expect(chart.bars).toHaveLength(12);
    expect(chart.bars[1]!.budget.h).toBe(0);
  });
});
