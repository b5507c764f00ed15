import { describe, expect, it } from "vitest";
import { cooperationRegionOfMunicipality } from "../../core/reference/cooperation-regions";
import { REGIONS } from "../../core/reference/regions";
import { readReferenceFiles } from "./reference-files";

describe("readReferenceFiles", () => {
  const files = readReferenceFiles();

  it("reads 21 counties matching the regions and 290 municipalities with four-digit codes", () => {
    expect(files.counties.map((c) => c.code)).toEqual(REGIONS.map((r) => r.countyCode));
    expect(files.municipalities).toHaveLength(290);
    expect(files.municipalities.every((m) => /^\d{4}$/.test(m.code) && m.code.startsWith(m.countyCode))).toBe(true);
    expect(files.municipalities.find((m) => m.code === "1380")).toEqual({ code: "1380", name: "Halmstad", countyCode: "13" });
  });

  it("places every municipality in exactly one cooperation region", () => {
    expect(files.municipalities.filter((m) => !cooperationRegionOfMunicipality(m))).toEqual([]);
  });

  it("reads the shipped population files, whose sources name no file", () => {
    expect(files.populations.map((p) => [p.file, p.rows.length])).toEqual([
      ["population-2021-12-31-counties.csv", 5],
      ["population-2022-11-01-counties.csv", 22],
      ["population-2023-12-31-partial.csv", 278],
    ]);
    expect(files.populations.filter((p) => /\.csv|data\//.test(p.source))).toEqual([]);
  });
});
