import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../actor";
import { requireRuleAdmin, ruleViews, type SsoRuleView } from "./rule-view";

/** The single sign-on rules in the order they are tried (system administrators only). */
export async function listSsoRules(db: Kysely<Database>, actor: Actor): Promise<SsoRuleView[]> {
  requireRuleAdmin(actor);
  return ruleViews(db);
}
