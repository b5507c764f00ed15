import type { Ore } from "../allocation/types";
import { formatAmount } from "../money";
import { daysBetween } from "./dates";
import { recipientFigures } from "./figures";
import type { PartTerms, ReceiptState } from "./types";

export type StatusCode = "requisition" | "lapsed" | "awaiting_payment" | "follow_up" | "done";

export interface RecipientStatus {
  code: StatusCode;
  /** What is next, in Swedish: "Rekvirera senast 2023-12-01", "Klar". */
  text: string;
  dueDate: string | null;
  overdue: boolean;
}

interface Task {
  verb: "report" | "repay" | "partial" | "final";
  date: string;
  recipient: string;
  amount?: Ore;
}

const kr = (ore: Ore) => formatAmount(ore, "kr");

/** The tasks left once the money has arrived: financial report, repayment, activity reports. */
export function pendingTasks(terms: PartTerms, state: ReceiptState): Task[] {
  const tasks: Task[] = [];
  const figures = recipientFigures(state);
  if (terms.reportDeadline && !state.reportedOn) tasks.push({ verb: "report", date: terms.reportDeadline, recipient: terms.reportRecipient ?? "bidragsgivaren" });
  if (terms.repaymentDeadline && figures.toRepay > 0 && !state.repaidOn) {
    tasks.push({ verb: "repay", date: terms.repaymentDeadline, recipient: terms.repaymentRecipient ?? "bidragsgivaren", amount: figures.toRepay });
  }
  for (const report of terms.activityReports) {
    const done = report.kind === "partial" ? state.partialReportOn : state.finalReportOn;
    if (!done) tasks.push({ verb: report.kind, date: report.deadline, recipient: report.recipient });
  }
  return tasks.sort((a, b) => a.date.localeCompare(b.date));
}

function phrase(tasks: Task[]): string {
  const report = tasks.find((t) => t.verb === "report");
  const repay = tasks.find((t) => t.verb === "repay");
  const parts: string[] = [];
  if (report && repay && report.recipient === repay.recipient) {
    parts.push(`Redovisa och återbetala ${kr(repay.amount!)} till ${repay.recipient}`);
  } else {
    if (report) parts.push(`Redovisa till ${report.recipient}`);
    if (repay) parts.push(`återbetala ${kr(repay.amount!)} till ${repay.recipient}`);
  }
  for (const t of tasks) {
    if (t.verb === "partial") parts.push(`lämna delredovisning till ${t.recipient}`);
    if (t.verb === "final") parts.push(`lämna slutredovisning till ${t.recipient}`);
  }
  const text = parts.join(" och ");
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

function overdueNote(date: string, today: string): string {
  const late = daysBetween(date, today);
  return late > 0 ? ` (försenat ${late} ${late === 1 ? "dag" : "dagar"})` : "";
}

/**
 * What a recipient has to do next for one grant part, given today's date: requisition before the
 * deadline (or the right lapses), wait for payment, report, repay what is unspent, hand in
 * activity reports; "Klar" when nothing is left. Tasks falling due the same day are named together.
 * @example recipientStatus(terms, state, "2023-06-01").text // "Rekvirera senast 2023-12-01"
 */
export function recipientStatus(terms: PartTerms, state: ReceiptState, today: string): RecipientStatus {
  const hasReceived = state.received !== null && state.received > 0;
  if (!state.requisitionedOn && !hasReceived) {
    if (!terms.requisitionDeadline) return { code: "requisition", text: "Rekvirera medlen", dueDate: null, overdue: false };
    if (today > terms.requisitionDeadline) {
      return {
        code: "lapsed",
        text: `Rätten till bidraget har förfallit: rekvisitionen skulle ha kommit in senast ${terms.requisitionDeadline}`,
        dueDate: terms.requisitionDeadline,
        overdue: true,
      };
    }
    return { code: "requisition", text: `Rekvirera senast ${terms.requisitionDeadline}`, dueDate: terms.requisitionDeadline, overdue: false };
  }
  if (!hasReceived) {
    const asked = state.requisitioned !== null ? ` av ${kr(state.requisitioned)}` : "";
    return { code: "awaiting_payment", text: `Invänta utbetalning${asked} (rekvirerat ${state.requisitionedOn})`, dueDate: null, overdue: false };
  }
  const tasks = pendingTasks(terms, state);
  const first = tasks[0];
  if (!first) return { code: "done", text: "Klar", dueDate: null, overdue: false };
  const sameDay = tasks.filter((t) => t.date === first.date);
  return {
    code: "follow_up",
    text: `${phrase(sameDay)} senast ${first.date}${overdueNote(first.date, today)}`,
    dueDate: first.date,
    overdue: today > first.date,
  };
}
