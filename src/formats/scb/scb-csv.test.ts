import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { thrownBy } from "../../../test/helpers/thrown";
import { decodeText } from "./decode";
import { PopulationFileError } from "./population-file-error";
import { parseScbCsv } from "./scb-csv";

const fixture = (name: string) => decodeText(readFileSync(new URL(`../../../test/fixtures/scb/${name}`, import.meta.url)));

const messageOf = (run: () => unknown): string => thrownBy(PopulationFileError, run).message;

describe("parseScbCsv", () => {
  it("reads a UTF-8 download with BOM, a period column and a breakdown by sex", () => {
    const { text, encoding } = fixture("folkmangd-utf8-bom.csv");
    expect(encoding).toBe("utf-8");
    const { rows } = parseScbCsv(text, { fileName: "folkmangd-utf8-bom.csv" });
    expect(rows).toEqual([
      { areaCode: "00", date: "2022-10-31", population: 10_508_541 },
      { areaCode: "10", date: "2022-10-31", population: 158_677 },
      { areaCode: "23", date: "2022-10-31", population: 132_151 },
      { areaCode: "2380", date: "2022-10-31", population: 64_810 },
    ]);
  });

  it("reads a Windows-1252 download with semicolons, a title, two years and footnotes", () => {
    const { text, encoding } = fixture("folkmangd-latin1-semikolon.csv");
    expect(encoding).toBe("windows-1252");
    const parsed = parseScbCsv(text, { fileName: "f.csv" });
    expect(parsed.title).toBe("Folkmängd efter region och år");
    expect(parsed.rows).toHaveLength(6);
    expect(parsed.rows).toContainEqual({ areaCode: "13", date: "2021-12-31", population: 340_243 });
    expect(parsed.rows).toContainEqual({ areaCode: "2380", date: "2022-12-31", population: 64_881 });
  });

  it("reads tab-separated text with a 'Folkmängd 2023' header", () => {
    const { rows } = parseScbCsv(fixture("folkmangd-tab.csv").text, { fileName: "t.csv" });
    expect(rows).toEqual([
      { areaCode: "00", date: "2023-12-31", population: 10_551_707 },
      { areaCode: "0180", date: "2023-12-31", population: 988_943 },
    ]);
  });

  it("reads the long layout with a period column and the figure last", () => {
    const { rows } = parseScbCsv('"region","år","Folkmängd"\n"07 Kronobergs län","2021",203340\n"07 Kronobergs län","2023",203686\n', { fileName: "l.csv" });
    expect(rows).toEqual([
      { areaCode: "07", date: "2021-12-31", population: 203_340 },
      { areaCode: "07", date: "2023-12-31", population: 203_686 },
    ]);
  });

  it("names file, line and field of a bad value", () => {
    const text = '"region","2021"\n"10 Blekinge län",158937\n"12 Skåne län",14O2425\n';
    expect(messageOf(() => parseScbCsv(text, { fileName: "scb.csv" }))).toBe('scb.csv, rad 3, fält "2021": "14O2425" är inte ett heltal');
    expect(messageOf(() => parseScbCsv('"region","2021"\n"10 Blekinge län",-5\n', { fileName: "scb.csv" }))).toBe('scb.csv, rad 2, fält "2021": folkmängden -5 är negativ');
    expect(messageOf(() => parseScbCsv('"region","2021"\n"10 Blekinge län",..\n', { fileName: "scb.csv" }))).toContain('rad 2, fält "2021": värde saknas');
  });

  it("refuses a missing region column or period, short rows, duplicates and unknown regions", () => {
    expect(messageOf(() => parseScbCsv('"län","2021"\n"10 Blekinge län",158937\n', { fileName: "a.csv" }))).toContain('kolumnen "region"');
    expect(messageOf(() => parseScbCsv('"region","ålder"\n"10 Blekinge län","tot"\n', { fileName: "a.csv" }))).toContain("ingen period i rubrikraden");
    expect(messageOf(() => parseScbCsv('"region","ålder","2021"\n"10 Blekinge län",158937\n', { fileName: "a.csv" }))).toBe("a.csv, rad 2: raden har 2 fält men rubrikraden 3");
    expect(messageOf(() => parseScbCsv('"region","2021"\n"10 Blekinge",1\n"10 Blekinge län",2\n', { fileName: "a.csv" }))).toContain("förekommer två gånger");
    expect(messageOf(() => parseScbCsv('"region","2021"\n"Blekinge län",1\n', { fileName: "a.csv" }))).toContain('rad 2, fält "region": "Blekinge län" börjar inte med en områdeskod');
    const known = new Set(["00", "10"]);
    expect(messageOf(() => parseScbCsv('"region","2021"\n"10 Blekinge län",1\n"11 Kristianstads län",2\n', { fileName: "a.csv", knownAreaCodes: known }))).toBe(
      'a.csv, rad 3, fält "region": okänd områdeskod "11"',
    );
  });
});
