import { ForbiddenError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { knownAreaCodes, storePopulation } from "../../db/queries/reference";
import { parsePopulationFile } from "../../formats/scb/parse-population-file";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

export interface PopulationFileImport {
  fileName: string;
  /** Day of the figures, for files in the project format that carry no period. */
  date?: string;
  format?: "jsonstat" | "csv" | "auto";
  onProgress?: (msg: string) => void;
  /** Where the import came from, for the audit log ("cli"). */
  via?: string;
}

export interface PopulationImportSummary {
  rows: number;
  dates: string[];
  inserted: number;
  replaced: number;
}

const FORMAT_NAMES = { jsonstat: "JSON-stat", "scb-csv": "SCB-CSV", "project-csv": "CSV code,name,level,population" } as const;

/**
 * Imports a population file (SCB JSON-stat 2.0, SCB CSV or the project CSV): parsed and checked
 * first, then stored in one transaction with its audit row; on any error nothing is stored.
 * Population is shared reference data: administrators only. Shared by the CLI and the HTTP API.
 */
export async function importPopulationFile(db: Db, actor: Actor, bytes: Uint8Array, options: PopulationFileImport): Promise<PopulationImportSummary> {
  if (!actor.isAdmin) throw new ForbiddenError("Bara administratörer kan importera folkmängd.");
  const progress = options.onProgress ?? (() => {});
  const parsed = parsePopulationFile(bytes, {
    fileName: options.fileName,
    format: options.format ?? "auto",
    knownAreaCodes: await knownAreaCodes(db),
    ...(options.date !== undefined ? { date: options.date } : {}),
  });
  const dates = [...new Set(parsed.rows.map((r) => r.date))].sort();
  progress(`${options.fileName}: ${FORMAT_NAMES[parsed.format]} (${parsed.encoding}), ${parsed.rows.length} rader, datum ${dates.join(", ")}`);
  const source = `${parsed.title ?? "Folkmängd"}; fil ${options.fileName} (${FORMAT_NAMES[parsed.format]})`;
  const summary = await inTransaction(db, async (trx) => {
    const stored = await storePopulation(trx, parsed.rows, source);
    const result = { rows: parsed.rows.length, dates: stored.dates, inserted: stored.inserted, replaced: stored.replaced };
    await writeAudit(trx, actor, { action: "import", entity: "population", entityId: options.fileName, after: options.via ? { ...result, via: options.via } : result });
    return result;
  });
  progress(`Sparat: ${summary.inserted} nya, ${summary.replaced} ersatta`);
  return summary;
}
