import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount, formatKronor, parseAmount, parseDate, parsePeriod, SieValueError } from "./values";

describe("amounts", () => {
  it("converts to öre exactly, without floating point", () => {
    expect(parseAmount("1104488.11")).toBe(110448811);
    expect(parseAmount("-3142.1")).toBe(-314210);
    expect(parseAmount("5")).toBe(500);
    expect(parseAmount("-0.05")).toBe(-5);
    expect(parseAmount("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parseAmount("-0")).toBe(0);
    expect(Object.is(parseAmount("-0.00"), -0)).toBe(false);
  });

  it("refuses malformed amounts with a Swedish reason", () => {
    expect(() => parseAmount("12,50")).toThrow(/decimaltecknet ska vara punkt/);
    expect(() => parseAmount("1.005")).toThrow(/högst två decimaler/);
    expect(() => parseAmount("abc")).toThrow(SieValueError);
    expect(() => parseAmount("")).toThrow(SieValueError);
    expect(() => parseAmount("99999999999999999")).toThrow(/för stort/);
  });

  it("formats and parses back every safe amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (ore) => {
        expect(parseAmount(formatAmount(ore))).toBe(ore);
      }),
    );
    expect(formatAmount(-5)).toBe("-0.05");
    expect(formatKronor(-1277100)).toBe("-12\u00a0771,00 kr");
  });
});

describe("dates and periods", () => {
  it("turns YYYYMMDD into ISO and refuses dates that do not exist", () => {
    expect(parseDate("20190305")).toBe("2019-03-05");
    expect(parseDate("20240229")).toBe("2024-02-29");
    expect(() => parseDate("20230229")).toThrow(/finns inte/);
    expect(() => parseDate("2019-03-05")).toThrow(/ÅÅÅÅMMDD/);
    expect(parsePeriod("201903")).toBe("201903");
    expect(() => parsePeriod("201913")).toThrow(/ÅÅÅÅMM/);
  });
});
