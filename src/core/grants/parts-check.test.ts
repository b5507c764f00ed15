import { describe, expect, it } from "vitest";
import { checkDistribution, checkParts } from "./parts-check";

const kr = (n: number) => n * 100;

describe("checkParts", () => {
  it("balances seed 002: 103 500 000 + 62 500 000 + 60 000 000 = 226 000 000", () => {
    const parts = [3_000_000, 68_000_000, 5_000_000, 10_000_000, 17_500_000, 62_500_000, 60_000_000].map((a) => ({ amount: kr(a) }));
    const check = checkParts(kr(226_000_000), parts);
    expect(check).toMatchObject({ sum: kr(226_000_000), difference: 0, balanced: true });
  });

  it("says how much is missing or too much", () => {
    const short = checkParts(kr(226_000_000), [{ amount: kr(225_000_000) }]);
    expect(short.difference).toBe(-kr(1_000_000));
    expect(short.message.replace(/\u00a0/g, " ")).toBe("Delarna summerar till 225 000 000 kr, 1 000 000 kr mindre än beslutets totalbelopp 226 000 000 kr.");
    const over = checkParts(kr(100), [{ amount: kr(60) }, { amount: kr(41) }]);
    expect(over).toMatchObject({ difference: kr(1), balanced: false });
    expect(over.message).toMatch(/1\u00a0kr mer än/);
  });

  it("speaks of recipients for a distribution", () => {
    expect(checkDistribution(kr(10), [{ amount: kr(9) }]).message).toMatch(/^Mottagarnas belopp summerar till 9\u00a0kr, 1\u00a0kr mindre än delens belopp 10\u00a0kr/);
  });
});
