import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Fraction } from "../fraction";
import { AllocationError, allocate, type AllocationInput, type AllocationLineInput, type AllocationResult } from "./index";

const UNITS = [1, 50, 100, 1_000, 100_000, 1_000_000];
const unitArb = fc.constantFrom(...UNITS);

/** Weight lines only: the core case (population keys). */
const weightInput = fc
  .record({
    unit: unitArb,
    units: fc.integer({ min: 0, max: 10_000_000 }),
    weights: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 25 }),
  })
  .filter((r) => r.weights.some((w) => w > 0))
  .map(
    ({ unit, units, weights }): AllocationInput => ({
      total: unit * units,
      unit,
      rounding: "largest-remainder",
      lines: weights.map((weight, i) => ({ key: `k${i}`, label: `Rad ${i}`, method: "weight", weight })),
    }),
  );

/** Fixed, percent and weight lines together, total a multiple of the unit after the fixed lines. */
const mixedInput = fc
  .record({
    unit: unitArb,
    units: fc.integer({ min: 0, max: 1_000_000 }),
    fixed: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 4 }),
    percents: fc.array(fc.integer({ min: 0, max: 2_000 }), { maxLength: 3 }),
    weights: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 10 }),
    equal: fc.boolean(),
  })
  .map(({ unit, units, fixed, percents, weights, equal }): AllocationInput => {
    const fixedSum = fixed.reduce((a, b) => a + b, 0);
    const lines: AllocationLineInput[] = [
      ...fixed.map((amount, i): AllocationLineInput => ({ key: `f${i}`, label: `Fast ${i}`, method: "fixed", amount })),
      // Hundredths of a percent, at most 20 % each, so the sum stays under 100 %.
      ...percents.map((p, i): AllocationLineInput => ({ key: `p${i}`, label: `Procent ${i}`, method: "percent", percent: (p / 100).toFixed(2).replace(".", ",") })),
      ...weights.map((weight, i): AllocationLineInput =>
        equal ? { key: `w${i}`, label: `Lika ${i}`, method: "equal" } : { key: `w${i}`, label: `Vikt ${i}`, method: "weight", weight },
      ),
    ];
    return { total: fixedSum + unit * units, unit, rounding: "largest-remainder", lines };
  });

function run(input: AllocationInput): AllocationResult | AllocationError {
  try {
    return allocate(input);
  } catch (e) {
    if (e instanceof AllocationError) return e;
    throw e;
  }
}

function quotaOf(share: { quota: { numerator: string; denominator: string } }): Fraction {
  return Fraction.fromText(share.quota);
}

describe("allocate: properties", () => {
  it("largest remainder sums exactly, stays within one unit, never negative", () => {
    fc.assert(
      fc.property(fc.oneof(weightInput, mixedInput), (input) => {
        const result = run(input);
        // Fixed plus percent lines can outgrow the total; that must be a clear refusal, never a wrong split.
        if (result instanceof AllocationError) {
          expect(result.reason).toBe("overspend");
          return;
        }
        expect(result.shares.reduce((s, x) => s + x.amount, 0)).toBe(input.total);
        expect(result.total).toBe(input.total);
        expect(result.difference).toBe(0);
        for (const share of result.shares) {
          expect(share.amount).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(share.amount)).toBe(true);
          const diff = Fraction.of(share.amount).sub(quotaOf(share));
          expect(diff.equals(Fraction.fromText(share.roundingDifference))).toBe(true);
          expect(diff.abs().compare(input.unit)).toBeLessThan(0);
          if (share.method !== "fixed") expect(share.amount % input.unit).toBe(0);
          expect(share.explanation.length).toBeGreaterThan(10);
        }
        const ranks = result.shares.flatMap((s) => (s.remainderRank === null ? [] : [s.remainderRank])).sort((a, b) => a - b);
        expect(ranks).toEqual(ranks.map((_, i) => i + 1));
        const quotaSum = result.shares.reduce((s, x) => s.add(quotaOf(x)), Fraction.ZERO);
        expect(quotaSum.equals(input.total)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(fc.oneof(weightInput, mixedInput), (input) => {
        const copy = structuredClone(input);
        expect(run(copy)).toEqual(run(input));
      }),
      { numRuns: 200 },
    );
  });

  it("a larger weight never gets a smaller amount", () => {
    fc.assert(
      fc.property(weightInput, fc.constantFrom("largest-remainder", "up", "down", "nearest") as fc.Arbitrary<AllocationInput["rounding"]>, (input, rounding) => {
        const result = allocate({ ...input, rounding });
        const weights = input.lines.map((l) => l.weight ?? 0);
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if (weights[i]! > weights[j]!) {
              expect(result.shares[i]!.amount).toBeGreaterThanOrEqual(result.shares[j]!.amount);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("per-share modes round each share one unit at most, in the stated direction", () => {
    const perShareInput = fc.record({
      input: fc.oneof(weightInput, mixedInput),
      rounding: fc.constantFrom("up", "down", "nearest") as fc.Arbitrary<"up" | "down" | "nearest">,
      extra: fc.integer({ min: 0, max: 999_999 }),
    });
    fc.assert(
      fc.property(perShareInput, ({ input, rounding, extra }) => {
        // The total need not be a multiple of the unit here.
        const result = run({ ...input, total: input.total + extra, rounding });
        if (result instanceof AllocationError) {
          expect(result.reason).toBe("overspend");
          return;
        }
        expect(result.total).toBe(result.shares.reduce((s, x) => s + x.amount, 0));
        expect(result.difference).toBe(result.total - result.inputTotal);
        for (const share of result.shares) {
          const diff = Fraction.of(share.amount).sub(quotaOf(share));
          if (share.method === "fixed") {
            expect(diff.sign()).toBe(0);
            continue;
          }
          expect(share.amount % input.unit).toBe(0);
          expect(share.remainderRank).toBeNull();
          if (rounding === "up") {
            expect(diff.sign()).toBeGreaterThanOrEqual(0);
            expect(diff.compare(input.unit)).toBeLessThan(0);
          } else if (rounding === "down") {
            expect(diff.sign()).toBeLessThanOrEqual(0);
            expect(diff.neg().compare(input.unit)).toBeLessThan(0);
          } else {
            expect(diff.abs().mul(2n).compare(input.unit)).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a remainder line makes the shares add up to the total or refuses with the overspend", () => {
    const remainderInput = fc.record({
      unit: unitArb,
      total: fc.integer({ min: 0, max: 10 ** 12 }),
      pool: fc.integer({ min: 0, max: 10 ** 12 }),
      fixed: fc.array(fc.integer({ min: 0, max: 10 ** 10 }), { maxLength: 4 }),
      weights: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(remainderInput, ({ unit, total, pool, fixed, weights }) => {
        const lines: AllocationLineInput[] = [
          ...fixed.map((amount, i): AllocationLineInput => ({ key: `f${i}`, label: `Fast ${i}`, method: "fixed", amount })),
          ...weights.map((weight, i): AllocationLineInput => ({ key: `w${i}`, label: `Vikt ${i}`, method: "weight", weight })),
          { key: "rest", label: "Rest", method: "remainder" },
        ];
        const result = run({ total, unit, pool, rounding: "largest-remainder", lines });
        if (result instanceof AllocationError) {
          expect(["overspend", "fixed-exceeds-total"]).toContain(result.reason);
          return;
        }
        expect(result.shares.reduce((s, x) => s + x.amount, 0)).toBe(total);
        expect(result.shares.every((s) => s.amount >= 0)).toBe(true);
        for (const share of result.shares.filter((s) => s.method === "weight")) {
          const diff = Fraction.of(share.amount).sub(quotaOf(share));
          expect(diff.abs().mul(2n).compare(unit)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("allocate: nearest with the difference on the largest share", () => {
  const nearestLargest = fc.oneof(weightInput, mixedInput).map((input): AllocationInput => ({ ...input, rounding: "nearest-largest" }));

  it("sums exactly to the total; every other share is within half a unit of its quota, the largest within half a unit per line", () => {
    fc.assert(
      fc.property(nearestLargest, (input) => {
        const result = run(input);
        if (result instanceof AllocationError) {
          // The difference can outgrow a tiny largest share (many shares of exactly half a unit).
          expect(["overspend", "largest-negative"]).toContain(result.reason);
          return;
        }
        expect(result.shares.reduce((s, x) => s + x.amount, 0)).toBe(input.total);
        expect(result.difference).toBe(0);
        const flexible = result.shares.filter((s) => s.method !== "fixed");
        const largest = flexible.reduce<(typeof flexible)[number] | null>((best, s) => (best === null || quotaOf(s).compare(quotaOf(best)) > 0 ? s : best), null);
        for (const share of result.shares) {
          const diff = Fraction.of(share.amount).sub(quotaOf(share));
          expect(share.amount).toBeGreaterThanOrEqual(0);
          expect(share.remainderRank).toBeNull();
          if (share.method === "fixed") {
            expect(diff.sign()).toBe(0);
          } else if (share === largest) {
            // Its own rounding (≤ ½ unit) plus what every other line's rounding left (≤ ½ unit each).
            expect(diff.abs().mul(2n).compare(BigInt(input.unit * flexible.length))).toBeLessThanOrEqual(0);
          } else {
            expect(diff.abs().mul(2n).compare(input.unit)).toBeLessThanOrEqual(0);
            expect(share.amount % input.unit).toBe(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives the difference to the first of equal largest shares, every time", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 1_000_000 }), (count, weight, units) => {
        const input: AllocationInput = {
          total: 100 * units,
          unit: 100,
          rounding: "nearest-largest",
          lines: [
            { key: "small", label: "Liten", method: "weight", weight: 1 },
            ...Array.from({ length: count }, (_, i): AllocationLineInput => ({ key: `eq${i}`, label: `Lika ${i}`, method: "weight", weight: weight + 1 })),
          ],
        };
        const result = run(input);
        if (result instanceof AllocationError) return;
        expect(run(structuredClone(input))).toEqual(result);
        const rounded = result.shares.map((s) => Fraction.fromText(s.quota).roundHalfUpTo(100n));
        result.shares.forEach((share, i) => {
          // Only eq0, the first of the equal largest, may differ from its own nearest rounding.
          if (share.key !== "eq0") expect(BigInt(share.amount)).toBe(rounded[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("says in the result which rule and tie-break it applied", () => {
    const result = allocate({ total: 1_000, unit: 100, rounding: "nearest-largest", lines: [1, 1, 1].map((weight, i) => ({ key: `k${i}`, label: `Rad ${i}`, method: "weight", weight })) });
    expect(result.shares.map((s) => s.amount)).toEqual([400, 300, 300]);
    expect(result.tieBreak).toMatch(/största andelen.*först i listan/);
    expect(result.shares[0]!.explanation).toMatch(/som största andel tar raden avrundningsdifferensen \+1\skr/);
  });
});
