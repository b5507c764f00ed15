import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetsCountedOnce, type BudgetLine } from "./budgets-once";

const line = (period: number, account: string, costCentre: string | null, project: string | null, amount: number, kind = "PBUDGET", yearIndex = 0): BudgetLine => ({ kind, year_index: yearIndex, period, account, cost_centre: costCentre, project, amount_ore: amount });
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe("budgets counted once", () => {
  it("reads the account's total for its own sum and the objects for the sums by object, where a file gives both", () => {
    const totals = budgetsCountedOnce([
      line(202401, "3010", null, null, -100_000),
      line(202401, "3010", null, "P1", -60_000),
      line(202401, "3010", null, "P2", -40_000),
      line(202402, "4010", null, "P1", 25_000),
      line(202403, "5010", null, null, 70_000),
      line(202404, "7010", "K1", "P1", 12_000),
      line(202404, "7010", "K1", "P1", 1, "PSALDO"),
      line(202404, "7010", "K1", "P1", 2, "PBUDGET", -1),
    ]);
    expect(sorted(totals)).toEqual(sorted([
      { dimension: 0, period: 202401, object: "", account: "3010", amount: -100_000 },
      { dimension: 1, period: 202401, object: "", account: "3010", amount: -100_000 },
      { dimension: 6, period: 202401, object: "P1", account: "3010", amount: -60_000 },
      { dimension: 6, period: 202401, object: "P2", account: "3010", amount: -40_000 },
      { dimension: 0, period: 202402, object: "", account: "4010", amount: 25_000 },
      { dimension: 1, period: 202402, object: "", account: "4010", amount: 25_000 },
      { dimension: 6, period: 202402, object: "P1", account: "4010", amount: 25_000 },
      { dimension: 0, period: 202403, object: "", account: "5010", amount: 70_000 },
      { dimension: 1, period: 202403, object: "", account: "5010", amount: 70_000 },
      { dimension: 6, period: 202403, object: "", account: "5010", amount: 70_000 },
      { dimension: 0, period: 202404, object: "", account: "7010", amount: 12_000 },
      { dimension: 1, period: 202404, object: "K1", account: "7010", amount: 12_000 },
      { dimension: 6, period: 202404, object: "P1", account: "7010", amount: 12_000 },
    ]));
  });

  it("gives each dimension's sums the total the lines it reads add up to, exactly", () => {
    const arbitraryLine = fc.record({
      period: fc.constantFrom(202401, 202402),
      account: fc.constantFrom("3010", "4010"),
      cost_centre: fc.constantFrom(null, "K1", "K2"),
      project: fc.constantFrom(null, "P1"),
      amount_ore: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    }).map((l) => ({ ...l, kind: "PBUDGET", year_index: 0 }));
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 30 }), (lines) => {
        const totals = budgetsCountedOnce(lines);
        for (const dimension of [0, 1, 6] as const) {
          let expected = 0;
          for (const period of [202401, 202402]) {
            for (const account of ["3010", "4010"]) {
              const mine = lines.filter((l) => l.period === period && l.account === account);
              const own = mine.filter((l) => l.cost_centre === null && l.project === null);
              const objects = mine.filter((l) => l.cost_centre !== null || l.project !== null);
              const read = own.length > 0 && objects.length > 0 ? (dimension === 0 ? own : objects) : mine;
              expected += read.reduce((s, l) => s + l.amount_ore, 0);
            }
          }
          expect(totals.filter((t) => t.dimension === dimension).reduce((s, t) => s + t.amount, 0)).toBe(expected);
          const keys = totals.filter((t) => t.dimension === dimension).map((t) => `${t.period} ${t.object} ${t.account}`);
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
    );
  });
});
