import { describe, expect, it } from "vitest";
import { assertBalanced, checkFrameChange, type FrameChangeInput } from "./frame-change";

const MKR = 100_000_000;
const seed004: FrameChangeInput = {
  grossIncrease: 214 * MKR,
  reductions: [{ label: "Höjda avgifter och omfördelning till RS för licensavtal", amount: 24 * MKR, reason: "Beslut om höjda avgifter och omfördelning till RS" }],
  lines: [81, 19, 20, 3, 6, 7, 50, 3, 1].map((m, i) => ({ label: `Rad ${i + 1}`, amount: m * MKR })),
};

describe("checkFrameChange (seed 004)", () => {
  it("214 − 24 = 190 mkr, and the nine lines add up to exactly 190 mkr", () => {
    const r = checkFrameChange(seed004);
    expect(r.toAllocate).toBe(190 * MKR);
    expect(r.allocated).toBe(190 * MKR);
    expect(r.unallocated).toBe(0);
    expect(r.state).toBe("balanced");
    expect(r.problems).toEqual([]);
    expect(() => assertBalanced(r)).not.toThrow();
  });

  it("shows what is still unallocated while lines are missing", () => {
    const r = checkFrameChange({ ...seed004, lines: seed004.lines.slice(0, 6) });
    expect(r.unallocated).toBe(54 * MKR);
    expect(r.state).toBe("unallocated");
    expect(r.message.replace(/\u00a0/g, " ")).toBe("Kvar att fördela: 54 mkr av 190 mkr.");
    expect(() => assertBalanced(r)).toThrow(/Kvar att fördela/);
  });

  it("reports over-allocation and faulty fields with their paths", () => {
    const r = checkFrameChange({ ...seed004, lines: [...seed004.lines, { label: "", amount: -5 }], reductions: [{ label: "X", amount: 1, reason: "" }] });
    expect(r.state).toBe("unallocated");
    expect(r.problems.map((p) => p.path)).toEqual(["reductions.0.reason", "lines.9.label", "lines.9.amount"]);
    const over = checkFrameChange({ ...seed004, lines: [...seed004.lines, { label: "Extra", amount: 2 * MKR }] });
    expect(over.state).toBe("overallocated");
    expect(over.unallocated).toBe(-2 * MKR);
  });
});
