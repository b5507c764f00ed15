import { ForbiddenError, NotFoundError } from "../../core/errors";
import type { Deadline } from "../../core/grants/deadlines";
import type { RecipientDetail, RecipientGrant } from "../../core/grants/records";
import type { Db } from "../../db/connect";
import { listInternalDecisions } from "../../db/queries/grants-internal";
import { listSpending, recipientGrants, type GrantFilter } from "../../db/queries/grants-recipients";
import { readableOrganisationIds } from "../access";
import type { Actor } from "../actor";
import type { Trx } from "../transaction";
import { canReadRecipientRecord, deadlinesVisibleTo, readableRecipientGrants } from "./visibility";

type Conn = Db | Trx;

export async function organisationByCode(db: Conn, code: string) {
  const org = await db.selectFrom("organisations").select(["id", "code", "name", "kind"]).where("code", "=", code).executeTakeFirst();
  if (!org) throw new NotFoundError(`Organisationen ${code} finns inte.`);
  return org;
}

/** Deadlines of the grants the filter selects, each as the actor may see it (visibility.ts). */
export async function visibleDeadlines(db: Conn, actor: Actor, filter: Omit<GrantFilter, "draftOrganisations">, today: string): Promise<Deadline[]> {
  const grants = await recipientGrants(db, { ...filter, draftOrganisations: readableOrganisationIds(actor) }, today);
  return deadlinesVisibleTo(actor, grants);
}

/** A recipient's grants with its own figures: for the recipient, and for the owners of the grants. */
export async function recipientOverview(db: Conn, actor: Actor, code: string, today: string): Promise<{ organisation: { code: string; name: string }; grants: RecipientGrant[] }> {
  const org = await organisationByCode(db, code);
  const grants = readableRecipientGrants(actor, await recipientGrants(db, { recipientCodes: [code], draftOrganisations: readableOrganisationIds(actor) }, today));
  if (grants.length === 0 && !canReadRecipientRecord(actor, { recipientOrganisationId: org.id, ownerOrganisationId: org.id })) {
    throw new ForbiddenError(`Du behöver en roll i ${org.name}, eller i organisationen som äger bidraget, för att se organisationens statsbidrag.`);
  }
  return { organisation: { code: org.code, name: org.name }, grants };
}

/** One recipient's grant under one part, with spending and internal decisions. */
export async function recipientDetail(db: Conn, actor: Actor, partId: number, code: string, today: string): Promise<RecipientDetail> {
  const org = await organisationByCode(db, code);
  const [grant] = await recipientGrants(db, { partId, recipientCodes: [code], draftOrganisations: readableOrganisationIds(actor) }, today);
  if (!grant) {
    const part = await db.selectFrom("grant_parts").select("id").where("id", "=", partId).executeTakeFirst();
    throw new NotFoundError(part ? `${org.name} har inget belopp i beslutsdel ${partId}.` : `Beslutsdel ${partId} finns inte.`);
  }
  if (!canReadRecipientRecord(actor, grant)) throw new ForbiddenError(`Du behöver en roll i ${org.name}, eller i organisationen som äger bidraget, för att se organisationens statsbidrag.`);
  const spending = await listSpending(db, partId, code);
  const internalDecisions = await listInternalDecisions(db, { partId, organisationId: org.id, draftOrganisations: readableOrganisationIds(actor) });
  return { ...grant, spending, internalDecisions };
}
