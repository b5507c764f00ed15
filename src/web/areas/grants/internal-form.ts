import { formatAmount } from "../../../core/money";
import { readAmount } from "./decision-form";
import type { InternalDecision, InternalInput, InternalLine } from "./types";

// A draft internal allocation decision as typed; lists (conditions, distribution) one per line.

export interface InternalLineForm {
  key: number;
  label: string;
  kind: InternalLine["kind"];
  amountText: string;
  earmarkPurpose?: string;
  accountingObject?: string;
}

export interface InternalForm {
  title: string;
  totalText: string;
  decidedBy: string;
  decidedByTitle: string;
  decisionDate: string;
  delegationPoint: string;
  reportedTo: string;
  reportedOn: string;
  accountingObject: string;
  conditions: string;
  distributionList: string;
  lines: InternalLineForm[];
}

export function internalForm(d: InternalDecision): InternalForm {
  const m = d.metadata;
  return {
    title: d.title,
    totalText: formatAmount(d.total, "kr"),
    decidedBy: m.decidedBy ?? "",
    decidedByTitle: m.decidedByTitle ?? "",
    decisionDate: m.decisionDate ?? "",
    delegationPoint: m.delegationPoint ?? "",
    reportedTo: m.reportedTo ?? "",
    reportedOn: m.reportedOn ?? "",
    accountingObject: m.accountingObject ?? "",
    conditions: m.conditions.join("\n"),
    distributionList: m.distributionList.join("\n"),
    lines: d.lines.map((l, i) => ({ key: i + 1, label: l.label, kind: l.kind, amountText: l.amount === undefined ? "" : formatAmount(l.amount, "kr"), earmarkPurpose: l.earmarkPurpose, accountingObject: l.accountingObject })),
  };
}

const list = (s: string) => s.split("\n").map((x) => x.trim()).filter(Boolean);
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** Keeps the metadata fields the form does not show (delegation text, basis documents) from the stored decision. */
export function toInternalInput(form: InternalForm, kept: Pick<InternalInput["metadata"], "caseNumber" | "delegationText" | "basisDocuments"> = { caseNumber: null, delegationText: null, basisDocuments: [] }): { input?: InternalInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.title.trim()) errors["int-title"] = "Ange rubrik.";
  const total = readAmount(form.totalText);
  if (total.error || total.ore === null) errors["int-total"] = total.error ?? "Ange beloppet att fördela.";
  for (const f of ["decisionDate", "reportedOn"] as const) if (form[f].trim() && !/^\d{4}-\d{2}-\d{2}$/.test(form[f].trim())) errors[`int-${f}`] = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (form.lines.length === 0) errors["int-lines"] = "Minst en rad behövs.";
  const lines: InternalLine[] = form.lines.map((l, i) => {
    if (!l.label.trim()) errors[`int-line-${l.key}-label`] = `Rad ${i + 1}: ange ändamål.`;
    const line: InternalLine = { label: l.label.trim(), kind: l.kind };
    if (l.earmarkPurpose) line.earmarkPurpose = l.earmarkPurpose;
    if (l.accountingObject) line.accountingObject = l.accountingObject;
    if (l.kind !== "remainder") {
      const read = readAmount(l.amountText);
      if (read.error || read.ore === null) errors[`int-line-${l.key}-amount`] = `Rad ${i + 1}: ${read.error ?? "ange belopp."}`;
      line.amount = read.ore ?? 0;
    }
    return line;
  });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      title: form.title.trim(),
      total: total.ore!,
      lines,
      metadata: {
        ...kept,
        decidedBy: orNull(form.decidedBy),
        decidedByTitle: orNull(form.decidedByTitle),
        decisionDate: orNull(form.decisionDate),
        delegationPoint: orNull(form.delegationPoint),
        reportedTo: orNull(form.reportedTo),
        reportedOn: orNull(form.reportedOn),
        accountingObject: orNull(form.accountingObject),
        conditions: list(form.conditions),
        distributionList: list(form.distributionList),
      },
    },
  };
}
