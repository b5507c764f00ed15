import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePopulationFile } from "./parse-population-file";

const bytes = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url));

describe("parsePopulationFile", () => {
  it("detects JSON-stat, SCB CSV and the project CSV", () => {
    expect(parsePopulationFile(bytes("test/fixtures/scb/befolkmanad-2022M10.json"), { fileName: "a" }).format).toBe("jsonstat");
    const latin = parsePopulationFile(bytes("test/fixtures/scb/folkmangd-latin1-semikolon.csv"), { fileName: "b" });
    expect([latin.format, latin.encoding]).toEqual(["scb-csv", "windows-1252"]);
    const project = parsePopulationFile(bytes("data/reference/population-2021-12-31-counties.csv"), { fileName: "population-2021-12-31-counties.csv" });
    expect(project.format).toBe("project-csv");
    expect(project.rows).toHaveLength(5);
  });

  it("refuses a date for a file that carries its own periods, and JSON given as CSV", () => {
    expect(() => parsePopulationFile(bytes("test/fixtures/scb/folkmangd-tab.csv"), { fileName: "t.csv", date: "2023-12-31" })).toThrow(/ett datum kan bara anges/);
    expect(() => parsePopulationFile(bytes("test/fixtures/scb/befolkmanad-2022M10.json"), { fileName: "a.json", format: "csv" })).toThrow(/filen är JSON, inte CSV/);
  });
});
