import type { Kysely, Transaction } from "kysely";
import type { AccountClassOverride } from "../../core/followup/account-class";
import type { Database } from "../schema";

/** An organisation's account class overrides (the ranges that differ from BAS), as stored. */
export async function accountClassOverrides(db: Kysely<Database> | Transaction<Database>, organisationId: number): Promise<AccountClassOverride[]> {
  const rows = await db.selectFrom("ledger_account_classes").selectAll().where("organisation_id", "=", organisationId).execute();
  return rows.map((r) => ({ from: r.account_from, to: r.account_to, class: r.class, jointFinancing: r.joint_financing }));
}
