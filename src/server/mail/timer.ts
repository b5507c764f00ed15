import { todayInSweden } from "../../core/grants/dates";
import type { Db } from "../../db/connect";
import { sendDueReminders } from "../../app/grants/send-reminders";
import { smtpConfigFromEnv } from "../../app/grants/smtp-config";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sends due reminders now and then once a day while the server runs, when SMTP is configured.
 * Returns a stop function, or null when reminders are off. Sending at most once per deadline
 * and address is the database's job, so restarts and overlapping runs are harmless.
 */
export function startReminderTimer(db: Db, log: (line: string) => void): (() => void) | null {
  const smtp = smtpConfigFromEnv();
  if (!smtp) return null;
  const tick = async () => {
    try {
      const run = await sendDueReminders(db, smtp, todayInSweden());
      if (run.sent.length > 0 || run.failed.length > 0) log(`Påminnelser: ${run.sent.length} skickade, ${run.failed.length} misslyckades`);
      for (const f of run.failed) log(`  ${f.email}: ${f.error}`);
    } catch (err) {
      log(`Påminnelser kunde inte skickas: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
