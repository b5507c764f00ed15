import { StaleRevisionError, UserFacingError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { listObjectLinks, lockObjectLink, saveObjectLink, type ObjectLink, type StoredObjectLink } from "../../ledger/mappings";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";

/**
 * Links an accounting object (a project, a cost centre) to a grant and/or a budget line, or
 * changes its link: revision 0 for an object without a link, else the link's revision as read.
 * Returns all of the organisation's links, as the page shows them.
 */
export async function linkObject(db: Db, actor: Actor, input: { organisationId: number; link: ObjectLink; revision: number }): Promise<StoredObjectLink[]> {
  const { organisationId, link } = input;
  requireRole(actor, organisationId, "editor");
  const what = `Kopplingen för objekt ${link.code}`;
  return inTransaction(db, async (trx) => {
    // The link names a grant decision, chosen by name on the page; one that does not exist is refused.
    if (link.grantId !== null && !(await trx.selectFrom("grant_decisions").select("id").where("id", "=", link.grantId).executeTakeFirst()))
      throw new UserFacingError(`Statsbidraget (beslut ${link.grantId}) finns inte (fält link.grantId).`, { status: 400, code: "validation", where: { field: "link.grantId" } });
    const before = await lockObjectLink(trx, organisationId, link.dimension, link.code);
    assertRevision(what, before ?? { revision: 0, updatedBy: null, updatedAt: null }, input.revision);
    // Two first links of one object: the row neither saw is inserted by one; the other is stale.
    if ((await saveObjectLink(trx, organisationId, link, input.revision, actor.username)) === null) throw new StaleRevisionError(what, { revision: 1, updatedBy: null, updatedAt: null });
    const previous = before ? { dimension: before.dimension, code: before.code, grantId: before.grantId, budgetLine: before.budgetLine, label: before.label } : undefined;
    await writeAudit(trx, actor, { action: before ? "update" : "create", entity: "ledger_object_link", entityId: `${link.dimension}:${link.code}`, organisationId, before: previous, after: link });
    return listObjectLinks(trx, organisationId);
  });
}
