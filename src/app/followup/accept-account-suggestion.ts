import type { Kysely } from "kysely";
import type { AccountClassOverride } from "../../core/followup/account-class";
import { ConflictError, NotFoundError } from "../../core/errors";
import type { Database } from "../../db/schema";
import { bumpAccountClassSet, listAccountClasses, lockAccountClassSet } from "../../ledger/mappings";
import type { Actor } from "../actor";
import { requireRole } from "../access";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { computeAccountSuggestion } from "./read-account-suggestion";

export interface AcceptAccountSuggestionResult {
  /** The account ranges added (one per account). */
  added: AccountClassOverride[];
  /** The organisation's own ranges after the change. */
  overrides: AccountClassOverride[];
  /** The revision of the organisation's set of ranges after the change. */
  revision: number;
}

/**
 * Adds the suggested account ranges (joint financing, income outside BAS class 3) to the
 * organisation's own. The client sends the suggestion's basis as it was shown; it is computed
 * again under a lock on the organisation, and a different one (a later import, somebody's
 * own change) is refused with 409 rather than saving what the user did not see.
 */
export async function acceptAccountSuggestion(db: Kysely<Database>, actor: Actor, input: { organisationId: number; basis: string }): Promise<AcceptAccountSuggestionResult> {
  requireRole(actor, input.organisationId, "editor");
  return inTransaction(db, async (trx) => {
    const org = await trx.selectFrom("organisations").select("id").where("id", "=", input.organisationId).executeTakeFirst();
    if (!org) throw new NotFoundError("Organisationen finns inte.");
    // The set's lock: an accept and a save of the ranges on the settings page take turns. The
    // basis below stands in for the revision, as it covers the ranges and the imported accounts.
    await lockAccountClassSet(trx, input.organisationId);
    const suggestion = await computeAccountSuggestion(trx, input.organisationId);
    if (suggestion.additions.length === 0) throw new ConflictError("Det finns inget förslag att godta: kontoklasserna räknar redan kontona så som förslaget säger.", "nothing_to_accept");
    if (suggestion.basis !== input.basis)
      throw new ConflictError("Förslaget har ändrats sedan sidan visade det (en ny import eller en ändrad kontoklass). Läs det nya förslaget och godta det igen.", "stale");
    const before = await listAccountClasses(trx, input.organisationId);
    await trx
      .insertInto("ledger_account_classes")
      .values(suggestion.additions.map((o) => ({ organisation_id: input.organisationId, account_from: o.from, account_to: o.to, class: o.class, joint_financing: o.jointFinancing ?? false })))
      .execute();
    const revision = await bumpAccountClassSet(trx, input.organisationId, actor.username);
    const overrides = await listAccountClasses(trx, input.organisationId);
    await writeAudit(trx, actor, { action: "update", entity: "ledger_account_classes", organisationId: input.organisationId, before, after: { accepted: "förslag", added: suggestion.additions, overrides } });
    return { added: suggestion.additions, overrides, revision };
  });
}
