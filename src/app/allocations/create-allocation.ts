import type { AllocationRequest } from "../../core/allocation/request";
import type { SavedAllocation } from "../../core/allocation/saved";
import type { Db } from "../../db/connect";
import { getAllocation, insertAllocation } from "../../db/queries/allocations";
import { computeAllocation } from "../../db/queries/compute-allocation";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

export interface CreateAllocationInput {
  organisationId: number;
  title: string;
  request: AllocationRequest;
}

/** Saves a new draft: computed from the request as stated, with the population figures of now. */
export async function createAllocation(db: Db, actor: Actor, input: CreateAllocationInput): Promise<SavedAllocation> {
  requireRole(actor, input.organisationId, "editor");
  return inTransaction(db, async (trx) => {
    const { result } = await computeAllocation(trx, input.request);
    const id = await insertAllocation(trx, { organisationId: input.organisationId, title: input.title, request: input.request, result, createdBy: actor.id });
    await writeAudit(trx, actor, { action: "create", entity: "allocation", entityId: id, organisationId: input.organisationId, after: { title: input.title, request: input.request, total: result.total } });
    return (await getAllocation(trx, id))!;
  });
}
