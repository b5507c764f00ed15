import { formatAmount, MoneyError, parseAmount } from "../../../core/money";
import type { Decision, DecisionInput, PartInput, RecipientGroup } from "./types";

// The government-decision form as typed, and its translation to the API's input. Free of React
// so that the live sum check and the field errors can be tested on their own.

export interface PartForm {
  /** Stable id for React keys and field ids; not sent. */
  key: number;
  id?: number;
  recipientGroup: RecipientGroup;
  purpose: string;
  amountText: string;
  expenditureArea: string;
  appropriation: string;
  appropriationItem: string;
  appropriationItemName: string;
  oneTime: boolean;
  requisitionDeadline: string;
  reportDeadline: string;
  reportRecipientCode: string;
  repaymentDeadline: string;
  repaymentRecipientCode: string;
  partialReportDeadline: string;
  finalReportDeadline: string;
  activityReportRecipient: string;
}

export interface DecisionForm {
  agreementId: string;
  organisationId: string;
  title: string;
  diaryNumber: string;
  decisionDate: string;
  ministry: string;
  payerCode: string;
  signatoriesText: string;
  totalText: string;
  parts: PartForm[];
}

export type FieldErrors = Record<string, string>;

let nextKey = 1;
export function newPart(group: RecipientGroup = "regions"): PartForm {
  return {
    key: nextKey++,
    recipientGroup: group,
    purpose: "",
    amountText: "",
    expenditureArea: "",
    appropriation: "",
    appropriationItem: "",
    appropriationItemName: "",
    oneTime: false,
    requisitionDeadline: "",
    reportDeadline: "",
    reportRecipientCode: "KAMMARKOLLEGIET",
    repaymentDeadline: "",
    repaymentRecipientCode: "KAMMARKOLLEGIET",
    partialReportDeadline: "",
    finalReportDeadline: "",
    activityReportRecipient: "",
  };
}

export function emptyDecisionForm(): DecisionForm {
  return { agreementId: "", organisationId: "", title: "", diaryNumber: "", decisionDate: "", ministry: "Socialdepartementet", payerCode: "KAMMARKOLLEGIET", signatoriesText: "", totalText: "", parts: [newPart()] };
}

const kr = (ore: number) => formatAmount(ore, "kr");

export function formFromDecision(d: Decision): DecisionForm {
  return {
    agreementId: String(d.agreementId),
    organisationId: String(d.organisationId),
    title: d.title,
    diaryNumber: d.diaryNumber ?? "",
    decisionDate: d.decisionDate ?? "",
    ministry: d.ministry ?? "",
    payerCode: d.payerCode ?? "",
    signatoriesText: d.signatories.join("\n"),
    totalText: kr(d.total),
    parts: d.parts.map((p) => {
      const partial = p.activityReports.find((r) => r.kind === "partial");
      const final = p.activityReports.find((r) => r.kind === "final");
      return {
        key: nextKey++,
        id: p.id,
        recipientGroup: p.recipientGroup,
        purpose: p.purpose,
        amountText: kr(p.amount),
        expenditureArea: p.expenditureArea ?? "",
        appropriation: p.appropriation ?? "",
        appropriationItem: p.appropriationItem ?? "",
        appropriationItemName: p.appropriationItemName ?? "",
        oneTime: p.oneTime,
        requisitionDeadline: p.requisitionDeadline ?? "",
        reportDeadline: p.reportDeadline ?? "",
        reportRecipientCode: p.reportRecipientCode ?? "",
        repaymentDeadline: p.repaymentDeadline ?? "",
        repaymentRecipientCode: p.repaymentRecipientCode ?? "",
        partialReportDeadline: partial?.deadline ?? "",
        finalReportDeadline: final?.deadline ?? "",
        activityReportRecipient: partial?.recipient ?? final?.recipient ?? "",
      };
    }),
  };
}

/** An amount field: öre, or the parser's Swedish message; empty text gives null. */
export function readAmount(text: string): { ore: number | null; error?: string } {
  if (text.trim() === "") return { ore: null };
  try {
    const ore = parseAmount(text);
    if (ore < 0) return { ore: null, error: "Beloppet får inte vara negativt." };
    return { ore };
  } catch (e) {
    return { ore: null, error: e instanceof MoneyError ? e.message : String(e) };
  }
}

export interface LiveCheck {
  total: number | null;
  /** Sum of the parts whose amount reads; unreadable ones are counted as missing. */
  sum: number;
  missing: number;
  /** sum − total, when the total reads. */
  difference: number | null;
  balanced: boolean;
  text: string;
}

/** The sum check shown under the parts while the user types. */
export function liveCheck(form: DecisionForm): LiveCheck {
  const total = readAmount(form.totalText).ore;
  const amounts = form.parts.map((p) => readAmount(p.amountText).ore);
  const sum = amounts.reduce<number>((acc, a) => acc + (a ?? 0), 0);
  const missing = amounts.filter((a) => a === null).length;
  if (total === null) return { total, sum, missing, difference: null, balanced: false, text: `Delarna summerar till ${kr(sum)}; ange beslutets totalbelopp.` };
  const difference = sum - total;
  const balanced = difference === 0 && missing === 0;
  const gap = missing > 0 ? ` ${missing === 1 ? "En del saknar" : `${missing} delar saknar`} belopp.` : "";
  const text =
    difference === 0
      ? `Delarna summerar till ${kr(sum)} = beslutets total.${gap}`
      : difference > 0
        ? `Delarna summerar till ${kr(sum)}: ${kr(difference)} mer än beslutets total ${kr(total)}.${gap}`
        : `Delarna summerar till ${kr(sum)}: ${kr(-difference)} kvar till beslutets total ${kr(total)}.${gap}`;
  return { total, sum, missing, difference, balanced, text };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** Validates the form; returns the API input when every field reads, or the errors per field id. */
export function toDecisionInput(form: DecisionForm): { input?: DecisionInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.agreementId) errors.agreement = "Välj överenskommelse.";
  if (!form.organisationId) errors.organisation = "Välj organisation som registrerar beslutet.";
  if (!form.title.trim()) errors.title = "Ange rubrik.";
  const date = (id: string, value: string) => {
    if (value.trim() !== "" && !DATE.test(value.trim())) errors[id] = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2023-12-01.";
    return orNull(value);
  };
  const total = readAmount(form.totalText);
  if (total.error) errors.total = total.error;
  else if (total.ore === null) errors.total = "Ange beslutets totalbelopp.";
  const decisionDate = date("decisionDate", form.decisionDate);
  const parts: PartInput[] = form.parts.map((p, i) => {
    const n = i + 1;
    if (!p.purpose.trim()) errors[`part-${p.key}-purpose`] = `Del ${n}: ange ändamål.`;
    const amount = readAmount(p.amountText);
    if (amount.error) errors[`part-${p.key}-amount`] = `Del ${n}: ${amount.error}`;
    else if (amount.ore === null) errors[`part-${p.key}-amount`] = `Del ${n}: ange belopp.`;
    const partial = date(`part-${p.key}-partial`, p.partialReportDeadline);
    const final = date(`part-${p.key}-final`, p.finalReportDeadline);
    if ((partial || final) && !p.activityReportRecipient.trim()) errors[`part-${p.key}-activityRecipient`] = `Del ${n}: ange mottagare av verksamhetsrapporterna.`;
    const reports = [
      ...(partial ? [{ kind: "partial" as const, deadline: partial, recipient: p.activityReportRecipient.trim() }] : []),
      ...(final ? [{ kind: "final" as const, deadline: final, recipient: p.activityReportRecipient.trim() }] : []),
    ];
    return {
      ...(p.id !== undefined ? { id: p.id } : {}),
      recipientGroup: p.recipientGroup,
      purpose: p.purpose.trim(),
      amount: amount.ore ?? 0,
      expenditureArea: orNull(p.expenditureArea),
      appropriation: orNull(p.appropriation),
      appropriationItem: orNull(p.appropriationItem),
      appropriationItemName: orNull(p.appropriationItemName),
      oneTime: p.oneTime,
      requisitionDeadline: date(`part-${p.key}-requisition`, p.requisitionDeadline),
      reportDeadline: date(`part-${p.key}-report`, p.reportDeadline),
      reportRecipientCode: orNull(p.reportRecipientCode),
      repaymentDeadline: date(`part-${p.key}-repayment`, p.repaymentDeadline),
      repaymentRecipientCode: orNull(p.repaymentRecipientCode),
      activityReports: reports,
    };
  });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      agreementId: Number(form.agreementId),
      organisationId: Number(form.organisationId),
      title: form.title.trim(),
      diaryNumber: orNull(form.diaryNumber),
      decisionDate,
      ministry: orNull(form.ministry),
      payerCode: orNull(form.payerCode),
      signatories: form.signatoriesText.split("\n").map((s) => s.trim()).filter(Boolean),
      total: total.ore!,
      parts,
    },
  };
}
