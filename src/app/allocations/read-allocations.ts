import type { AllocationSummary, SavedAllocation } from "../../core/allocation/saved";
import type { Db } from "../../db/connect";
import { getAllocation, listAllocations } from "../../db/queries/allocations";
import { readableOrganisationIds, requireVisible } from "../access";
import type { Actor } from "../actor";

export const allocationMissing = (id: number) => `Fördelning ${id} finns inte.`;

/** One allocation with its revision; a draft of an organisation the actor cannot read is missing. */
export async function readAllocation(db: Db, actor: Actor, id: number): Promise<SavedAllocation> {
  return requireVisible(actor, await getAllocation(db, id), allocationMissing(id));
}

/** Decided allocations of every organisation, drafts only of the actor's. */
export async function listVisibleAllocations(db: Db, actor: Actor): Promise<AllocationSummary[]> {
  const rows = await listAllocations(db, readableOrganisationIds(actor));
  return rows.map(({ request: _request, result: _result, ...summary }) => summary);
}
