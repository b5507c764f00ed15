import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RunningTotals, TOTAL_DIMENSIONS } from "./running-totals";

type Add = [period: number, account: number, dimension: number, object: number, amount: number];

/** The sums as a naive Map would keep them, for comparison. */
function expected(adds: readonly Add[]): Map<string, { amount: number; count: number }> {
  const sums = new Map<string, { amount: number; count: number }>();
  for (const [period, account, dimension, object, amount] of adds) {
    const key = `${period}/${account}/${TOTAL_DIMENSIONS[dimension]}/${object}`;
    const s = sums.get(key) ?? { amount: 0, count: 0 };
    sums.set(key, { amount: s.amount + amount, count: s.count + 1 });
  }
  return sums;
}

function actual(adds: readonly Add[]): Map<string, { amount: number; count: number }> {
  const totals = new RunningTotals();
  for (const a of adds) totals.add(...a);
  const out = new Map<string, { amount: number; count: number }>();
  for (const r of totals.rows()) out.set(`${r.periodIndex}/${r.accountIndex}/${r.dimension}/${r.objectIndex}`, { amount: r.amount, count: r.count });
  expect(totals.size).toBe(out.size);
  return out;
}

describe("RunningTotals", () => {
  it("keeps one exact sum and count per period, account, dimension and object (property)", () => {
    const add = fc.tuple(fc.integer({ min: 1, max: 4095 }), fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: (1 << 20) - 1 }), fc.integer({ min: -1e9, max: 1e9 }));
    // Few distinct keys as well, so that sums are added to many times.
    const repeated = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: -1e12, max: 1e12 }));
    fc.assert(fc.property(fc.array(fc.oneof(add, repeated), { maxLength: 400 }), (adds) => {
      expect(actual(adds)).toEqual(expected(adds));
    }));
  });

  it("grows past many thousand sums without losing one", () => {
    const adds: Add[] = [];
    for (let i = 0; i < 60_000; i++) adds.push([1 + (i % 13), 1 + (i % 301), i % 3, i % 701, i - 30_000]);
    for (let i = 0; i < 60_000; i += 7) adds.push([1 + (i % 13), 1 + (i % 301), i % 3, i % 701, 1]);
    expect(actual(adds)).toEqual(expected(adds));
  });

  it("refuses positions it cannot hold, in Swedish", () => {
    expect(() => new RunningTotals().add(4096, 1, 0, 0, 1)).toThrow(/för många perioder/);
    expect(() => new RunningTotals().add(1, 65536, 0, 0, 1)).toThrow(/konton/);
  });
});
