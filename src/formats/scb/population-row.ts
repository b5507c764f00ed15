import { areaLevelOf } from "../../core/reference/municipalities";
import { PopulationFileError, type PopulationFileLocation } from "./population-file-error";

/** Population of an SCB area ("00", county "07", municipality "0780") on a day. */
export interface PopulationRow {
  areaCode: string;
  /** YYYY-MM-DD: the day the figure describes. */
  date: string;
  population: number;
}

export interface ParsedPopulationFile {
  rows: PopulationRow[];
  /** The table's own title or description, when the file carries one. */
  title?: string;
}

export interface PopulationParseOptions {
  /** Shown in error messages. */
  fileName: string;
  /** When given, an area code outside this set is an error. */
  knownAreaCodes?: ReadonlySet<string>;
}

/** Parses a count written as digits, possibly grouped by spaces; refuses anything else. */
export function parsePopulationCount(text: string, where: PopulationFileLocation): number {
  const trimmed = text.replace(/[\s\u00a0\u202f]+/g, "");
  if (trimmed === ".." || trimmed === "." || trimmed === "" || trimmed === "-") {
    throw new PopulationFileError(where, `värde saknas ("${text}")`);
  }
  if (/^[-−]\d+$/.test(trimmed)) throw new PopulationFileError(where, `folkmängden ${text} är negativ`);
  if (!/^\d+$/.test(trimmed)) throw new PopulationFileError(where, `"${text}" är inte ett heltal`);
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) throw new PopulationFileError(where, `${text} är för stort`);
  return value;
}

export function checkPopulationValue(value: unknown, where: PopulationFileLocation): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new PopulationFileError(where, `${JSON.stringify(value)} är inte ett tal`);
  if (value < 0) throw new PopulationFileError(where, `folkmängden ${value} är negativ`);
  if (!Number.isSafeInteger(value)) throw new PopulationFileError(where, `${value} är inte ett heltal`);
  return value;
}

export function checkAreaCode(code: string, where: PopulationFileLocation, known: ReadonlySet<string> | undefined): string {
  if (!areaLevelOf(code)) throw new PopulationFileError(where, `"${code}" är ingen områdeskod (00, länskod med två siffror eller kommunkod med fyra)`);
  if (known && !known.has(code)) throw new PopulationFileError(where, `okänd områdeskod "${code}"`);
  return code;
}

/** Two figures for the same area and day would make the import ambiguous. */
export function checkNoDuplicates(rows: readonly PopulationRow[], fileName: string): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = JSON.stringify([row.areaCode, row.date]);
    if (seen.has(key)) throw new PopulationFileError({ file: fileName }, `område ${row.areaCode} har två värden per ${row.date}`);
    seen.add(key);
  }
}
