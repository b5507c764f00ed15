import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { installPath } from "../../install-root";
import { parse } from "csv-parse/sync";
import type { Municipality } from "../../core/reference/municipalities";
import { parseProjectPopulationCsv } from "../scb/project-csv";
import type { PopulationRow } from "../scb/population-row";

export const REFERENCE_DIR = pathToFileURL(installPath("data", "reference") + "/");

export interface County {
  code: string;
  name: string;
  shortName: string;
}

export interface ShippedPopulation {
  file: string;
  source: string;
  rows: PopulationRow[];
}

/**
 * Population files shipped in data/reference, with the source text stored beside each figure.
 * The source is shown in decisions, so it names the statistics, never a file; `formerSources`
 * are texts earlier versions stored, which loadReferenceData rewrites to `source`.
 */
export const SHIPPED_POPULATION_FILES: readonly { file: string; source: string; formerSources?: readonly string[] }[] = [
  {
    file: "population-2021-12-31-counties.csv",
    source: "SCB, folkmängd i landskapen den 31 december 2021 (länens summa över landskap)",
    formerSources: ["SCB, Folkmängd i landskapen den 31 december 2021 (länens summa över landskap); data/reference/population-2021-12-31-counties.csv"],
  },
  {
    file: "population-2022-11-01-counties.csv",
    source: "SCB, folkmängd den 1 november 2022 per län",
  },
  {
    file: "population-2023-12-31-partial.csv",
    source: "SCB, folkmängd den 31 december 2023, sammanställd ur SCB:s publicerade tal i andra källor",
    formerSources: ["SCB:s folkmängd 31 december 2023 ur andrahandskällor, ofullständig (256 av 290 kommuner); data/reference/population-2023-12-31-partial.csv"],
  },
];

function records(text: string, file: string, columns: readonly string[]): Record<string, string>[] {
  const rows: Record<string, string>[] = parse(text, { columns: true, trim: true, skip_empty_lines: true });
  for (const column of columns) {
    if (rows.length > 0 && !(column in rows[0]!)) throw new Error(`${file}: kolumnen "${column}" saknas`);
  }
  return rows;
}

export function parseCountiesCsv(text: string, file = "counties.csv"): County[] {
  return records(text, file, ["county_code", "county_name", "county_name_short"]).map((r) => ({
    code: r.county_code!,
    name: r.county_name!,
    shortName: r.county_name_short!,
  }));
}

export function parseMunicipalitiesCsv(text: string, file = "municipalities.csv"): Municipality[] {
  return records(text, file, ["municipality_code", "municipality_name_short", "county_code"]).map((r) => ({
    code: r.municipality_code!,
    name: r.municipality_name_short!,
    countyCode: r.county_code!,
  }));
}

export interface ReferenceFiles {
  counties: County[];
  municipalities: Municipality[];
  populations: ShippedPopulation[];
}

/** Reads the shipped reference data from data/reference (or another folder with the same files). */
export function readReferenceFiles(dir: URL = REFERENCE_DIR): ReferenceFiles {
  const read = (name: string) => readFileSync(new URL(name, dir), "utf8");
  return {
    counties: parseCountiesCsv(read("counties.csv")),
    municipalities: parseMunicipalitiesCsv(read("municipalities.csv")),
    populations: SHIPPED_POPULATION_FILES.map(({ file, source }) => ({
      file,
      source,
      rows: parseProjectPopulationCsv(read(file), { fileName: file }).rows,
    })),
  };
}
