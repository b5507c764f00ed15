import { describe, expect, it } from "vitest";
import { Fraction } from "../fraction";
import { calculateJointFinancing } from "./joint-financing";

// Population 2021-12-31 (data/reference/population-2021-12-31-counties.csv).
const sodra = [
  { key: "10", label: "Region Blekinge", population: 158_937 },
  { key: "07", label: "Region Kronoberg", population: 203_340 },
  { key: "12", label: "Region Skåne", population: 1_402_425 },
  { key: "13", label: "Region Halland", population: 340_243 },
];
const area = { code: "SVR-SODRA", name: "Södra sjukvårdsregionen", date: "2021-12-31", description: "hela medlemsregioner" };

describe("calculateJointFinancing", () => {
  it("seed 001: 0,50 kr × 2 104 945 = 1 052 472,50 kr, rounded down to 1 052 472 kr, parts adding up", () => {
    const r = calculateJointFinancing({ method: "per_inhabitant", ratePerInhabitant: "0,50", area, members: sodra, rounding: { unit: 100, direction: "down" } });
    expect(r.population).toBe(2_104_945);
    expect(Fraction.fromText(r.exactTotal).equals(105_247_250)).toBe(true);
    expect(r.total).toBe(105_247_200);
    expect(r.parts.reduce((s, p) => s + p.amount, 0)).toBe(r.total);
    for (const p of r.parts) {
      expect(Fraction.fromText(p.exact).equals(Fraction.of(50).mul(p.population!))).toBe(true);
      expect(Fraction.fromText(p.difference).abs().compare(100)).toBeLessThan(0);
    }
    expect(r.parts.map((p) => p.amount / 100)).toEqual([79_469, 101_670, 701_212, 170_121]);
    expect(r.explanation[0]!.replace(/\u00a0/g, " ")).toBe("0,50 kr × 2 104 945 invånare = 1 052 472,50 kr, avrundat nedåt till hela 1 kr: 1 052 472 kr.");
    expect(r.explanation[1]).toContain("2021-12-31");
  });

  it("splits equally and by agreed shares, exactly", () => {
    const eq = calculateJointFinancing({ method: "equal", total: 1_000, members: sodra.slice(0, 3), rounding: { unit: 1, direction: "nearest" } });
    expect(eq.parts.map((p) => p.amount)).toEqual([334, 333, 333]);
    const agreed = calculateJointFinancing({
      method: "agreed",
      total: 100_000,
      members: [
        { key: "a", label: "A", sharePercent: "12,5" },
        { key: "b", label: "B", sharePercent: "87,5" },
      ],
      rounding: { unit: 100, direction: "nearest" },
    });
    expect(agreed.parts.map((p) => p.amount)).toEqual([12_500, 87_500]);
  });

  it("names a member without population", () => {
    expect(() => calculateJointFinancing({ method: "per_inhabitant", ratePerInhabitant: "0,50", area, members: [{ key: "x", label: "Region X" }], rounding: { unit: 100, direction: "down" } })).toThrow(/Medlem 1 \(Region X\) saknar folkmängd/);
  });
});
