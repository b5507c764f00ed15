import type { Db } from "../../db/connect";
import type { SieInput } from "../../formats/sie";
import { importSie, type ImportProgress, type SieImportResult } from "../../ledger/import-sie";
import type { Actor } from "../actor";
import { requireRole } from "../access";
import { writeAudit } from "../audit";

export interface ImportSieInput {
  organisationId: number;
  input: SieInput;
  fileName?: string;
  /** Yes to replacing the year's current SIE import (see ReplaceNeedsConsentError). */
  replace?: boolean;
  totalBytes?: number;
  onProgress?: (p: ImportProgress) => void;
  /** See SieImportOptions.giveWay. */
  giveWay?: () => Promise<unknown>;
  /** Where the import came from, for the audit log ("cli", "web"). */
  via?: string;
}

/**
 * Imports a SIE 4 file for an organisation: all or nothing, in one transaction with its audit
 * row; a refused file leaves a failed import record (with its own audit row) and nothing else.
 */
export async function importSieFile(db: Db, actor: Actor, input: ImportSieInput): Promise<SieImportResult> {
  requireRole(actor, input.organisationId, "editor");
  const audit = { organisationId: input.organisationId, entity: "ledger_import" } as const;
  const file = input.fileName ?? (typeof input.input === "string" ? input.input.split("/").pop()! : "(ström)");
  return importSie(db, input.input, {
    organisationId: input.organisationId,
    fileName: file,
    importedBy: actor.id,
    ...(input.replace ? { replace: true } : {}),
    ...(input.totalBytes === undefined ? {} : { totalBytes: input.totalBytes }),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.giveWay ? { giveWay: input.giveWay } : {}),
    beforeCommit: (trx, r) =>
      writeAudit(trx, actor, { ...audit, action: "import", entityId: r.importId, after: { file, kind: "sie", via: input.via, year: r.year, transactions: r.transactions, warnings: r.warnings.length, replaced: r.replaced } }),
    onFailed: (trx, id) => writeAudit(trx, actor, { ...audit, action: "import", entityId: id, after: { file, kind: "sie", via: input.via, status: "failed" } }),
  });
}
