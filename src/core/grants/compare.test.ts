import { describe, expect, it } from "vitest";
import { roundingVerdict } from "./compare";

describe("roundingVerdict", () => {
  it("names the rule that reproduces the annex, or the closest when none does", () => {
    expect(roundingVerdict([{ rounding: "largest-remainder", differing: 2 }, { rounding: "nearest-largest", differing: 0 }], 21)).toBe(
      "Bilagans belopp återges exakt med avrundningsregeln närmaste krona med differensen på största andelen.",
    );
    expect(roundingVerdict([{ rounding: "largest-remainder", differing: 0 }, { rounding: "nearest-largest", differing: 0 }], 6)).toMatch(/varje avrundningsregel som prövats/);
    expect(roundingVerdict([{ rounding: "largest-remainder", differing: 21 }, { rounding: "nearest-largest", differing: 20 }], 21)).toMatch(/närmast kommer närmaste krona med differensen på största andelen, där 20 av 21/);
    expect(roundingVerdict([], 21)).toBeNull();
  });
});
