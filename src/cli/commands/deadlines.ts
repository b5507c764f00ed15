import { parseArgs } from "node:util";
import { calendar, daysLeftText, deadlineKindNames, type DueDeadline } from "../../core/grants/deadlines";
import { todayInSweden } from "../../core/grants/dates";
import { formatAmount } from "../../core/money";
import type { Db } from "../../db/connect";
import { collectDeadlines } from "../../db/queries/grants-recipients";
import { writeIcs } from "../../formats/ics/write";
import { openAppDatabase } from "../database";
import { CliError, dateOption } from "../errors";

export const deadlinesHelp = `fordela deadlines [--within 30d] [--org KOD] [--today ÅÅÅÅ-MM-DD] [--format table|json|ics] [--all]

Tidsfrister för statsbidrag över alla organisationer: rekvisition, ekonomisk redovisning,
återbetalning, del- och slutredovisning. Försenade visas alltid och markeras.
  --within 30d   bara frister högst så många dagar framåt (standard: alla)
  --org 23       bara en organisation (regionens länskod, SVR-…, SKR)
  --today        räkna som om i dag vore detta datum
  --format ics   iCalendar (.ics) att importera i en kalender
  --all          ta med frister som redan är klara`;

export interface DeadlinesOptions {
  withinDays?: number;
  org?: string;
  today: string;
  includeDone?: boolean;
}

/** "30d", "30" or "2w" as days. */
export function parseWithin(text: string): number {
  const m = /^(\d+)\s*(d|dagar|w|v)?$/i.exec(text.trim());
  if (!m) throw new CliError(`--within: "${text}" ska vara ett antal dagar, t.ex. 30d.`);
  return Number(m[1]) * (m[2] && /^[wv]$/i.test(m[2]) ? 7 : 1);
}

export async function dueDeadlines(db: Db, options: DeadlinesOptions): Promise<DueDeadline[]> {
  const all = await collectDeadlines(db, { recipientCodes: options.org ? [options.org] : undefined, draftOrganisations: "all" }, options.today);
  return calendar(all, { today: options.today, withinDays: options.withinDays, includeDone: options.includeDone });
}

export function deadlinesText(deadlines: readonly DueDeadline[]): string {
  if (deadlines.length === 0) return "Inga tidsfrister.";
  const rows = deadlines.map((d) => [
    d.date,
    d.done ? "klar" : d.overdue ? `FÖRSENAD, ${daysLeftText(d.daysLeft)}` : daysLeftText(d.daysLeft),
    deadlineKindNames[d.kind] + (d.counterpart ? ` till ${d.counterpart}` : ""),
    d.organisationName,
    d.amount !== null ? formatAmount(d.amount, "kr") : "",
    d.title,
  ]);
  const header = ["Datum", "Kvar", "Vad", "Organisation", "Belopp", "Bidrag"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

export async function deadlinesCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      within: { type: "string" },
      org: { type: "string" },
      today: { type: "string" },
      format: { type: "string", default: "table" },
      all: { type: "boolean", default: false },
    },
  });
  if (!["table", "json", "ics"].includes(values.format!)) throw new CliError(`--format: "${values.format}" ska vara table, json eller ics.`);
  dateOption("--today", values.today);
  const opened = await openAppDatabase();
  try {
    const today = values.today ?? todayInSweden();
    const list = await dueDeadlines(opened.db, { today, org: values.org, withinDays: values.within ? parseWithin(values.within) : undefined, includeDone: values.all });
    if (values.format === "json") console.log(JSON.stringify(list, null, 2));
    else if (values.format === "ics") {
      process.stdout.write(writeIcs({ name: `Statsbidrag${values.org ? ` – ${values.org}` : ""}`, now: new Date(), events: list.map((d) => ({ uid: `${d.key}@fordela`, date: d.date, summary: d.summary })) }));
    } else console.log(deadlinesText(list));
  } finally {
    await opened.close();
  }
}
