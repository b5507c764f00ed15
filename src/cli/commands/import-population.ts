import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Db } from "../../db/connect";
import { importPopulation, knownAreaCodes } from "../../db/queries/reference";
import { parsePopulationFile } from "../../formats/scb/parse-population-file";
import { PopulationFileError } from "../../formats/scb/population-file-error";

export interface ImportPopulationOptions {
  /** Day of the figures, for files in the project format that carry no period. */
  date?: string;
  format?: "jsonstat" | "csv" | "auto";
  onProgress?: (msg: string) => void;
}

const FORMAT_NAMES = { jsonstat: "JSON-stat", "scb-csv": "SCB-CSV", "project-csv": "CSV code,name,level,population" } as const;

/**
 * Reads a population file (SCB JSON-stat 2.0, SCB CSV or the project CSV) and stores it in one
 * transaction; on any error nothing is stored.
 * @example await importPopulationCommand(db, "befolkning-2022M10.json", { format: "auto" })
 */
export async function importPopulationCommand(db: Db, filePath: string, options: ImportPopulationOptions = {}): Promise<{ rows: number; dates: string[] }> {
  const fileName = basename(filePath);
  const progress = options.onProgress ?? (() => {});
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "filen finns inte" : `filen kan inte läsas (${(error as Error).message})`;
    throw new PopulationFileError({ file: filePath }, reason);
  }
  const known = await knownAreaCodes(db);
  const parsed = parsePopulationFile(bytes, {
    fileName,
    format: options.format ?? "auto",
    knownAreaCodes: known,
    ...(options.date !== undefined ? { date: options.date } : {}),
  });
  const dates = [...new Set(parsed.rows.map((r) => r.date))].sort();
  progress(`${fileName}: ${FORMAT_NAMES[parsed.format]} (${parsed.encoding}), ${parsed.rows.length} rader, datum ${dates.join(", ")}`);
  const source = `${parsed.title ?? "Folkmängd"}; fil ${fileName} (${FORMAT_NAMES[parsed.format]})`;
  const result = await importPopulation(db, parsed.rows, source);
  progress(`Sparat: ${result.inserted} nya, ${result.replaced} ersatta`);
  return { rows: parsed.rows.length, dates: result.dates };
}
