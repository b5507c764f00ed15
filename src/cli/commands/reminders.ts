import { parseArgs } from "node:util";
import { todayInSweden } from "../../core/grants/dates";
import { sendDueReminders } from "../../app/grants/send-reminders";
import { smtpConfigFromEnv } from "../../app/grants/smtp-config";
import { openAppDatabase } from "../database";
import { CliError, dateOption } from "../errors";

export const remindersHelp = `fordela reminders send [--today ÅÅÅÅ-MM-DD]

Skickar e-postpåminnelser om tidsfrister för statsbidrag till användare och organisationer
som har ställt in påminnelser, en gång per tidsfrist och adress. Kräver FORDELA_SMTP_URL
(t.ex. smtp://localhost:25) och gärna FORDELA_SMTP_FROM (avsändare).`;

export async function remindersCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { today: { type: "string" } } });
  if (positionals[0] !== "send") throw new CliError(`Okänt underkommando "${positionals[0] ?? ""}".\n\n${remindersHelp}`);
  dateOption("--today", values.today);
  const smtp = smtpConfigFromEnv();
  if (!smtp) throw new CliError("E-post är inte konfigurerad: sätt FORDELA_SMTP_URL (t.ex. smtp://localhost:25).");
  const opened = await openAppDatabase();
  try {
    const run = await sendDueReminders(opened.db, smtp, values.today ?? todayInSweden());
    for (const s of run.sent) console.log(`Skickad till ${s.email}: ${s.subject}`);
    for (const f of run.failed) console.error(`Misslyckades till ${f.email} (${f.key}): ${f.error}`);
    console.log(`${run.sent.length} påminnelser skickade, ${run.failed.length} misslyckades.`);
    if (run.failed.length > 0) throw new CliError("Några påminnelser kunde inte skickas; de försöks igen nästa gång.", 1);
  } finally {
    await opened.close();
  }
}
