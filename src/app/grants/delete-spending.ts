import { ConflictError, NotFoundError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { organisationByCode } from "./read-grants";

/** Removes spending entered by hand; imported spending goes with a new import. */
export async function deleteSpending(db: Db, actor: Actor, id: number): Promise<{ deleted: number }> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom("grant_spending").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError(`Utgift ${id} finns inte.`);
    const org = await organisationByCode(trx, row.recipient_code);
    requireRole(actor, org.id, "editor");
    if (row.source !== "manual") throw new ConflictError("Utgiften kommer från en inläst redovisning och tas bort genom en ny import.", "imported");
    await trx.deleteFrom("grant_spending").where("id", "=", id).execute();
    await writeAudit(trx, actor, { action: "delete", entity: "grant_spending", entityId: id, organisationId: org.id, before: row });
    return { deleted: id };
  });
}
