import { decodeText } from "./decode";
import { parseScbJsonStat } from "./jsonstat";
import { PopulationFileError } from "./population-file-error";
import type { ParsedPopulationFile, PopulationParseOptions } from "./population-row";
import { parseProjectPopulationCsv } from "./project-csv";
import { parseScbCsv } from "./scb-csv";

export type PopulationFileFormat = "jsonstat" | "csv" | "auto";

export interface PopulationFileOptions extends PopulationParseOptions {
  format?: PopulationFileFormat;
  /** Day of the figures for files that carry none (the project CSV format). */
  date?: string;
}

export interface DetectedPopulationFile extends ParsedPopulationFile {
  format: "jsonstat" | "scb-csv" | "project-csv";
  encoding: "utf-8" | "windows-1252";
}

/**
 * Reads any supported population file: JSON-stat (text starting with "{"), the project's
 * `code,…,population` CSV, or SCB's CSV download.
 * @example parsePopulationFile(readFileSync(path), { fileName: path, format: "auto" })
 */
export function parsePopulationFile(bytes: Uint8Array, options: PopulationFileOptions): DetectedPopulationFile {
  const { text, encoding } = decodeText(bytes);
  const format = options.format ?? "auto";
  const looksJson = text.replace(/^\uFEFF/, "").trimStart().startsWith("{");
  if (format === "jsonstat" || (format === "auto" && looksJson)) {
    return { ...parseScbJsonStat(text, options), format: "jsonstat", encoding };
  }
  if (format === "csv" && looksJson) throw new PopulationFileError({ file: options.fileName }, "filen är JSON, inte CSV");
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const headers = firstLine.split(",").map((h) => h.trim().replace(/^"|"$/g, "").toLowerCase());
  if (headers.includes("code") && headers.includes("population")) {
    return { ...parseProjectPopulationCsv(text, options), format: "project-csv", encoding };
  }
  if (options.date !== undefined) {
    throw new PopulationFileError({ file: options.fileName }, "SCB:s filer anger själva perioden; ett datum kan bara anges för filer i formatet code,name,level,population");
  }
  return { ...parseScbCsv(text, options), format: "scb-csv", encoding };
}
