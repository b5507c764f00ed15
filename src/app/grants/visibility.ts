import { deadlinesFor, type Deadline } from "../../core/grants/deadlines";
import type { RecipientGrant } from "../../core/grants/records";
import { can } from "../access";
import type { Actor } from "../actor";

// Who may read which facts of a state grant, decided here and nowhere else:
// - a government decision (decided), its parts, their terms and deadlines, and how each part is
//   distributed to recipients are public to every signed-in user (drafts: see access.requireVisible);
// - a recipient's own record of the grant — requisition, receipt, spending, reports and repayment,
//   and everything derived from it (figures, status, whether a deadline is done) — is readable by
//   the recipient organisation and the grant's owner (the organisation that registered the decision),
//   and by administrators.

/** May the actor read this recipient's own record of the grant? */
export function canReadRecipientRecord(actor: Actor, grant: Pick<RecipientGrant, "recipientOrganisationId" | "ownerOrganisationId">): boolean {
  return can(actor, grant.recipientOrganisationId, "reader") || can(actor, grant.ownerOrganisationId, "reader");
}

/** A recipient's grants the actor may read in full. */
export function readableRecipientGrants<T extends Pick<RecipientGrant, "recipientOrganisationId" | "ownerOrganisationId">>(actor: Actor, grants: readonly T[]): T[] {
  return grants.filter((g) => canReadRecipientRecord(actor, g));
}

const nothingRecorded = (entitled: number) => ({
  entitled,
  requisitionedOn: null,
  requisitioned: null,
  receivedOn: null,
  received: null,
  spent: 0,
  reportedOn: null,
  repaidOn: null,
  repaid: null,
  partialReportOn: null,
  finalReportOn: null,
});

/**
 * The deadlines of the given grants as the actor may see them: in full where the recipient's
 * record is theirs to read, otherwise only the public facts (what, when, to whom, the entitled
 * amount), with `done` unknown (null) and no amount that derives from the recipient's spending.
 */
export function deadlinesVisibleTo(actor: Actor | "all", grants: readonly RecipientGrant[]): Deadline[] {
  return grants.flatMap((g) => {
    const org = { code: g.recipientCode, name: g.recipientName };
    if (actor === "all" || canReadRecipientRecord(actor, g)) {
      return deadlinesFor(g.terms, org, { ...nothingRecorded(g.entitled), ...g.receipt, spent: g.figures.spent });
    }
    return deadlinesFor(g.terms, org, nothingRecorded(g.entitled)).map((d) => ({ ...d, done: null }));
  });
}
