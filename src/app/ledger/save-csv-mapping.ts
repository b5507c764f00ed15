import { UserFacingError } from "../../core/errors";
import type { Db } from "../../db/connect";
import type { CsvMapping } from "../../ledger/import-csv";
import { saveCsvMapping as upsertCsvMapping } from "../../ledger/mappings";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

/**
 * Saves (creates or replaces by name) an organisation's column mapping for CSV outcomes. A
 * mapping has no revision: saving it again by the same name replaces it, and the audit row keeps
 * the version it replaced.
 */
export async function saveCsvMapping(db: Db, actor: Actor, input: { organisationId: number; mapping: CsvMapping }): Promise<CsvMapping & { id: number }> {
  const { organisationId, mapping } = input;
  requireRole(actor, organisationId, "editor");
  if (mapping.columns.period === undefined && mapping.columns.date === undefined) {
    throw new UserFacingError("Mappningen måste ange kolumnen för period eller datum.", { code: "validation", where: { field: "mapping.columns.period" } });
  }
  return inTransaction(db, async (trx) => {
    const { id, before } = await upsertCsvMapping(trx, organisationId, mapping, actor.id);
    await writeAudit(trx, actor, { action: before ? "update" : "create", entity: "csv_mapping", entityId: id, organisationId, before, after: mapping });
    return { ...mapping, id };
  });
}
