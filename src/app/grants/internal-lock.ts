import { requireVisible } from "../access";
import type { Actor } from "../actor";
import type { Trx } from "../transaction";

/** An internal decision's row, locked for the rest of the transaction; another organisation's draft is missing. */
export async function lockInternal(trx: Trx, actor: Actor, id: number) {
  const row = await trx
    .selectFrom("grant_internal_decisions")
    .select(["id", "part_id", "organisation_id", "status", "version", "series_id", "revision", "updated_by", "updated_at", "title", "total_ore", "metadata", "lines", "result"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  const found = row && { ...row, organisationId: row.organisation_id, updatedBy: row.updated_by, updatedAt: row.updated_at };
  return requireVisible(actor, found, `Internt beslut ${id} finns inte.`);
}
