import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Fraction } from "./fraction";

describe("Fraction", () => {
  it("normalises to lowest terms with a positive denominator", () => {
    expect(Fraction.of(6, -8).toText()).toEqual({ numerator: "-3", denominator: "4" });
    expect(Fraction.of(0, 5).toText()).toEqual({ numerator: "0", denominator: "1" });
  });

  it("rejects a zero denominator and non-safe numbers", () => {
    expect(() => Fraction.of(1, 0)).toThrow(/noll/);
    expect(() => Fraction.of(0.5)).toThrow(/säkert heltal/);
  });

  it("does exact arithmetic", () => {
    const a = Fraction.of(1, 3);
    expect(a.add(Fraction.of(1, 6)).toString()).toBe("1/2");
    expect(a.sub(1).toString()).toBe("-2/3");
    expect(a.mul(Fraction.of(3, 7)).toString()).toBe("1/7");
    expect(a.div(Fraction.of(2, 3)).toString()).toBe("1/2");
    expect(Fraction.of(1, 3).compare(Fraction.of(2, 6))).toBe(0);
    expect(Fraction.of(-1, 3).compare(0)).toBe(-1);
  });

  it("rounds to a multiple of a unit", () => {
    const q = Fraction.of(163_750_000, 1); // 1 637 500 kr in öre
    expect(q.floorTo(1_000_000n)).toBe(163_000_000n);
    expect(q.ceilTo(1_000_000n)).toBe(164_000_000n);
    expect(q.roundHalfUpTo(1_000_000n)).toBe(164_000_000n);
    expect(Fraction.of(-5).roundHalfUpTo(10n)).toBe(0n);
    expect(Fraction.of(-5).roundHalfAwayFromZeroTo(10n)).toBe(-10n);
    expect(Fraction.of(-7, 2).floor()).toBe(-4n);
    expect(Fraction.of(-7, 2).ceil()).toBe(-3n);
  });

  it("round-trips through text", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n }), (n, d) => {
        const f = Fraction.of(n, d);
        expect(Fraction.fromText(f.toText()).equals(f)).toBe(true);
      }),
    );
  });

  it("floorTo ≤ value ≤ ceilTo, each within one unit", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d, unit) => {
        const f = Fraction.of(n, d);
        const lo = f.floorTo(unit);
        const hi = f.ceilTo(unit);
        const mid = f.roundHalfUpTo(unit);
        expect(lo % unit).toBe(0n);
        expect(f.compare(lo)).toBeGreaterThanOrEqual(0);
        expect(f.compare(hi)).toBeLessThanOrEqual(0);
        expect(hi - lo === 0n || hi - lo === unit).toBe(true);
        expect(f.sub(Fraction.of(mid)).abs().compare(Fraction.of(unit, 2))).toBeLessThanOrEqual(0);
      }),
    );
  });
});
