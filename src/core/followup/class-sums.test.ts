import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountClassifier } from "./account-class";
import { sumsByClass, type AccountSum } from "./class-sums";

const classify = accountClassifier([]);
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe("sums per account class", () => {
  it("adds up accounts of one class per dimension, period and object, keeps a sum of zero, and leaves balance accounts out", () => {
    const sums: AccountSum[] = [
      { dimension: 0, period: 202401, object: "", account: "3010", amount: -500 },
      { dimension: 0, period: 202401, object: "", account: "3020", amount: -250 },
      { dimension: 0, period: 202401, object: "", account: "7010", amount: 300 },
      { dimension: 0, period: 202401, object: "", account: "7020", amount: -300 },
      { dimension: 6, period: 202401, object: "P1", account: "3010", amount: -500 },
      { dimension: 0, period: 202401, object: "", account: "1930", amount: 450 },
    ];
    expect(sorted(sumsByClass(sums, classify))).toEqual(sorted([
      { dimension: 0, period: 202401, object: "", class: "income", amount: -750 },
      { dimension: 0, period: 202401, object: "", class: "staff", amount: 0 },
      { dimension: 6, period: 202401, object: "P1", class: "income", amount: -500 },
    ]));
  });

  it("gives what summing by a joined key gives, for any sums", () => {
    const sum = fc.record({
      dimension: fc.constantFrom(0, 1, 6),
      period: fc.constantFrom(202400, 202401, 202412),
      object: fc.constantFrom("", "P1", "K 2"),
      account: fc.constantFrom("1930", "3010", "4010", "5010", "7010", "8310"),
      amount: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    });
    fc.assert(
      fc.property(fc.array(sum, { maxLength: 40 }), (sums) => {
        const expected = new Map<string, number>();
        for (const s of sums) {
          const klass = classify(s.account).class;
          if (klass === "balance") continue;
          const key = JSON.stringify([s.dimension, s.period, s.object, klass]);
          expected.set(key, (expected.get(key) ?? 0) + s.amount);
        }
        const actual = new Map(sumsByClass(sums, classify).map((c) => [JSON.stringify([c.dimension, c.period, c.object, c.class]), c.amount]));
        expect(actual).toEqual(expected);
      }),
    );
  });
});
