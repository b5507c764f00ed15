import { describe, expect, it } from "vitest";
import { MoneyError } from "./errors";
import { sumToOre } from "./arithmetic";

describe("sumToOre", () => {
  it("takes a database's sum of öre as text or number, and none as zero", () => {
    expect(sumToOre("164000000")).toBe(164_000_000);
    expect(sumToOre("-4711")).toBe(-4711);
    expect(sumToOre(9_007_199_254_740_991)).toBe(9_007_199_254_740_991);
    expect(sumToOre("9007199254740991")).toBe(9_007_199_254_740_991);
    expect(sumToOre(null)).toBe(0);
    expect(sumToOre(undefined)).toBe(0);
    expect(Object.is(sumToOre(-0), 0)).toBe(true);
  });

  it("refuses a sum beyond the safe range, which Number() would round by an öre or more", () => {
    expect(Number("9007199254740993")).toBe(9_007_199_254_740_992);
    expect(() => sumToOre("9007199254740993")).toThrow(MoneyError);
    expect(() => sumToOre("-9007199254740993")).toThrow(/för stort/);
    expect(() => sumToOre(2 ** 60)).toThrow(/för stor/);
    expect(() => sumToOre(0.5)).toThrow(MoneyError);
  });
});
