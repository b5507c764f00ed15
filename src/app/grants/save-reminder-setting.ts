import { StaleRevisionError } from "../../core/errors";
import type { Db } from "../../db/connect";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction, type Trx } from "../transaction";

export interface ReminderSetting {
  email: string;
  daysBefore: number;
  enabled: boolean;
}

export type StoredReminderSetting = ReminderSetting & { revision: number };

type Owner = { userId: number } | { organisationId: number; organisationCode: string };

function ownerColumn(owner: Owner) {
  return "userId" in owner ? ({ column: "user_id", id: owner.userId } as const) : ({ column: "organisation_id", id: owner.organisationId } as const);
}

export async function readReminderSetting(db: Db | Trx, owner: Owner): Promise<StoredReminderSetting | null> {
  const { column, id } = ownerColumn(owner);
  const r = await db.selectFrom("reminder_settings").select(["email", "days_before", "enabled", "revision"]).where(column, "=", id).executeTakeFirst();
  return r ? { email: r.email, daysBefore: r.days_before, enabled: r.enabled, revision: r.revision } : null;
}

/**
 * Saves who gets e-mail reminders: a user's own setting, or an organisation's mailbox (its
 * administrators). Conditional on the revision read, 0 when none was set.
 */
export async function saveReminderSetting(db: Db, actor: Actor, owner: Owner, input: ReminderSetting & { revision: number }): Promise<StoredReminderSetting> {
  if ("organisationId" in owner) requireRole(actor, owner.organisationId, "admin");
  const { column, id } = ownerColumn(owner);
  return inTransaction(db, async (trx) => {
    const values = { email: input.email, days_before: input.daysBefore, enabled: input.enabled, updated_by: actor.username, updated_at: new Date() };
    const written =
      input.revision === 0
        ? await trx.insertInto("reminder_settings").values({ [column]: id, ...values }).onConflict((oc) => oc.column(column).doNothing()).returning("revision").executeTakeFirst()
        : await trx.updateTable("reminder_settings").set((eb) => ({ ...values, revision: eb("revision", "+", 1) })).where(column, "=", id).where("revision", "=", input.revision).returning("revision").executeTakeFirst();
    if (!written) {
      const current = await trx.selectFrom("reminder_settings").select(["revision", "updated_by", "updated_at"]).where(column, "=", id).executeTakeFirst();
      throw new StaleRevisionError("Påminnelseinställningen", current ? { revision: current.revision, updatedBy: current.updated_by, updatedAt: current.updated_at } : { revision: 0, updatedBy: null, updatedAt: null });
    }
    const entityId = "userId" in owner ? `user/${owner.userId}` : `organisation/${owner.organisationCode}`;
    await writeAudit(trx, actor, { action: "update", entity: "reminder_settings", entityId, organisationId: "organisationId" in owner ? owner.organisationId : null, after: { email: input.email, daysBefore: input.daysBefore, enabled: input.enabled } });
    return { email: input.email, daysBefore: input.daysBefore, enabled: input.enabled, revision: written.revision };
  });
}
