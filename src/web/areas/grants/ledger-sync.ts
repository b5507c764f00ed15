import type { Spending, Terms } from "./types";

// Choices and wording for fetching a grant's spending from the imported ledger, free of React.

/** The grant's own year: the requisition's year, else the year before repayment, else this year. */
export function defaultLedgerYear(terms: Pick<Terms, "requisitionDeadline" | "repaymentDeadline">, thisYear: number): number {
  if (terms.requisitionDeadline) return Number(terms.requisitionDeadline.slice(0, 4));
  if (terms.repaymentDeadline) return Number(terms.repaymentDeadline.slice(0, 4)) - 1;
  return thisYear;
}

/** The years offered: the default, two before it and up to this year, newest first. */
export function ledgerYears(defaultYear: number, thisYear: number): number[] {
  const last = Math.max(defaultYear + 1, thisYear);
  const years: number[] = [];
  for (let y = last; y >= defaultYear - 2; y--) years.push(y);
  return years;
}

/** "Huvudboken 2023, objekt 9929" for a ledger row ("huvudbok:2023:9929"), "Inmatad" for a typed one. */
export function spendingSource(s: Pick<Spending, "source" | "sourceRef">): string {
  if (s.source === "manual") return "Inmatad";
  const m = /^huvudbok:(\d{4}):(.+)$/.exec(s.sourceRef ?? "");
  return m ? `Huvudboken ${m[1]}, objekt ${m[2]}` : `Huvudboken${s.sourceRef ? ` (${s.sourceRef})` : ""}`;
}

export interface LedgerSyncResult {
  object: string;
  year: number;
  costs: number;
  income: number;
  rows: number;
  spendingId: number | null;
}

/** What the fetch found, in a sentence. */
export function ledgerSyncText(r: LedgerSyncResult, kr: (ore: number) => string): string {
  if (r.rows === 0) return `Huvudboken ${r.year} har inga rader på objekt ${r.object}; ingen förbrukning hämtades.`;
  const income = r.income !== 0 ? ` Intäkter på objektet: ${kr(r.income)}.` : "";
  if (r.costs === 0) return `Huvudboken ${r.year} har inga kostnader på objekt ${r.object} (${r.rows} rader).${income}`;
  return `Förbrukat enligt huvudboken ${r.year}: ${kr(r.costs)} på objekt ${r.object} (${r.rows} ${r.rows === 1 ? "rad" : "rader"}).${income}`;
}
