import type { SavedAllocation } from "../../core/allocation/saved";
import { ConflictError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { getAllocation } from "../../db/queries/allocations";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockForChange } from "./lock-draft";

/**
 * Decides a draft exactly once: the row is locked, and its status, revision and content are
 * checked as stored at that moment. A second decide waits for the first and then finds it decided.
 */
export async function decideAllocation(db: Db, actor: Actor, input: { id: number; revision: number }): Promise<SavedAllocation> {
  return inTransaction(db, async (trx) => {
    const before = await lockForChange(trx, actor, input.id, { role: "approver", status: "draft", revision: input.revision }).catch((e: unknown) => {
      // Said plainly: the usual race is two approvers pressing the button at once.
      if (e instanceof ConflictError && e.code === "decided") throw new ConflictError("Fördelningen är redan beslutad.", "decided");
      throw e;
    });
    if (before.result.shares.length === 0) throw new ConflictError("Fördelningen har inga rader och kan inte beslutas.", "invalid_state");
    await trx
      .updateTable("allocations")
      .set((eb) => ({ status: "decided", decided_by: actor.id, decided_at: new Date(), revision: eb("revision", "+", 1), updated_by: actor.id, updated_at: new Date() }))
      .where("id", "=", input.id)
      .execute();
    await writeAudit(trx, actor, { action: "decide", entity: "allocation", entityId: input.id, organisationId: before.organisationId, before: { status: "draft", revision: before.revision }, after: { status: "decided", revision: before.revision + 1 } });
    return (await getAllocation(trx, input.id))!;
  });
}
