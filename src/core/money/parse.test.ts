import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MoneyError, formatAmount, parseAmount } from "./index";

function reason(text: string): string | undefined {
  try {
    parseAmount(text);
  } catch (e) {
    if (e instanceof MoneyError) return e.reason;
    throw e;
  }
  return undefined;
}

describe("parseAmount", () => {
  it.each([
    ["1 640 tkr", 164_000_000],
    ["5 039 944 kronor", 503_994_400],
    ["5 039 944 kr", 503_994_400],
    ["10 mnkr", 1_000_000_000],
    ["190 mkr", 19_000_000_000],
    ["44 Mkr", 4_400_000_000],
    ["-663 740", -66_374_000],
    ["- 1 417 342", -141_734_200],
    ["11 462,5 tkr", 1_146_250_000],
    ["2,5 mkr", 250_000_000],
    ["1 637,50 kr", 163_750],
    ["10 miljoner kronor", 1_000_000_000],
    ["440 miljoner kronor", 44_000_000_000],
    ["2 miljarder", 200_000_000_000],
    ["1,5 mdkr", 150_000_000_000],
    ["50 öre", 50],
    ["0,50 kr", 50],
    ["1,640 kr", 164],
    ["5039944", 503_994_400],
    ["100kr", 10_000],
    ["+12 kr", 1_200],
    ["-0", 0],
  ])("reads %s", (text, ore) => {
    expect(parseAmount(text)).toBe(ore);
  });

  it("accepts no-break, narrow no-break spaces and the Unicode minus", () => {
    expect(parseAmount("1\u00a0640\u00a0tkr")).toBe(164_000_000);
    expect(parseAmount("5\u202f039\u202f944\u00a0kr")).toBe(503_994_400);
    expect(parseAmount("\u2212663\u00a0740")).toBe(-66_374_000);
    expect(parseAmount("\u2212 1 417 342 kr")).toBe(-141_734_200);
  });

  it("uses the default unit for unit-less text", () => {
    expect(parseAmount("1 640", { defaultUnit: "tkr" })).toBe(164_000_000);
    expect(parseAmount("1 640 kr", { defaultUnit: "tkr" })).toBe(164_000);
  });

  it("rejects a dot as ambiguous and tells how to write it", () => {
    expect(() => parseAmount("1.640")).toThrow(MoneyError);
    expect(() => parseAmount("1.640")).toThrow(/komma för decimaler och mellanslag för tusental/);
    expect(reason("1.640")).toBe("ambiguous-separator");
    expect(reason("1,640,000")).toBe("ambiguous-separator");
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["1 64 0", "bad-grouping"],
    ["1 640000", "bad-grouping"],
    ["1640 000", "bad-grouping"],
    ["1  640", "bad-grouping"],
    ["12a3", "malformed"],
    ["abc", "malformed"],
    ["kr 100", "malformed"],
    ["-", "malformed"],
    ["5,", "malformed"],
    ["5, 5", "malformed"],
    ["100 tkr kr", "multiple-units"],
    ["100 kr tkr", "multiple-units"],
    ["100 euro", "unknown-unit"],
    ["100 kr abc", "unknown-unit"],
    ["1,234 kr", "sub-ore"],
    ["0,001 kr", "sub-ore"],
    ["1,5 öre", "sub-ore"],
    ["90 071 992 547 409,92 kr", "overflow"],
    ["100 000 000 mdkr", "overflow"],
  ])("rejects %j (%s)", (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it("says what is wrong in Swedish and quotes the input", () => {
    expect(() => parseAmount("1 64 0")).toThrow(/"1 64 0".*grupper om tre/);
    expect(() => parseAmount("1,234 kr")).toThrow(/hela öre/);
  });

  it("accepts the largest safe amount and nothing above it", () => {
    expect(parseAmount("9 007 199 254 740 991 öre")).toBe(Number.MAX_SAFE_INTEGER);
    expect(reason("9 007 199 254 740 992 öre")).toBe("overflow");
  });

  it("round-trips formatAmount for any safe whole-krona amount", () => {
    const maxKr = Math.floor(Number.MAX_SAFE_INTEGER / 100);
    fc.assert(
      fc.property(fc.integer({ min: -maxKr, max: maxKr }), (kr) => {
        const ore = kr * 100;
        expect(parseAmount(formatAmount(ore, "kr"))).toBe(ore);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips any safe amount of öre written in kr with decimals", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (ore) => {
        expect(parseAmount(formatAmount(ore, "kr", { decimals: 2 }))).toBe(ore === 0 ? 0 : ore);
        expect(parseAmount(formatAmount(ore, "öre"))).toBe(ore);
      }),
      { numRuns: 2000 },
    );
  });

  it("never returns a non-safe integer", () => {
    const chars = fc.constantFrom("0", "1", "5", "9", " ", ",", "-", "\u00a0", "k", "r", "t", "m");
    const units = fc.constantFrom("", " kr", " tkr", " mkr", " mdkr", " öre", " kronor");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), units, (cs, unit) => {
        const text = cs.join("") + unit;
        try {
          const ore = parseAmount(text);
          expect(Number.isSafeInteger(ore)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(MoneyError);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("never returns a non-safe integer for long digit strings in any unit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,25}(,\d{1,12})?$/), fc.constantFrom("öre", "kr", "tkr", "mkr", "mdkr"), (n, unit) => {
        const text = `${n} ${unit}`;
        try {
          expect(Number.isSafeInteger(parseAmount(text))).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(MoneyError);
          expect(["overflow", "sub-ore"]).toContain((e as MoneyError).reason);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
