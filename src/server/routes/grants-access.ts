import { todayInSweden } from "../../core/grants/dates";
import type { Db } from "../../db/connect";
import { getDecision, partOwner } from "../../db/queries/grants-decisions";
import { can, readableOrganisationIds } from "../../app/access";
import type { CurrentUser } from "../auth/users";
import { ApiError } from "../errors";

export { readableOrganisationIds };

/** A decision the user may see: decided ones are public, a draft only to its organisation. */
export async function visibleDecision(db: Db, user: CurrentUser, id: number) {
  const decision = await getDecision(db, id);
  if (!decision || (decision.status === "draft" && !can(user, decision.organisationId, "reader"))) {
    throw new ApiError(404, "not_found", `Regeringsbeslut ${id} finns inte.`);
  }
  return decision;
}

/** A part whose decision the user may see. */
export async function visiblePart(db: Db, user: CurrentUser, partId: number) {
  const owner = await partOwner(db, partId);
  if (!owner || (owner.status === "draft" && !can(user, owner.organisationId, "reader"))) {
    throw new ApiError(404, "not_found", `Beslutsdel ${partId} finns inte.`);
  }
  return owner;
}

export function todayOr(today: string | undefined): string {
  return today ?? todayInSweden();
}
