import { ConflictError, NotFoundError } from "../../core/errors";
import { lockAllocation } from "../../db/queries/allocations";
import { requireRole, requireVisible } from "../access";
import type { Actor } from "../actor";
import type { Role } from "../../core/roles";
import { assertRevision } from "../revision";
import type { Trx } from "../transaction";
import { allocationMissing } from "./read-allocations";

/**
 * Locks an allocation inside the change's transaction and checks, in this order, that the actor
 * may see it, holds the role, that it is (or is not) decided, and that nobody saved since the
 * client read it. Everything after this runs against the row as locked.
 */
export async function lockForChange(trx: Trx, actor: Actor, id: number, opts: { role: Role; status: "draft" | "decided"; revision: number }) {
  const locked = await lockAllocation(trx, id);
  if (!locked) throw new NotFoundError(allocationMissing(id));
  requireVisible(actor, locked, allocationMissing(id));
  requireRole(actor, locked.organisationId, opts.role);
  if (opts.status === "draft" && locked.status !== "draft") {
    throw new ConflictError("Fördelningen är beslutad och kan inte ändras. Skapa en ny version i stället.", "decided");
  }
  if (opts.status === "decided" && locked.status !== "decided") {
    throw new ConflictError("Utkast ändras direkt; nya versioner skapas från beslutade fördelningar.", "draft");
  }
  assertRevision("Fördelningen", locked, opts.revision);
  return locked;
}
