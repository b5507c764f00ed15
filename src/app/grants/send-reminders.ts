import nodemailer from "nodemailer";
import { calendar } from "../../core/grants/deadlines";
import type { Db } from "../../db/connect";
import { collectDeadlines } from "../../db/queries/grants-recipients";
import { reminderMessage } from "../../formats/grants/reminder-mail";
import type { SmtpConfig } from "./smtp-config";

export interface ReminderRecipient {
  email: string;
  daysBefore: number;
  organisationCodes: string[];
}

export interface ReminderRun {
  sent: { email: string; key: string; subject: string }[];
  failed: { email: string; key: string; error: string }[];
}

/** Everyone who asked for reminders: users for their organisations, organisations for themselves. */
export async function reminderRecipients(db: Db): Promise<ReminderRecipient[]> {
  const settings = await db
    .selectFrom("reminder_settings as s")
    .leftJoin("organisations as o", "o.id", "s.organisation_id")
    .select(["s.user_id", "s.email", "s.days_before", "o.code as organisation_code"])
    .where("s.enabled", "=", true)
    .execute();
  const out: ReminderRecipient[] = [];
  for (const s of settings) {
    let codes: string[];
    if (s.user_id !== null) {
      const roles = await db.selectFrom("user_roles as r").innerJoin("organisations as o", "o.id", "r.organisation_id").select("o.code").where("r.user_id", "=", s.user_id).execute();
      codes = roles.map((r) => r.code);
    } else {
      codes = s.organisation_code ? [s.organisation_code] : [];
    }
    if (codes.length > 0) out.push({ email: s.email, daysBefore: s.days_before, organisationCodes: codes });
  }
  return out;
}

/**
 * Sends the reminders due today: every deadline at most `daysBefore` days ahead and not yet
 * passed, once per deadline and address. A recipient is a member of the organisations it is
 * reminded for (or their mailbox), so it sees the deadlines in full. The row in reminders_sent is claimed before sending,
 * so two runs at once cannot both send; a failed send gives the claim back for the next run.
 */
export async function sendDueReminders(db: Db, smtp: SmtpConfig, today: string): Promise<ReminderRun> {
  const transport = nodemailer.createTransport(smtp.url);
  const run: ReminderRun = { sent: [], failed: [] };
  try {
    for (const recipient of await reminderRecipients(db)) {
      const deadlines = await collectDeadlines(db, { recipientCodes: recipient.organisationCodes, draftOrganisations: [] }, today);
      const due = calendar(deadlines, { today, withinDays: recipient.daysBefore }).filter((d) => d.daysLeft >= 0);
      for (const deadline of due) {
        const claimed = await db
          .insertInto("reminders_sent")
          .values({ deadline_key: deadline.key, email: recipient.email })
          .onConflict((oc) => oc.columns(["deadline_key", "email"]).doNothing())
          .returning("deadline_key")
          .executeTakeFirst();
        if (!claimed) continue;
        const message = reminderMessage(deadline);
        try {
          await transport.sendMail({ from: smtp.from, to: recipient.email, subject: message.subject, text: message.text });
          run.sent.push({ email: recipient.email, key: deadline.key, subject: message.subject });
        } catch (err) {
          await db.deleteFrom("reminders_sent").where("deadline_key", "=", deadline.key).where("email", "=", recipient.email).execute();
          run.failed.push({ email: recipient.email, key: deadline.key, error: err instanceof Error ? err.message : String(err) });
        }
      }
    }
  } finally {
    transport.close();
  }
  return run;
}
