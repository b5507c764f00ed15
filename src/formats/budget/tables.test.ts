import { describe, expect, it } from "vitest";
import { baseShareNote } from "./tables";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("the subscription's base share note", () => {
  it("writes halves of an odd total with the decimal they need, so the parts add up to the total beside them", () => {
    // Seed 001: 537 657 tkr, half fixed: 268 828 500 kr each, not 268 829 tkr twice (537 658 tkr).
    expect(plain(baseShareNote("50", 26_882_850_000, 26_882_850_000))).toBe("Grundandel 50 %: fast del 268 828,5 tkr, rörlig del efter förbrukning 268 828,5 tkr, tillsammans 537 657,0 tkr.");
  });

  it("keeps whole tkr when they are exact", () => {
    expect(plain(baseShareNote("40", 40_000_000, 60_000_000))).toBe("Grundandel 40 %: fast del 400 tkr, rörlig del efter förbrukning 600 tkr, tillsammans 1 000 tkr.");
  });
});
