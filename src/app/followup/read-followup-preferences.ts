import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { requireRole } from "../access";
import { ForbiddenError } from "../../core/errors";
import { compareCodes } from "../../core/object-codes";

// A user's own choices on the follow-up pages, per organisation, kept in the database so that
// the project accounts and the annual report leave out the same projects on every page, in every
// browser, next week too. Revision 0 means "not stored yet".

export interface FollowupPreferences {
  /** Projects left out of the project accounts' subtotal (seed 001: 8938). */
  excludedProjects: string[];
  revision: number;
}

export const NAME = "followup.excluded_projects" as const;

/** Sorted, without duplicates or blanks. */
export const normaliseProjects = (codes: readonly string[]) => [...new Set(codes.map((c) => c.trim()).filter(Boolean))].sort(compareCodes);

export function ownId(actor: Actor): number {
  if (actor.id === null) throw new ForbiddenError("Valen sparas per användare; logga in som en användare.");
  return actor.id;
}

export async function readFollowupPreferences(db: Kysely<Database>, actor: Actor, input: { organisationId: number }): Promise<FollowupPreferences> {
  requireRole(actor, input.organisationId, "reader");
  const row = await db
    .selectFrom("user_preferences")
    .select(["value", "revision"])
    .where("user_id", "=", ownId(actor))
    .where("organisation_id", "=", input.organisationId)
    .where("name", "=", NAME)
    .executeTakeFirst();
  return row ? { excludedProjects: normaliseProjects(row.value as string[]), revision: row.revision } : { excludedProjects: [], revision: 0 };
}

