import { describe, expect, it } from "vitest";
import { readReferenceFiles } from "../../formats/reference/reference-files";
import { REGIONS } from "../reference/regions";
import { allocate } from "./allocate";
import type { AllocationInput, RoundingMode } from "./types";

// Seed 002, decision S2023/00488, annex 1: 62 500 000 kr over the 21 regions "utifrån
// folkmängden den 1 november 2022 enligt SCB", in whole kronor, as printed.
const ANNEX_1: Record<string, number> = {
  "01": 14_486_584,
  "03": 2_378_035,
  "04": 1_797_914,
  "05": 2_804_384,
  "06": 2_193_134,
  "07": 1_214_114,
  "08": 1_472_882,
  "09": 363_580,
  "10": 944_367,
  "12": 8_399_416,
  "13": 2_036_776,
  "14": 10_445_031,
  "17": 1_687_819,
  "18": 1_828_722,
  "19": 1_667_805,
  "20": 1_713_925,
  "21": 1_708_504,
  "22": 1_446_389,
  "23": 787_491,
  "24": 1_641_366,
  "25": 1_481_762,
};

function annexInput(rounding: RoundingMode): AllocationInput {
  const file = readReferenceFiles().populations.find((p) => p.file === "population-2022-11-01-counties.csv");
  if (!file) throw new Error("population-2022-11-01-counties.csv is not shipped");
  const population = new Map(file.rows.map((r) => [r.areaCode, r.population]));
  return {
    total: 62_500_000 * 100,
    unit: 100,
    rounding,
    lines: REGIONS.map((r) => ({ key: r.countyCode, label: r.name, method: "weight", weight: population.get(r.countyCode)!, basis: "Folkmängd 2022-11-01 (SCB)" })),
  };
}

describe("seed 002, annex 1, recomputed from the shipped population of 2022-11-01", () => {
  it("nearest krona with the difference on the largest share gives all 21 amounts and the total", () => {
    const result = allocate(annexInput("nearest-largest"));
    expect(Object.fromEntries(result.shares.map((s) => [s.key, s.amount / 100]))).toEqual(ANNEX_1);
    expect(result.total).toBe(62_500_000 * 100);
    expect(result.difference).toBe(0);
    const stockholm = result.shares.find((s) => s.key === "01")!;
    expect(stockholm.amount).toBe(14_486_584 * 100);
    expect(stockholm.explanation).toMatch(/avrundat till närmaste krona: 14\s486\s585\skr; som största andel tar raden avrundningsdifferensen -1\skr/);
    expect(result.shares.find((s) => s.key === "09")!.explanation).toMatch(/avrundat till närmaste krona \(exakt hälft uppåt\): 363\s580\skr/);
  });

  it("largest remainder, the fixed-total rule before, matches 19 of the 21", () => {
    const result = allocate(annexInput("largest-remainder"));
    const differing = result.shares.filter((s) => s.amount !== ANNEX_1[s.key]! * 100).map((s) => s.key);
    expect(differing).toHaveLength(2);
    expect(result.total).toBe(62_500_000 * 100);
  });
});
