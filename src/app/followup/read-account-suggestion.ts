import type { Kysely } from "kysely";
import { suggestAccountClasses, type AccountSuggestion } from "../../core/followup/account-suggestion";
import type { Database } from "../../db/schema";
import { listAccountClasses } from "../../ledger/mappings";
import type { Actor } from "../actor";
import { requireRole } from "../access";

/** The suggestion from the organisation's imported chart (#KONTO, #KTYP) and its own account ranges. */
export async function computeAccountSuggestion(db: Kysely<Database>, organisationId: number): Promise<AccountSuggestion> {
  const [chart, own] = await Promise.all([
    db.selectFrom("ledger_accounts").select(["account", "name", "account_type as type"]).where("organisation_id", "=", organisationId).execute(),
    listAccountClasses(db, organisationId),
  ]);
  return suggestAccountClasses(chart, own);
}

export async function readAccountSuggestion(db: Kysely<Database>, actor: Actor, input: { organisationId: number }): Promise<AccountSuggestion> {
  requireRole(actor, input.organisationId, "reader");
  return computeAccountSuggestion(db, input.organisationId);
}
