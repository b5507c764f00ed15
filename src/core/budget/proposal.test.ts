import { describe, expect, it } from "vitest";
import { Fraction } from "../fraction";
import { BudgetError } from "./errors";
import { calculateProposal, type ProposalInput } from "./proposal";

const TKR = 100_000;
const members = ["03", "04", "17", "18", "19", "20", "21"].map((key) => ({ key, label: `Region ${key}` }));

const seed000: ProposalInput = {
  baseAmount: 10_500 * TKR,
  baseLabel: "Budget 2023",
  index: { kind: "percent", percent: "2,5", source: "Budgetdirektiven" },
  additions: [{ label: "Donationsansvarig läkare och sjuksköterska", amount: 700 * TKR, decisionReference: "Samverkansnämnden 2023-02-17" }],
  members,
  split: "equal",
  rounding: { unit: 10 * TKR, direction: "up" },
};

describe("calculateProposal (seed 000)", () => {
  it("uprates 10 500 tkr by 2,5 %, adds 700 tkr and rounds each of 7 parts up to 10 tkr", () => {
    const r = calculateProposal(seed000);
    expect(r.uprating.factor).toEqual({ numerator: "41", denominator: "40" });
    expect(r.uprating.factorText).toBe("1,025");
    expect(Fraction.fromText(r.uprated).equals(10_762_500 * 100)).toBe(true);
    expect(Fraction.fromText(r.exactTotal).equals(11_462_500 * 100)).toBe(true);
    expect(r.members).toHaveLength(7);
    for (const m of r.members) {
      expect(Fraction.fromText(m.exact).equals(1_637_500 * 100)).toBe(true);
      expect(m.rounded).toBe(1_640 * TKR);
      expect(Fraction.fromText(m.difference).equals(2_500 * 100)).toBe(true);
    }
    expect(r.roundedTotal).toBe(11_480 * TKR);
    expect(Fraction.fromText(r.difference).equals(17_500 * 100)).toBe(true);
    expect(r.explanation.join(" ")).toContain("Samverkansnämnden 2023-02-17");
    expect(r.explanation.join(" ").replace(/\u00a0/g, " ")).toContain("11 462,5 tkr");
  });

  it("uses an index series (LPIK) with the exact product of the yearly changes", () => {
    const r = calculateProposal({
      ...seed000,
      additions: [],
      index: { kind: "series", code: "LPIK", fromYear: 2022, toYear: 2024, values: [{ year: 2023, changePercent: "2" }, { year: 2024, changePercent: "3" }] },
      rounding: { unit: 100, direction: "nearest" },
    });
    // 1,02 × 1,03 = 1,0506 exactly.
    expect(r.uprating.factorText).toBe("1,0506");
    expect(Fraction.fromText(r.exactTotal).equals(Fraction.of(10_500 * TKR).mul(Fraction.of(10506, 10000)))).toBe(true);
  });

  it("splits by population with per-share rounding", () => {
    const r = calculateProposal({
      ...seed000,
      members: [
        { key: "a", label: "A", population: 1 },
        { key: "b", label: "B", population: 3 },
      ],
      split: "population",
      populationBasis: "Folkmängd 2021-12-31",
      rounding: { unit: 1_000 * TKR, direction: "down" },
    });
    // 11 462,5 tkr: A 2 865,625 → 2 000 tkr; B 8 596,875 → 8 000 tkr.
    expect(r.members.map((m) => m.rounded)).toEqual([2_000 * TKR, 8_000 * TKR]);
    expect(r.roundedTotal).toBe(10_000 * TKR);
  });

  it("refuses an addition without a decision reference, naming it", () => {
    expect(() => calculateProposal({ ...seed000, additions: [{ label: "Utökning", amount: 1, decisionReference: " " }] })).toThrow(BudgetError);
    expect(() => calculateProposal({ ...seed000, additions: [{ label: "Utökning", amount: 1, decisionReference: "" }] })).toThrow(/Tillägg 1 \(Utökning\)/);
  });

  it("names the missing index year", () => {
    expect(() => calculateProposal({ ...seed000, index: { kind: "series", code: "LPIK", fromYear: 2023, toYear: 2024, values: [] } })).toThrow(/LPIK saknar värde för 2024/);
  });
});
