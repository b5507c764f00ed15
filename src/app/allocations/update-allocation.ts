import type { AllocationRequest } from "../../core/allocation/request";
import type { SavedAllocation } from "../../core/allocation/saved";
import type { Db } from "../../db/connect";
import { getAllocation, replaceLines } from "../../db/queries/allocations";
import { computeAllocation } from "../../db/queries/compute-allocation";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockForChange } from "./lock-draft";

export interface UpdateAllocationInput {
  id: number;
  /** The revision the client read; a newer one in the database means somebody saved in between. */
  revision: number;
  title: string;
  request: AllocationRequest;
}

/** Changes a draft; a decided allocation is never changed (make a new version). */
export async function updateAllocation(db: Db, actor: Actor, input: UpdateAllocationInput): Promise<SavedAllocation> {
  return inTransaction(db, async (trx) => {
    const before = await lockForChange(trx, actor, input.id, { role: "editor", status: "draft", revision: input.revision });
    const { result } = await computeAllocation(trx, input.request);
    await trx
      .updateTable("allocations")
      .set((eb) => ({
        title: input.title,
        spec: JSON.stringify(input.request),
        result: JSON.stringify(result),
        total_ore: result.total,
        revision: eb("revision", "+", 1),
        updated_by: actor.id,
        updated_at: new Date(),
      }))
      .where("id", "=", input.id)
      .execute();
    await replaceLines(trx, input.id, input.request, result);
    await writeAudit(trx, actor, {
      action: "update",
      entity: "allocation",
      entityId: input.id,
      organisationId: before.organisationId,
      before: { title: before.title, request: before.request, total: before.totalOre, revision: before.revision },
      after: { title: input.title, request: input.request, total: result.total, revision: before.revision + 1 },
    });
    return (await getAllocation(trx, input.id))!;
  });
}
