import type { Ore } from "../allocation/types";
import { daysBetween } from "./dates";
import { recipientFigures } from "./figures";
import type { PartTerms, ReceiptState } from "./types";

export type DeadlineKind = "requisition" | "financial_report" | "repayment" | "partial_report" | "final_report";

export const deadlineKindNames: Record<DeadlineKind, string> = {
  requisition: "Rekvisition",
  financial_report: "Ekonomisk redovisning",
  repayment: "Återbetalning av outnyttjade medel",
  partial_report: "Delredovisning",
  final_report: "Slutredovisning",
};

export interface Deadline {
  /** Stable identity: kind, part, organisation and date, so a moved deadline is a new one. */
  key: string;
  kind: DeadlineKind;
  date: string;
  partId: number;
  /** The grant part, for people: "Sammanhållen, jämlik och säker vård 2023 (S2023/00488): …". */
  title: string;
  /** Whose deadline it is. */
  organisationCode: string;
  organisationName: string;
  /** To whom it goes: "Kammarkollegiet". */
  counterpart: string | null;
  /** The amount concerned where there is one: entitlement for a requisition, what to repay. */
  amount: Ore | null;
  /** Null when the recipient's own record is not the reader's to see (see app/grants/visibility). */
  done: boolean | null;
}

export interface DueDeadline extends Deadline {
  daysLeft: number;
  overdue: boolean;
  /** "Rekvisition till Kammarkollegiet: … (Region Jämtland Härjedalen)". */
  summary: string;
}

/** The deadlines one recipient has under one part, marked done from its own record. */
export function deadlinesFor(terms: PartTerms & { payer: string | null }, org: { code: string; name: string }, state: ReceiptState): Deadline[] {
  const figures = recipientFigures(state);
  const base = { partId: terms.partId, title: terms.title, organisationCode: org.code, organisationName: org.name };
  const make = (kind: DeadlineKind, date: string, counterpart: string | null, amount: Ore | null, done: boolean): Deadline => ({
    ...base,
    key: `${kind}:${terms.partId}:${org.code}:${date}`,
    kind,
    date,
    counterpart,
    amount,
    done,
  });
  const out: Deadline[] = [];
  const received = state.received !== null && state.received > 0;
  if (terms.requisitionDeadline) out.push(make("requisition", terms.requisitionDeadline, terms.payer, state.entitled, Boolean(state.requisitionedOn) || received));
  if (terms.reportDeadline) out.push(make("financial_report", terms.reportDeadline, terms.reportRecipient, null, Boolean(state.reportedOn)));
  if (terms.repaymentDeadline) {
    // Until the money has arrived the whole entitlement may come back; afterwards only what is unspent.
    const amount = received ? figures.toRepay : null;
    const done = Boolean(state.repaidOn) || (received && figures.toRepay === 0 && Boolean(state.reportedOn));
    out.push(make("repayment", terms.repaymentDeadline, terms.repaymentRecipient, amount, done));
  }
  for (const report of terms.activityReports) {
    const kind = report.kind === "partial" ? "partial_report" : "final_report";
    const done = report.kind === "partial" ? state.partialReportOn : state.finalReportOn;
    out.push(make(kind, report.deadline, report.recipient, null, Boolean(done)));
  }
  return out;
}

export interface CalendarOptions {
  today: string;
  /** Only deadlines at most this many days ahead (overdue ones are always kept unless done). */
  withinDays?: number;
  includeDone?: boolean;
  organisationCodes?: readonly string[];
}

/**
 * One calendar over all grants and organisations: days left counted from `today`, overdue marked,
 * sorted by date then organisation. Done deadlines drop out unless asked for.
 */
export function calendar(deadlines: readonly Deadline[], options: CalendarOptions): DueDeadline[] {
  const orgs = options.organisationCodes ? new Set(options.organisationCodes) : undefined;
  return deadlines
    .filter((d) => !orgs || orgs.has(d.organisationCode))
    .filter((d) => options.includeDone || !d.done)
    .map((d) => {
      const daysLeft = daysBetween(options.today, d.date);
      const to = d.counterpart ? ` till ${d.counterpart}` : "";
      return { ...d, daysLeft, overdue: d.done === false && daysLeft < 0, summary: `${deadlineKindNames[d.kind]}${to}: ${d.title} (${d.organisationName})` };
    })
    .filter((d) => options.withinDays === undefined || d.daysLeft <= options.withinDays)
    .sort((a, b) => a.date.localeCompare(b.date) || a.organisationName.localeCompare(b.organisationName, "sv") || a.kind.localeCompare(b.kind));
}

/** "om 14 dagar", "i dag", "3 dagar försenad": how a list shows days left. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return "i dag";
  if (daysLeft === 1) return "i morgon";
  if (daysLeft > 0) return `om ${daysLeft} dagar`;
  return `${-daysLeft} ${daysLeft === -1 ? "dag" : "dagar"} försenad`;
}
