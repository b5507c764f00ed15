import type { Db } from "../connect";
import { parsePopulationFile } from "../../formats/scb/parse-population-file";
import { importPopulation, knownAreaCodes } from "./reference";

export interface PopulationFileImport {
  fileName: string;
  /** Day of the figures, for files in the project format that carry no period. */
  date?: string;
  format?: "jsonstat" | "csv" | "auto";
  onProgress?: (msg: string) => void;
}

const FORMAT_NAMES = { jsonstat: "JSON-stat", "scb-csv": "SCB-CSV", "project-csv": "CSV code,name,level,population" } as const;

/**
 * Parses a population file (SCB JSON-stat 2.0, SCB CSV or the project CSV) and stores it in one
 * transaction; on any error nothing is stored. Shared by the CLI and the HTTP API.
 */
export async function importPopulationFile(db: Db, bytes: Uint8Array, options: PopulationFileImport): Promise<{ rows: number; dates: string[]; inserted: number; replaced: number }> {
  const progress = options.onProgress ?? (() => {});
  const known = await knownAreaCodes(db);
  const parsed = parsePopulationFile(bytes, {
    fileName: options.fileName,
    format: options.format ?? "auto",
    knownAreaCodes: known,
    ...(options.date !== undefined ? { date: options.date } : {}),
  });
  const dates = [...new Set(parsed.rows.map((r) => r.date))].sort();
  progress(`${options.fileName}: ${FORMAT_NAMES[parsed.format]} (${parsed.encoding}), ${parsed.rows.length} rader, datum ${dates.join(", ")}`);
  const source = `${parsed.title ?? "Folkmängd"}; fil ${options.fileName} (${FORMAT_NAMES[parsed.format]})`;
  const result = await importPopulation(db, parsed.rows, source);
  progress(`Sparat: ${result.inserted} nya, ${result.replaced} ersatta`);
  return { rows: parsed.rows.length, dates: result.dates, inserted: result.inserted, replaced: result.replaced };
}
