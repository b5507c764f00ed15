import type { AllocationRequest } from "../../core/allocation/request";
import { UserFacingError } from "../../core/errors";
import type { Distribution } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { computeAllocation } from "../../db/queries/compute-allocation";
import { getDistribution, saveKeyDistribution } from "../../db/queries/grants-distribution";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockDistribution } from "./distribution-lock";

/** Distributes a part by a key through the allocation engine; the shares become entitlements. */
export async function setKeyDistribution(db: Db, actor: Actor, partId: number, input: { request: AllocationRequest; revision: number }): Promise<Distribution> {
  const { request } = input;
  return inTransaction(db, async (trx) => {
    const part = await lockDistribution(trx, actor, partId, input.revision);
    if (request.total !== part.amount) throw new UserFacingError(`Fördelningens total (fält total) måste vara delens belopp, ${part.amount} öre.`, { where: { field: "total" } });
    const missing = request.lines.findIndex((l) => !l.recipientCode);
    if (missing >= 0) throw new UserFacingError(`Rad ${missing + 1}, fält recipientCode: varje rad i en statsbidragsfördelning måste ha en mottagare.`, { where: { path: `lines[${missing}].recipientCode` } });
    const { result } = await computeAllocation(trx, request);
    // The entitlements' CHECK would refuse it as a database error; say it in the user's words.
    if (result.shares.some((s) => s.amount < 0)) throw new UserFacingError("Nyckeln ger negativa belopp; en fördelning av ett statsbidrag kan inte ta pengar från en mottagare.");
    await saveKeyDistribution(trx, partId, request, result, actor.id, actor.username);
    await writeAudit(trx, actor, { action: "update", entity: "grant_distribution", entityId: partId, organisationId: part.decision.organisationId, before: part.before, after: { mode: "key", request, total: result.total } });
    return (await getDistribution(trx, partId, part.amount))!;
  });
}
