import { describe, expect, it } from "vitest";
import { Fraction } from "../fraction";
import {
  MoneyError,
  fractionToOre,
  formatPercent,
  multiplyAmount,
  parseAmount,
  parsePercent,
  percentOf,
  sumAmounts,
  upratePercent,
} from "./index";

describe("parsePercent", () => {
  it.each([
    ["2,5 %", "1", "40"],
    ["2,5%", "1", "40"],
    ["2.5", "1", "40"],
    ["2,5\u00a0%", "1", "40"],
    ["50", "1", "2"],
    ["100 %", "1", "1"],
    ["0,125 procent", "1", "800"],
    ["\u22123 %", "-3", "100"],
  ])("reads %s", (text, n, d) => {
    expect(parsePercent(text)).toEqual({ numerator: n, denominator: d });
  });

  it.each(["", "%", "abc", "2,5,5", "2.5,1", "2,5 %%", "2 5", "1e3", "--2"])("rejects %j", (text) => {
    expect(() => parsePercent(text)).toThrow(MoneyError);
  });

  it("writes a percent back", () => {
    expect(formatPercent(Fraction.of(1, 40))).toBe("2,5");
    expect(formatPercent(Fraction.of(1, 800))).toBe("0,125");
    expect(formatPercent(Fraction.of(1, 1))).toBe("100");
    expect(formatPercent(Fraction.of(1, 300))).toBeNull();
  });
});

describe("exact money arithmetic", () => {
  it("reproduces seed 000: 10 500 tkr × 1,025 + 700 tkr = 11 462,5 tkr", () => {
    const uprated = upratePercent(parseAmount("10 500 tkr"), "2,5");
    const proposal = uprated.add(parseAmount("700 tkr"));
    expect(fractionToOre(proposal)).toBe(parseAmount("11 462,5 tkr"));
    expect(multiplyAmount(parseAmount("10 500 tkr"), "1,025").equals(uprated)).toBe(true);
  });

  it("takes a percent of an amount exactly", () => {
    expect(percentOf(100_000, "2,5").toString()).toBe("2500");
    expect(percentOf(1, "2,5").toString()).toBe("1/40");
  });

  it("refuses a fraction of an öre or an overflowing sum", () => {
    expect(() => fractionToOre(Fraction.of(1, 40))).toThrow(MoneyError);
    expect(() => sumAmounts([Number.MAX_SAFE_INTEGER, 1])).toThrow(/för stort/);
    expect(sumAmounts([97_354_100, 90_000_000, 25_000_000, 150_000_000, 141_640_300])).toBe(503_994_400);
  });
});
