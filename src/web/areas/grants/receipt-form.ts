import { formatAmount } from "../../../core/money";
import { readAmount } from "./decision-form";
import type { Receipt } from "./types";

// The recipient's own record of a part (requisition, payment, report, repayment) as typed.

export type ReceiptForm = Record<Exclude<keyof Receipt, never>, string>;
const amountFields = ["requisitioned", "received", "repaid"] as const;
const dateFields = ["requisitionedOn", "receivedOn", "reportedOn", "repaidOn", "partialReportOn", "finalReportOn"] as const;

export function receiptForm(r: Receipt): ReceiptForm {
  const out = {} as ReceiptForm;
  for (const k of Object.keys(r) as (keyof Receipt)[]) {
    const v = r[k];
    out[k] = v === null ? "" : (amountFields as readonly string[]).includes(k) ? formatAmount(v as number, "kr") : String(v);
  }
  return out;
}

export function toReceipt(form: ReceiptForm): { receipt?: Receipt; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const text = (s: string) => (s.trim() === "" ? null : s.trim());
  const receipt = { accountingObject: text(form.accountingObject), notes: text(form.notes) } as Receipt;
  for (const k of amountFields) {
    const read = readAmount(form[k]);
    if (read.error) errors[`receipt-${k}`] = read.error;
    receipt[k] = read.ore;
  }
  for (const k of dateFields) {
    const v = text(form[k]);
    if (v !== null && !/^\d{4}-\d{2}-\d{2}$/.test(v)) errors[`receipt-${k}`] = "Skriv datumet som ÅÅÅÅ-MM-DD.";
    receipt[k] = v;
  }
  return Object.keys(errors).length > 0 ? { errors } : { receipt, errors };
}
