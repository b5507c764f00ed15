import type { AccountClass, AccountClassOverride } from "./types";

export const CLASS_LABELS: Record<AccountClass, string> = {
  income: "Intäkter",
  staff: "Personal",
  other: "Övriga verksamhetskostnader",
  financial: "Finansiella poster",
  balance: "Balanskonton (ej i resultatet)",
};

export interface ClassRow {
  from: string;
  to: string;
  class: AccountClass;
  jointFinancing: boolean;
}

export type ClassErrors = Record<number, Partial<Record<"from" | "to" | "jointFinancing", string>>>;

export const rowFromOverride = (o: AccountClassOverride): ClassRow => ({ from: o.from, to: o.to, class: o.class, jointFinancing: o.jointFinancing ?? false });

/** Compared as account numbers when both are digits ("999" before "1000"), as the server does. */
function compareAccounts(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The overrides to save, or errors per row (1-based in the messages, as the table shows them). */
export function checkClassRows(rows: readonly ClassRow[]): { overrides: AccountClassOverride[] } | { errors: ClassErrors } {
  const errors: ClassErrors = {};
  rows.forEach((r, i) => {
    const e: ClassErrors[number] = {};
    const from = r.from.trim();
    const to = r.to.trim();
    if (!from) e.from = `Rad ${i + 1}: ange första kontot i intervallet.`;
    if (!to) e.to = `Rad ${i + 1}: ange sista kontot i intervallet.`;
    if (from && to && compareAccounts(from, to) > 0) e.to = `Rad ${i + 1}: sista kontot ${to} kommer före första kontot ${from}.`;
    if (r.jointFinancing && r.class !== "income") e.jointFinancing = `Rad ${i + 1}: solidarisk finansiering gäller bara intäktskonton.`;
    if (Object.keys(e).length > 0) errors[i] = e;
  });
  if (Object.keys(errors).length > 0) return { errors };
  return { overrides: rows.map((r) => ({ from: r.from.trim(), to: r.to.trim(), class: r.class, ...(r.jointFinancing ? { jointFinancing: true } : {}) })) };
}
