import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { thrownBy } from "../../../test/helpers/thrown";
import { PopulationFileError } from "./population-file-error";
import { parseProjectPopulationCsv } from "./project-csv";

const shipped = (name: string) => readFileSync(new URL(`../../../data/reference/${name}`, import.meta.url), "utf8");

const messageOf = (run: () => unknown): string => thrownBy(PopulationFileError, run).message;

describe("parseProjectPopulationCsv", () => {
  it("reads the shipped 2021 county file with the date from its name", () => {
    const { rows } = parseProjectPopulationCsv(shipped("population-2021-12-31-counties.csv"), { fileName: "population-2021-12-31-counties.csv" });
    expect(rows).toEqual([
      { areaCode: "00", date: "2021-12-31", population: 10_452_326 },
      { areaCode: "07", date: "2021-12-31", population: 203_340 },
      { areaCode: "10", date: "2021-12-31", population: 158_937 },
      { areaCode: "12", date: "2021-12-31", population: 1_402_425 },
      { areaCode: "13", date: "2021-12-31", population: 340_243 },
    ]);
  });

  it("reads the partial 2023 file: riket, 21 counties and 256 municipalities", () => {
    const { rows } = parseProjectPopulationCsv(shipped("population-2023-12-31-partial.csv"), { fileName: "population-2023-12-31-partial.csv" });
    expect(rows).toHaveLength(278);
    expect(rows.filter((r) => r.areaCode.length === 4)).toHaveLength(256);
    const counties = rows.filter((r) => r.areaCode.length === 2 && r.areaCode !== "00");
    expect(counties.reduce((sum, r) => sum + r.population, 0)).toBe(rows.find((r) => r.areaCode === "00")!.population);
  });

  it("takes the caller's date over the file name", () => {
    const { rows } = parseProjectPopulationCsv("code,population\n0780,97574\n", { fileName: "x.csv", date: "2023-12-31" });
    expect(rows).toEqual([{ areaCode: "0780", date: "2023-12-31", population: 97_574 }]);
  });

  it("refuses a missing date, a missing column, a bad level, bad values and unknown codes", () => {
    expect(messageOf(() => parseProjectPopulationCsv("code,population\n07,1\n", { fileName: "x.csv" }))).toContain("datum saknas");
    expect(messageOf(() => parseProjectPopulationCsv("code,name\n07,Kronoberg\n", { fileName: "p-2021-12-31.csv" }))).toBe(
      'p-2021-12-31.csv, rad 1, fält "population": kolumnen "population" saknas i rubrikraden (code, name)',
    );
    expect(messageOf(() => parseProjectPopulationCsv("code,level,population\n0780,lan,1\n", { fileName: "p-2021-12-31.csv" }))).toContain(
      'rad 2, fält "level": nivån "lan" passar inte koden 0780',
    );
    expect(messageOf(() => parseProjectPopulationCsv("code,population\n07,1\n10,tio\n", { fileName: "p-2021-12-31.csv" }))).toBe(
      'p-2021-12-31.csv, rad 3, fält "population": "tio" är inte ett heltal',
    );
    expect(messageOf(() => parseProjectPopulationCsv("code,population\n07,-1\n", { fileName: "p-2021-12-31.csv" }))).toContain("negativ");
    expect(messageOf(() => parseProjectPopulationCsv("code,population\n99,1\n", { fileName: "p-2021-12-31.csv", knownAreaCodes: new Set(["07"]) }))).toContain(
      'okänd områdeskod "99"',
    );
    expect(messageOf(() => parseProjectPopulationCsv("code,population\n07,1\n07,2\n", { fileName: "p-2021-12-31.csv" }))).toContain("två värden");
  });
});
