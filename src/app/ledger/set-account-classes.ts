import type { AccountClassOverride } from "../../core/followup/account-class";
import { ConflictError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { bumpAccountClassSet, listAccountClasses, lockAccountClassSet, replaceAccountClasses, type AccountClassSet } from "../../ledger/mappings";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction } from "../transaction";

/**
 * Replaces an organisation's account class overrides (the ranges that differ from BAS) as one
 * set, based on the set's revision as read. The class totals are summed again lazily when a
 * report next reads them (ledger/class-totals.ts compares the mapping they were summed with).
 */
export async function setAccountClasses(db: Db, actor: Actor, input: { organisationId: number; overrides: readonly AccountClassOverride[]; revision: number }): Promise<AccountClassSet> {
  const { organisationId, overrides } = input;
  requireRole(actor, organisationId, "editor");
  const seen = new Set<string>();
  for (const o of overrides) {
    // The table's key is (organisation, from, to): the same range twice would be a database error.
    const range = `${o.from}–${o.to}`;
    if (seen.has(range)) throw new ConflictError(`Kontointervallet ${range} finns två gånger; ange varje intervall en gång.`, "duplicate");
    seen.add(range);
  }
  return inTransaction(db, async (trx) => {
    assertRevision("Kontoklasserna", await lockAccountClassSet(trx, organisationId), input.revision);
    const before = await listAccountClasses(trx, organisationId);
    await replaceAccountClasses(trx, organisationId, overrides);
    const revision = await bumpAccountClassSet(trx, organisationId, actor.username);
    await writeAudit(trx, actor, { action: "update", entity: "ledger_account_classes", organisationId, before, after: overrides });
    return { overrides: await listAccountClasses(trx, organisationId), revision };
  });
}
