import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Db } from "../../db/connect";
import { systemActor } from "../../app/actor";
import { importPopulationFile } from "../../app/population/import-population";
import { PopulationFileError } from "../../formats/scb/population-file-error";

export interface ImportPopulationOptions {
  /** Day of the figures, for files in the project format that carry no period. */
  date?: string;
  format?: "jsonstat" | "csv" | "auto";
  onProgress?: (msg: string) => void;
}

/**
 * Reads a population file from disk and imports it; on any error nothing is stored.
 * @example await importPopulationCommand(db, "befolkning-2022M10.json", { format: "auto" })
 */
export async function importPopulationCommand(db: Db, filePath: string, options: ImportPopulationOptions = {}): Promise<{ rows: number; dates: string[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "filen finns inte" : `filen kan inte läsas (${(error as Error).message})`;
    throw new PopulationFileError({ file: filePath }, reason);
  }
  const { rows, dates } = await importPopulationFile(db, systemActor("cli"), bytes, { ...options, fileName: basename(filePath), via: "cli" });
  return { rows, dates };
}
