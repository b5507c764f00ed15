import { describe, expect, it } from "vitest";
import { budgetTotals } from "./budget-model";
import { seed000Budget } from "./seed-000-budget";

const TKR = 100_000;

describe("budgetTotals (seed 000)", () => {
  it("sums to 7 455 / 8 313 / 10 500 / 11 480 tkr under Utfall 2021, Utfall 2022, Budget 2023, Budget 2024", () => {
    const t = budgetTotals(seed000Budget);
    expect(t.headers).toEqual(["Utfall 2021", "Utfall 2022", "Budget 2023", "Budget 2024"]);
    expect(t.columnTotals).toEqual([7_455 * TKR, 8_313 * TKR, 10_500 * TKR, 11_480 * TKR]);
  });

  it("names the line whose amounts do not fit the columns, and a duplicate column", () => {
    const bad = { ...seed000Budget, lines: [{ label: "Möteskostnader", amounts: [1, 2] }] };
    expect(() => budgetTotals(bad)).toThrow("Rad 1 (Möteskostnader) har 2 belopp men budgeten har 4 kolumner.");
    const dup = { ...seed000Budget, columns: [...seed000Budget.columns, { kind: "budget" as const, year: 2024 }], lines: [] };
    expect(() => budgetTotals(dup)).toThrow("Kolumn 5 (Budget 2024) finns redan.");
  });

  it("leaves empty cells out of the sum and takes a given header", () => {
    const t = budgetTotals({ lineKind: "account_class", columns: [{ kind: "forecast", year: 2024, label: "Prognos helår" }], lines: [{ label: "Intäkter", amounts: [null] }, { label: "Personal", amounts: [-5] }] });
    expect(t).toEqual({ headers: ["Prognos helår"], columnTotals: [-5] });
  });
});
