import type { Db } from "../../db/connect";
import { importOutcomeCsv, type CsvImportResult } from "../../ledger/import-csv";
import { getCsvMapping } from "../../ledger/mappings";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";

export interface ImportCsvInput {
  organisationId: number;
  /** The name of one of the organisation's saved mappings. */
  mappingName: string;
  bytes: Uint8Array;
  fileName: string;
  /** Where the import came from, for the audit log ("cli", "web"). */
  via: string;
}

/**
 * Imports CSV outcomes with a saved mapping: all or nothing, in one transaction with its audit
 * row (ledger/import-csv.ts calls back before commit); a file that cannot be read leaves a failed
 * import record with its own audit row and nothing else.
 */
export async function importCsvFile(db: Db, actor: Actor, input: ImportCsvInput): Promise<CsvImportResult> {
  requireRole(actor, input.organisationId, "editor");
  const mapping = await getCsvMapping(db, input.organisationId, input.mappingName);
  const audit = { organisationId: input.organisationId, entity: "ledger_import", action: "import" } as const;
  const about = { file: input.fileName, kind: "csv", via: input.via, mapping: input.mappingName };
  return importOutcomeCsv(db, input.bytes, mapping, {
    organisationId: input.organisationId,
    fileName: input.fileName,
    importedBy: actor.id,
    beforeCommit: (trx, r) => writeAudit(trx, actor, { ...audit, entityId: r.importId, after: { ...about, periods: r.periods, rows: r.rows, replacedRows: r.replacedRows } }),
    onFailed: (trx, id) => writeAudit(trx, actor, { ...audit, entityId: id, after: { ...about, status: "failed" } }),
  });
}
