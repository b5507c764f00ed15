import { ConflictError, NotFoundError } from "../../core/errors";
import type { Db } from "../../db/connect";
import type { Actor } from "../actor";
import { requireRole } from "../access";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

export interface MakeImportCurrentResult {
  importId: number;
  year: number;
  /** The import that was current until now and is a kept version again. */
  replaced: number[];
}

/**
 * Makes an earlier SIE import of a year (kept as a version when a newer file replaced it) the
 * year's current one again; the import current until now becomes a version in its turn.
 */
export async function makeImportCurrent(db: Db, actor: Actor, input: { importId: number }): Promise<MakeImportCurrentResult> {
  return inTransaction(db, async (trx) => {
    const target = await trx.selectFrom("ledger_imports").select(["id", "organisation_id", "year", "kind", "status"]).where("id", "=", input.importId).forUpdate().executeTakeFirst();
    if (!target) throw new NotFoundError("Importen finns inte.");
    requireRole(actor, target.organisation_id, "editor");
    if (target.status === "done") throw new ConflictError(`Import ${target.id} är redan den gällande för ${target.year}.`, "already_current");
    if (target.status !== "replaced" || target.kind !== "sie") throw new ConflictError(`Import ${target.id} misslyckades eller är en CSV-import och kan inte göras gällande.`, "not_a_version");
    const current = await trx
      .selectFrom("ledger_imports")
      .select("id")
      .where("organisation_id", "=", target.organisation_id)
      .where("year", "=", target.year)
      .where("kind", "=", "sie")
      .where("status", "=", "done")
      .forUpdate()
      .execute();
    const replaced = current.map((c) => c.id);
    if (replaced.length > 0) await trx.updateTable("ledger_imports").set({ status: "replaced" }).where("id", "in", replaced).execute();
    await trx.updateTable("ledger_imports").set({ status: "done" }).where("id", "=", target.id).where("status", "=", "replaced").execute();
    await writeAudit(trx, actor, { action: "update", entity: "ledger_import", entityId: target.id, organisationId: target.organisation_id, before: { current: replaced }, after: { current: target.id, year: target.year } });
    return { importId: target.id, year: target.year, replaced };
  });
}
