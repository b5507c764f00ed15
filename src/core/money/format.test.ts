import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Fraction } from "../fraction";
import { formatAmount, formatExactAmount, formatUnitName, parseUnit, roundForDisplay, unitToOre } from "./index";

const S = "\u00a0";

describe("formatAmount", () => {
  it("writes Swedish amounts with no-break spaces", () => {
    expect(formatAmount(164_000_000, "tkr")).toBe(`1${S}640${S}tkr`);
    expect(formatAmount(503_994_400, "kr")).toBe(`5${S}039${S}944${S}kr`);
    expect(formatAmount(-66_374_000, "kr")).toBe(`-663${S}740${S}kr`);
    expect(formatAmount(19_000_000_000, "mkr")).toBe(`190${S}mkr`);
    expect(formatAmount(50, "öre")).toBe(`50${S}öre`);
    expect(formatAmount(0, "kr")).toBe(`0${S}kr`);
  });

  it("shows öre in kr unless told otherwise", () => {
    expect(formatAmount(163_750, "kr")).toBe(`1${S}637,50${S}kr`);
    expect(formatAmount(163_750, "kr", { decimals: 0 })).toBe(`1${S}638${S}kr`);
  });

  it("rounds half away from zero in tkr and mkr", () => {
    expect(formatAmount(1_146_250_000, "tkr")).toBe(`11${S}463${S}tkr`);
    expect(formatAmount(-1_146_250_000, "tkr")).toBe(`-11${S}463${S}tkr`);
    expect(formatAmount(1_146_249_999, "tkr")).toBe(`11${S}462${S}tkr`);
    expect(formatAmount(1_146_250_000, "tkr", { decimals: 1 })).toBe(`11${S}462,5${S}tkr`);
    expect(formatAmount(25_000_000, "mkr", { decimals: 2, suffix: false })).toBe("0,25");
  });

  it("never writes minus zero", () => {
    expect(formatAmount(-40_000, "tkr")).toBe(`0${S}tkr`);
  });

  it("rejects amounts that are not whole öre", () => {
    expect(() => formatAmount(1.5, "kr")).toThrow(/helt antal öre/);
  });
});

describe("formatExactAmount", () => {
  it("marks inexact quotas", () => {
    expect(formatExactAmount(Fraction.of(100, 3), "kr")).toEqual({ text: `0,33${S}kr`, exact: false });
    expect(formatExactAmount(Fraction.of(163_750), "kr")).toEqual({ text: `1${S}637,50${S}kr`, exact: true });
  });
});

describe("roundForDisplay", () => {
  it("says what display rounding changed", () => {
    // Seed 001: Blekinge 128 544 + 23 911 + 10 497 tkr shown, 162 951 tkr total shown.
    expect(roundForDisplay(1_146_250_000, "tkr")).toEqual({ text: `11${S}463${S}tkr`, shown: 1_146_300_000, difference: 50_000 });
    expect(roundForDisplay(12_345, "tkr")).toEqual({ text: `0${S}tkr`, shown: 0, difference: -12_345 });
  });

  it("shown − difference is always the amount, and |difference| ≤ half a unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.constantFrom("kr", "tkr", "mkr") as fc.Arbitrary<"kr" | "tkr" | "mkr">, (ore, unit) => {
        const r = roundForDisplay(ore, unit);
        expect(r.shown - r.difference).toBe(ore);
        expect(Math.abs(r.difference) * 2).toBeLessThanOrEqual(unitToOre(unit));
        expect(r.shown % unitToOre(unit) === 0).toBe(true);
      }),
    );
  });
});

describe("units", () => {
  it("maps unit names to öre", () => {
    expect(unitToOre("tkr")).toBe(100_000);
    expect(unitToOre("mkr")).toBe(100_000_000);
    expect(parseUnit("Mkr")).toBe(100_000_000);
    expect(parseUnit("mnkr")).toBe(100_000_000);
    expect(parseUnit("miljoner  kronor")).toBe(100_000_000);
    expect(parseUnit("mdkr")).toBe(100_000_000_000);
    expect(parseUnit("euro")).toBeNull();
  });

  it("names a rounding unit", () => {
    expect(formatUnitName(100)).toBe(`1${S}kr`);
    expect(formatUnitName(100_000)).toBe(`1${S}tkr`);
    expect(formatUnitName(1_000_000)).toBe(`10${S}tkr`);
    expect(formatUnitName(50)).toBe(`50${S}öre`);
    expect(formatUnitName(100_000_000)).toBe(`1${S}mkr`);
    expect(() => formatUnitName(0)).toThrow();
  });
});
