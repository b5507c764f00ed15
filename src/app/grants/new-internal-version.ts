import { ConflictError } from "../../core/errors";
import type { InternalDecision } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { getInternalDecision, hasNewerVersion, insertInternalDecision } from "../../db/queries/grants-internal";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";
import { lockInternal } from "./internal-lock";

/**
 * A new draft version of a decided internal decision. The decided version's row is locked, so
 * of parallel calls one creates version n+1 and the others find it and are refused; the
 * constraints (one successor per version, a number once per series) back this up.
 */
export async function newInternalVersion(db: Db, actor: Actor, id: number, input: { revision: number }): Promise<InternalDecision> {
  return inTransaction(db, async (trx) => {
    const previous = await lockInternal(trx, actor, id);
    requireRole(actor, previous.organisationId, "editor");
    if (previous.status !== "decided") throw new ConflictError("Utkast ändras direkt; nya versioner skapas från fattade beslut.", "draft");
    assertRevision("Det interna beslutet", previous, input.revision);
    if (await hasNewerVersion(trx, id)) throw new ConflictError(`Version ${previous.version} har redan en nyare version; utgå från den senaste.`, "superseded");
    const created = await insertInternalDecision(
      trx,
      { partId: previous.part_id, organisationId: previous.organisationId, title: previous.title, total: previous.total_ore, metadata: previous.metadata as never, lines: previous.lines as never, result: previous.result as never, version: previous.version + 1, previousId: previous.id },
      actor.id,
      actor.username,
    );
    await writeAudit(trx, actor, { action: "create", entity: "grant_internal_decision", entityId: created, organisationId: previous.organisationId, after: { versionOf: previous.id, version: previous.version + 1 } });
    return (await getInternalDecision(trx, created))!;
  });
}
