import { describe, expect, it } from "vitest";
import { displayAmount, displayAmountWithUnit, displayDecimal, displayInteger, displayPercent, plainKronor } from "./amount-text";

const spaces = (s: string) => s.replace(/\u00a0/g, " ");

describe("amount text", () => {
  it("writes plain kronor for spreadsheets, with a decimal comma only when there are öre", () => {
    expect(plainKronor(503_994_400)).toBe("5039944");
    expect(plainKronor(503_994_450)).toBe("5039944,50");
    expect(plainKronor(-66_374_000)).toBe("-663740");
    expect(plainKronor(-5)).toBe("-0,05");
    expect(plainKronor(0)).toBe("0");
  });

  it("shows amounts in kr, tkr and mkr exactly, grouped with no-break spaces", () => {
    expect(spaces(displayAmount(503_994_400, "kr"))).toBe("5 039 944");
    expect(spaces(displayAmount(503_994_450, "kr"))).toBe("5 039 944,50");
    expect(spaces(displayAmount(163_750_000, "tkr"))).toBe("1 637,5");
    expect(spaces(displayAmount(-141_734_200, "kr"))).toBe("-1 417 342");
    expect(spaces(displayAmountWithUnit(19_000_000_000, "mkr"))).toBe("190 mkr");
    expect(displayAmount(0, "mkr")).toBe("0");
  });

  it("shows integers, percents and exact decimals the Swedish way", () => {
    expect(spaces(displayInteger(2_104_945))).toBe("2 104 945");
    expect(spaces(displayPercent(2.5))).toBe("2,5 %");
    expect(spaces(displayDecimal("-1234.5", 4))).toBe("-1 234,5000");
    expect(displayDecimal("1234.5", undefined, false)).toBe("1234,5");
  });
});
