import { describe, expect, it } from "vitest";
import { accountClassifier, classifyAccount, defaultAccountClass } from "./account-class";
import { budgetVsOutcome, type AmountCell } from "./budget-outcome";
import { deviationPercent } from "./deviation";
import { forecastYear } from "./forecast";

const kr = (n: number) => n * 100;

describe("account classes", () => {
  it("follows the BAS ranges", () => {
    expect(["1930", "2990", "3010", "4010", "5410", "6110", "7010", "7699", "7710", "7990", "8410"].map(defaultAccountClass)).toEqual([
      "balance", "balance", "income", "other", "other", "other", "staff", "staff", "other", "other", "financial",
    ]);
  });
  it("lets the narrowest override win", () => {
    const overrides = [
      { from: "3000", to: "3999", class: "income" as const },
      { from: "3010", to: "3019", class: "income" as const, jointFinancing: true },
      { from: "7700", to: "7799", class: "staff" as const },
    ];
    expect(classifyAccount("3015", overrides)).toEqual({ class: "income", jointFinancing: true });
    expect(classifyAccount("3020", overrides)).toEqual({ class: "income", jointFinancing: false });
    expect(classifyAccount("7710", overrides).class).toBe("staff");
    expect(accountClassifier(overrides)("999")).toEqual({ class: "other", jointFinancing: false });
  });
});

describe("deviation %", () => {
  it("rounds half away from zero to one decimal in integer math", () => {
    expect(deviationPercent(kr(-53_911), kr(8_400_000))).toBe("-0,6");
    expect(deviationPercent(kr(-263_740), kr(-400_000))).toBe("-65,9");
    expect(deviationPercent(kr(7_513), kr(-7_600_000))).toBe("0,1");
    expect(deviationPercent(5, 1000)).toBe("0,5");
    expect(deviationPercent(-5, 1000)).toBe("-0,5");
    expect(deviationPercent(4, 1000)).toBe("0,4");
    expect(deviationPercent(1, 10_000)).toBe("0,0");
    expect(deviationPercent(100, 0)).toBeNull();
  });
});

describe("forecast", () => {
  const budget = new Array(12).fill(kr(100));
  const outcome = [kr(90), kr(110), kr(130), ...new Array(9).fill(0)];
  it("adds the remaining budget to the outcome so far", () => {
    expect(forecastYear(outcome, budget, 3, "budget_remaining")).toBe(kr(330) + kr(900));
  });
  it("extrapolates linearly, rounding to whole öre", () => {
    expect(forecastYear(outcome, budget, 3, "linear")).toBe(kr(1320));
    expect(forecastYear([1, 0, 0, 0, 0, 0, 0], budget, 7, "linear")).toBe(2); // 12/7 = 1.71…
  });
  it("is the budget before any outcome", () => {
    expect(forecastYear([], budget, 0, "linear")).toBe(kr(1200));
  });
});

describe("budget vs outcome", () => {
  // Ledger sign: income credit (negative), costs debit (positive).
  const outcome: AmountCell[] = [
    { period: 202301, account: "3010", amount: kr(-4_000_000) },
    { period: 202306, account: "3010", amount: kr(-4_346_089) },
    { period: 202302, account: "7010", amount: kr(7_592_487) },
    { period: 202303, account: "5410", amount: kr(1_400_000) },
    { period: 202306, account: "8410", amount: kr(17_342) },
    { period: 202303, account: "1930", amount: kr(999) },
    { period: 202203, account: "5410", amount: kr(999) },
  ];
  const budget: AmountCell[] = [
    { period: 202300, account: "3010", amount: kr(-8_400_000) },
    { period: 202300, account: "7010", amount: kr(7_600_000) },
    { period: 202300, account: "5410", amount: kr(1_200_000) },
  ];
  const classify = accountClassifier();

  it("reproduces seed 001's table by account class", () => {
    const r = budgetVsOutcome({ year: 2023, by: "class", outcome, budget, classify });
    expect(r.rows.map((x) => [x.key, x.budget / 100, x.outcome / 100, x.deviation / 100])).toEqual([
      ["income", 8_400_000, 8_346_089, -53_911],
      ["staff", -7_600_000, -7_592_487, 7_513],
      ["other", -1_200_000, -1_400_000, -200_000],
      ["financial", 0, -17_342, -17_342],
    ]);
    expect([r.total.budget, r.total.outcome, r.total.deviation, r.total.deviationPercent]).toEqual([kr(-400_000), kr(-663_740), kr(-263_740), "-65,9"]);
    expect(r.asOfMonth).toBe(6);
  });

  it("groups by month, leaving whole-year figures apart", () => {
    const r = budgetVsOutcome({ year: 2023, by: "month", outcome, budget, classify });
    expect(r.rows.map((x) => [x.key, x.outcome / 100])).toEqual([
      ["00", 0],
      ["01", 4_000_000],
      ["02", -7_592_487],
      ["03", -1_400_000],
      ["06", 4_328_747],
    ]);
    expect(r.total.outcome).toBe(kr(-663_740));
  });
});
