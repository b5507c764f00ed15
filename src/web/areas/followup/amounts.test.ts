import { describe, expect, it } from "vitest";
import { deviationClass, money, percentText, roundingNote } from "./amounts";
import type { BudgetOutcomeRow } from "./types";

const plain = (s: string) => s.replace(/\u00a0/g, " ");
const row = (key: string, budget: number, outcome: number): BudgetOutcomeRow => ({ key, label: key, budget, outcome, deviation: outcome - budget, deviationPercent: null, forecast: outcome });

describe("report amounts", () => {
  it("writes kronor and tkr rounded half away from zero", () => {
    expect(plain(money(834_608_900, "kr"))).toBe("8 346 089 kr");
    expect(plain(money(834_608_900, "tkr"))).toBe("8 346 tkr");
    expect(plain(money(-5_391_100, "tkr"))).toBe("-54 tkr");
    expect(plain(money(50_000, "tkr"))).toBe("1 tkr");
    expect(plain(money(-50_000, "tkr"))).toBe("-1 tkr");
  });

  it("writes a deviation percentage or a dash without budget", () => {
    expect(plain(percentText("-65,9"))).toBe("-65,9 %");
    expect(percentText(null)).toBe("–");
  });

  it("says when the rounded rows do not add up to the rounded sum, per column", () => {
    // 1,4 + 1,4 = 2,8 tkr: the rows show 1 + 1 = 2 but the sum 3; deviations -0,4 twice show 0 but -0,8 shows -1.
    const rows = [row("a", 140_000, 100_000), row("b", 140_000, 100_000)];
    const total = row("total", 280_000, 200_000);
    expect(plain(roundingNote(rows, total, "tkr"))).toBe(
      "Beloppen visas i tusental kronor (tkr), avrundade hälften bort från noll från exakta öresbelopp; summaraden räknas på de exakta beloppen. Summaraden skiljer sig från summan av de avrundade raderna: budget +1 tkr, avvikelse -1 tkr.",
    );
    expect(roundingNote(rows, total, "kr")).toMatch(/De avrundade raderna summerar till summaraden\.$/);
  });

  it("marks worse and better deviations", () => {
    expect([deviationClass(-1), deviationClass(0), deviationClass(1)]).toEqual(["fu-worse", "", "fu-better"]);
  });
});
