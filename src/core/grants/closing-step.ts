import type { Ore } from "../allocation/types";
import { formatAmount } from "../money";
import { daysBetween } from "./dates";

export type ClosingStepKind = "requisition" | "lapsed" | "awaiting_payment" | "financial_report" | "repayment" | "done";
export type ClosingDocument = "requisition" | "financial_report";

export interface ClosingStep {
  kind: ClosingStepKind;
  /** Swedish: "Rekvirera senast 2023-12-01", "Lämna ekonomisk redovisning till Kammarkollegiet senast 2024-03-31". */
  text: string;
  dueDate: string | null;
  overdue: boolean;
  /** The document Fördela produces for this step, if any. */
  document: ClosingDocument | null;
}

export interface ClosingStepInput {
  requisitionDeadline: string | null;
  reportDeadline: string | null;
  reportRecipient: string | null;
  repaymentDeadline: string | null;
  repaymentRecipient: string | null;
  requisitionedOn: string | null;
  /** A requisition document has been produced (it may not yet be sent). */
  requisitionProduced: boolean;
  received: Ore | null;
  /** A financial report has been filed, or the register says it was handed in. */
  reported: boolean;
  /** The version of the filed report whose figures no longer agree with the register (a consent or a cost came later). */
  outdatedReportVersion: number | null;
  repaidOn: string | null;
  toRepay: Ore;
  /** The consent's new deadline for money carried into this part, which may come before the part's own. */
  carriedInDeadline: string | null;
  today: string;
}

const kr = (ore: Ore) => formatAmount(ore, "kr");

function earliest(...dates: (string | null)[]): string | null {
  const ds = dates.filter((d): d is string => Boolean(d)).sort();
  return ds[0] ?? null;
}

function late(date: string | null, today: string): string {
  if (!date || today <= date) return "";
  const n = daysBetween(date, today);
  return ` (försenat ${n} ${n === 1 ? "dag" : "dagar"})`;
}

/**
 * What a grant coordinator has to do next to close one part, and which document Fördela makes
 * for it: requisition before the deadline, then the financial report, then the repayment of what
 * is neither used nor carried forward.
 * @example nextClosingStep({ ...input, received: null, requisitionedOn: null }).document // "requisition"
 */
export function nextClosingStep(s: ClosingStepInput): ClosingStep {
  const received = s.received !== null && s.received > 0;
  if (!received && !s.requisitionedOn) {
    if (s.requisitionDeadline && s.today > s.requisitionDeadline) {
      return { kind: "lapsed", text: `Rätten till bidraget har förfallit: rekvisitionen skulle ha kommit in senast ${s.requisitionDeadline}`, dueDate: s.requisitionDeadline, overdue: true, document: null };
    }
    const text = s.requisitionDeadline ? `${s.requisitionProduced ? "Skicka rekvisitionen" : "Rekvirera"} senast ${s.requisitionDeadline}` : s.requisitionProduced ? "Skicka rekvisitionen" : "Rekvirera medlen";
    return { kind: "requisition", text, dueDate: s.requisitionDeadline, overdue: false, document: "requisition" };
  }
  if (!received) return { kind: "awaiting_payment", text: `Invänta utbetalning (rekvirerat ${s.requisitionedOn})`, dueDate: null, overdue: false, document: null };
  if (s.reported && s.outdatedReportVersion !== null) {
    const due = earliest(s.reportDeadline, s.carriedInDeadline);
    return { kind: "financial_report", text: `Lämna en rättad ekonomisk redovisning: siffrorna har ändrats sedan version ${s.outdatedReportVersion}`, dueDate: due, overdue: false, document: "financial_report" };
  }
  if (!s.reported) {
    const due = earliest(s.reportDeadline, s.carriedInDeadline);
    const to = s.reportRecipient ? ` till ${s.reportRecipient}` : "";
    return { kind: "financial_report", text: `Lämna ekonomisk redovisning${to}${due ? ` senast ${due}` : ""}${late(due, s.today)}`, dueDate: due, overdue: due !== null && s.today > due, document: "financial_report" };
  }
  if (s.toRepay > 0 && !s.repaidOn) {
    const due = earliest(s.repaymentDeadline, s.carriedInDeadline);
    const to = s.repaymentRecipient ? ` till ${s.repaymentRecipient}` : "";
    return { kind: "repayment", text: `Återbetala ${kr(s.toRepay)}${to}${due ? ` senast ${due}` : ""}${late(due, s.today)}`, dueDate: due, overdue: due !== null && s.today > due, document: null };
  }
  return { kind: "done", text: "Klar", dueDate: null, overdue: false, document: null };
}

export interface YearMoney {
  year: number;
  partId: number;
  received: Ore;
  carriedIn: Ore;
  used: Ore;
  carriedForward: Ore;
  toRepay: Ore;
}

export interface MoneyOverYears {
  years: YearMoney[];
  received: Ore;
  used: Ore;
  toRepay: Ore;
  /** Unspent at the end of the last year (carried forward to a year not yet registered included). */
  leftAtEnd: Ore;
  /** Swedish notes where one year's carried-forward amount is not the next year's carried-in amount. */
  mismatches: string[];
}

/**
 * A multi-year agreement (one agreement, a decision each year) as one line of money: what came in
 * each year, what was used, what moved on to the next year, and what went back.
 */
export function moneyOverYears(rows: YearMoney[]): MoneyOverYears {
  const years = [...rows].sort((a, b) => a.year - b.year || a.partId - b.partId);
  const mismatches: string[] = [];
  for (let i = 1; i < years.length; i++) {
    const prev = years[i - 1]!;
    const cur = years[i]!;
    if (prev.carriedForward !== cur.carriedIn) {
      mismatches.push(`${prev.year} förs ${kr(prev.carriedForward)} vidare men ${cur.year} tar emot ${kr(cur.carriedIn)}.`);
    }
  }
  const total = (f: (y: YearMoney) => Ore) => years.reduce((s, y) => s + f(y), 0);
  const last = years.at(-1);
  return { years, received: total((y) => y.received), used: total((y) => y.used), toRepay: total((y) => y.toRepay), leftAtEnd: last ? last.carriedForward : 0, mismatches };
}
