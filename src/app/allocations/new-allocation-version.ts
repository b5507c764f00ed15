import type { SavedAllocation } from "../../core/allocation/saved";
import { ConflictError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { getAllocation, insertAllocation, successorOf } from "../../db/queries/allocations";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockForChange } from "./lock-draft";

/**
 * Starts a new draft from a decided allocation. The decided row is locked, so of two parallel
 * calls the second sees the first's draft and is refused: a lineage stays one chain, and its
 * version numbers (unique in the database too) never repeat.
 */
export async function newAllocationVersion(db: Db, actor: Actor, input: { id: number; revision: number }): Promise<SavedAllocation> {
  return inTransaction(db, async (trx) => {
    const previous = await lockForChange(trx, actor, input.id, { role: "editor", status: "decided", revision: input.revision });
    const next = await successorOf(trx, previous.id);
    if (next) throw new ConflictError(`Det finns redan en ny version (version ${next.version}, nummer ${next.id}) av fördelningen; ändra den i stället.`, "has_successor");
    const version = previous.version + 1;
    const id = await insertAllocation(trx, {
      organisationId: previous.organisationId,
      title: previous.title,
      request: previous.request,
      result: previous.result,
      createdBy: actor.id,
      version,
      previousId: previous.id,
      lineageId: previous.lineageId,
    });
    await writeAudit(trx, actor, { action: "create", entity: "allocation", entityId: id, organisationId: previous.organisationId, after: { versionOf: previous.id, version } });
    return (await getAllocation(trx, id))!;
  });
}
