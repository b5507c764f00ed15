import { UserFacingError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { listObjectLinks, saveObjectLink, type ObjectLink } from "../../ledger/mappings";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

/**
 * Links an accounting object (a project, a cost centre) to a grant and/or a budget line, or
 * changes its link. Returns all of the organisation's links, as the page shows them.
 */
export async function linkObject(db: Db, actor: Actor, input: { organisationId: number; link: ObjectLink }): Promise<ObjectLink[]> {
  const { organisationId, link } = input;
  requireRole(actor, organisationId, "editor");
  return inTransaction(db, async (trx) => {
    // The link names a grant decision, chosen by name on the page; one that does not exist is refused.
    if (link.grantId !== null && !(await trx.selectFrom("grant_decisions").select("id").where("id", "=", link.grantId).executeTakeFirst()))
      throw new UserFacingError(`Statsbidraget (beslut ${link.grantId}) finns inte (fält link.grantId).`, { status: 400, code: "validation", where: { field: "link.grantId" } });
    const before = await saveObjectLink(trx, organisationId, link);
    await writeAudit(trx, actor, { action: before ? "update" : "create", entity: "ledger_object_link", entityId: `${link.dimension}:${link.code}`, organisationId, before: before ?? undefined, after: link });
    return listObjectLinks(trx, organisationId);
  });
}
