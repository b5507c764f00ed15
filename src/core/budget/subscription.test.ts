import { describe, expect, it } from "vitest";
import { compareStatedTotals } from "./stated-totals";
import { calculateSubscription, type SubscriptionInput } from "./subscription";
import { seed001Subscription } from "./seed-001-subscription";

const TKR = 100_000;

describe("calculateSubscription", () => {
  it("seed 001: row and column totals from the cells; 537 655 tkr by columns, the printed Blekinge row is 1 tkr short", () => {
    const r = calculateSubscription(seed001Subscription.input);
    expect(r.rowTotals["10"]).toBe(162_952 * TKR);
    expect(r.rowTotals["13"]).toBe(157_069 * TKR);
    expect(r.columnTotals["SUS"]).toBe(400_171 * TKR);
    expect(r.columnTotals["KRO-RPK"]).toBe(74_890 * TKR);
    expect(r.total).toBe(537_657 * TKR);
    expect(r.fixedTotal + r.variableTotal).toBe(r.total);
    const checks = compareStatedTotals(r, seed001Subscription.stated);
    expect(checks.map((c) => [c.where, c.difference / TKR])).toEqual([
      ["Raden Blekinge", -1],
      ["Kolumnen Skåne (SUS)", -1],
      ["Kolumnen Blekinge (thorax)", -1],
      ["Totalen", -2],
    ]);
    expect(checks[0]!.message.replace(/\u00a0/g, " ")).toContain("162 952 tkr, källan anger 162 951 tkr");
  });

  it("splits into a 50 % base and a variable part settled by consumption, and uprates by an index", () => {
    const input: SubscriptionInput = {
      buyers: [{ key: "B", label: "Köpare" }],
      sellers: [{ key: "S", label: "Säljare" }],
      cells: [{ buyer: "B", seller: "S", amount: 1_000_001, consumption: "1,1" }],
      baseSharePercent: "50",
      uprating: { kind: "series", code: "LPIK", fromYear: 2023, toYear: 2024, values: [{ year: 2024, changePercent: "3,3" }] },
    };
    const r = calculateSubscription(input);
    const cell = r.cells[0]!;
    expect(cell.fixed).toBe(500_001);
    expect(cell.variable).toBe(500_000);
    expect(cell.settledVariable).toBe(550_000);
    expect(r.settledTotal).toBe(1_050_001);
    // 1 000 001 × 1,033 = 1 033 001,033 öre → 1 033 000 öre to the krona.
    expect(cell.uprated).toBe(1_033_000);
  });

  it("refuses a cell with an unknown buyer, naming it", () => {
    expect(() => calculateSubscription({ buyers: [], sellers: [{ key: "S", label: "S" }], cells: [{ buyer: "X", seller: "S", amount: 1 }], baseSharePercent: "50" })).toThrow(/Cell 1 \(X × S\): okänd köpare/);
  });
});
