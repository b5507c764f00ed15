import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScbJsonStat } from "./jsonstat";
import { periodToDate } from "./period";

const REGIONS = ["00", "01", "0114", "13", "1380"];
const MONTHS = ["2022M09", "2022M10", "2022M11"];

interface Table {
  regions: string[];
  months: string[];
  sexes: string[];
  order: number[];
  value: (r: number, m: number, s: number) => number;
}

const table = fc
  .record({
    regionCount: fc.integer({ min: 1, max: REGIONS.length }),
    monthCount: fc.integer({ min: 1, max: MONTHS.length }),
    sexCount: fc.integer({ min: 1, max: 2 }),
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(
    ({ regionCount, monthCount, sexCount, order, seed }): Table => ({
      regions: REGIONS.slice(0, regionCount),
      months: MONTHS.slice(0, monthCount),
      sexes: ["1", "2"].slice(0, sexCount),
      order,
      value: (r, m, s) => ((seed + r * 7_919 + m * 104_729 + s * 1_299_709) % 5_000_000) + 1,
    }),
  );

/** Lays the table out as SCB would, in the given dimension order, row-major. */
function toJsonStat(t: Table): string {
  const dims = [
    { id: "Region", codes: t.regions },
    { id: "Kon", codes: t.sexes },
    { id: "ContentsCode", codes: ["000003O5"] },
    { id: "Tid", codes: t.months },
  ];
  const ordered = t.order.map((i) => dims[i]!);
  const sizes = ordered.map((d) => d.codes.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  const value: number[] = [];
  for (let flat = 0; flat < total; flat++) {
    const pos: Record<string, number> = {};
    let rest = flat;
    for (let d = ordered.length - 1; d >= 0; d--) {
      pos[ordered[d]!.id] = rest % sizes[d]!;
      rest = Math.floor(rest / sizes[d]!);
    }
    value.push(t.value(pos.Region!, pos.Tid!, pos.Kon!));
  }
  const dimension = Object.fromEntries(
    dims.map((d) => [d.id, { label: d.id, category: { index: Object.fromEntries(d.codes.map((c, i) => [c, i])), label: Object.fromEntries(d.codes.map((c) => [c, c])) } }]),
  );
  return JSON.stringify({ class: "dataset", version: "2.0", id: ordered.map((d) => d.id), size: sizes, dimension, value });
}

describe("parseScbJsonStat (property)", () => {
  it("gives each region and month the sum over sexes, whatever the dimension order", () => {
    fc.assert(
      fc.property(table, (t) => {
        const rows = parseScbJsonStat(toJsonStat(t), { fileName: "p.json" }).rows;
        const expected = t.regions.flatMap((region, r) =>
          t.months.map((month, m) => ({
            areaCode: region,
            date: periodToDate(month)!,
            population: t.sexes.reduce((sum, _, s) => sum + t.value(r, m, s), 0),
          })),
        );
        expect(rows).toHaveLength(expected.length);
        expect(rows).toEqual(expect.arrayContaining(expected));
      }),
    );
  });
});
