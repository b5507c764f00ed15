import { StaleRevisionError, UserFacingError } from "../../core/errors";
import type { Db } from "../../db/connect";
import type { CsvMapping } from "../../ledger/import-csv";
import { lockCsvMapping, saveCsvMapping as writeCsvMapping, type StoredCsvMapping } from "../../ledger/mappings";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";

/**
 * Saves an organisation's column mapping for CSV outcomes by name: revision 0 creates it, the
 * revision read changes it. A save based on another revision (a colleague saved the same name
 * meanwhile) is refused with 409 rather than replacing their columns unseen.
 */
export async function saveCsvMapping(db: Db, actor: Actor, input: { organisationId: number; mapping: CsvMapping; revision: number }): Promise<StoredCsvMapping> {
  const { organisationId, mapping } = input;
  requireRole(actor, organisationId, "editor");
  if (mapping.columns.period === undefined && mapping.columns.date === undefined) {
    throw new UserFacingError("Mappningen måste ange kolumnen för period eller datum.", { code: "validation", where: { field: "mapping.columns.period" } });
  }
  const what = `Kolumnmappningen "${mapping.name}"`;
  return inTransaction(db, async (trx) => {
    const before = await lockCsvMapping(trx, organisationId, mapping.name);
    assertRevision(what, before ?? { revision: 0, updatedBy: null, updatedAt: null }, input.revision);
    const written = await writeCsvMapping(trx, organisationId, mapping, actor.id, input.revision);
    // Two first saves of one name: the row neither saw is inserted by one; the other is stale.
    if (!written) throw new StaleRevisionError(what, { revision: 1, updatedBy: null, updatedAt: null });
    await writeAudit(trx, actor, { action: before ? "update" : "create", entity: "csv_mapping", entityId: written.id, organisationId, before: before ?? undefined, after: { ...mapping, revision: written.revision } });
    return { ...mapping, id: written.id, revision: written.revision };
  });
}
