import type { Ore } from "../allocation/types";
import { UserFacingError } from "../errors";
import { formatAmount } from "../money";

/** Costs on the grant's accounting object in one account and month, summed from the ledger. */
export interface LedgerCostLine {
  account: string;
  accountName: string | null;
  /** YYYYMM as the ledger stores periods: 202303. */
  period: number;
  /** Debit positive, as the ledger stores costs. */
  amount: Ore;
  rows: number;
}

/** Spending entered by hand where the ledger does not hold it. */
export interface ManualCostLine {
  id: number;
  date: string;
  amount: Ore;
  description: string;
}

/** A grantor's consent to use unspent money the next year, as it applies to one report. */
export interface CarryForwardTerms {
  /** The grantor's registration number of the consent: "S2024/01234". */
  diaryNumber: string;
  decidedOn: string;
  /** By when the carried money must be used and reported. */
  newDeadline: string;
  /** The most the grantor lets move; null means all that is unspent. */
  cap: Ore | null;
  /** The part the money moves to, for people: "Ökad tillgänglighet 2024". */
  toTitle: string;
}

export interface ClosingInput {
  recipientName: string;
  /** Year and part, for messages: "del 1 (Strategiska medel …)". */
  partLabel: string;
  period: { from: string; to: string };
  accountingObject: string | null;
  received: Ore | null;
  /** Money carried into this part from the year before with the grantor's consent. */
  carriedIn: Ore;
  ledger: LedgerCostLine[];
  /** Costs on the object in months outside the period that no other part of the recipient covers. */
  ledgerOutside: LedgerCostLine[];
  manual: ManualCostLine[];
  /** Why more was used than received; required when it was. */
  explanation: string | null;
  carryForward: CarryForwardTerms | null;
  /** What has already been repaid, if anything. */
  repaid: Ore;
}

export interface ClosingProblem {
  /** What the field concerns, for the UI and the API's `where`. */
  field: "accountingObject" | "received" | "explanation" | "manual" | "ledger";
  /** Swedish: what is wrong and what to do. */
  message: string;
}

export interface ClosingFigures {
  received: Ore;
  carriedIn: Ore;
  /** received + carriedIn: what the recipient had to use in the period. */
  available: Ore;
  ledgerUsed: Ore;
  manualUsed: Ore;
  used: Ore;
  /** available − used; negative when more was used than there was. */
  unspent: Ore;
  /** Moved to the next year's part with the grantor's consent. */
  carriedForward: Ore;
  /** Unspent money neither carried forward nor already repaid. */
  toRepay: Ore;
  repaid: Ore;
}

export interface ClosingResult {
  figures: ClosingFigures;
  problems: ClosingProblem[];
  /** Costs per account over the period, and per month, for the document. */
  byAccount: { account: string; accountName: string | null; amount: Ore }[];
  byMonth: { month: string; amount: Ore }[];
}

const kr = (ore: Ore) => formatAmount(ore, "kr");

export function periodMonth(period: number): string {
  return `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}`;
}

/** The YYYYMM periods of a date range, inclusive: the ledger's months the report covers. */
export function periodRange(period: { from: string; to: string }): { from: number; to: number } {
  const p = (d: string) => Number(d.slice(0, 4)) * 100 + Number(d.slice(5, 7));
  return { from: p(period.from), to: p(period.to) };
}

function sum(xs: { amount: Ore }[]): Ore {
  let s = 0;
  for (const x of xs) s += x.amount;
  if (!Number.isSafeInteger(s)) throw new RangeError("Summan är för stor för att räknas exakt.");
  return s;
}

/**
 * The financial report's figures and the checks that must pass before it is produced: the part
 * has its accounting object, what was received is known, more used than received is explained,
 * and no cost lies outside the period. Problems say what to fix, in Swedish.
 * Unspent money goes to the next year when the grantor has consented (up to its cap), and the
 * rest is to be repaid.
 */
export function closeGrant(input: ClosingInput): ClosingResult {
  const problems: ClosingProblem[] = [];
  const { from, to } = input.period;
  if (!input.accountingObject) {
    problems.push({ field: "accountingObject", message: `${input.partLabel} för ${input.recipientName} saknar redovisningsobjekt: ange objektet (t.ex. 9929) i mottagarens uppgifter, så att kostnaderna kan hämtas från huvudboken.` });
  }
  if (input.received === null) {
    problems.push({ field: "received", message: `Mottaget belopp saknas för ${input.partLabel}: ange vad som har betalats ut och när i mottagarens uppgifter.` });
  }
  for (const m of input.manual) {
    if (m.date < from || m.date > to) {
      problems.push({ field: "manual", message: `Den manuella raden "${m.description}" (${m.date}, ${kr(m.amount)}) ligger utanför perioden ${from}–${to}: ändra datumet eller ta bort raden.` });
    }
  }
  const outside = new Map<string, Ore>();
  for (const l of input.ledgerOutside) outside.set(periodMonth(l.period), (outside.get(periodMonth(l.period)) ?? 0) + l.amount);
  for (const [month, amount] of [...outside].sort()) {
    if (amount === 0) continue;
    problems.push({
      field: "ledger",
      message: `Huvudboken har kostnader på objekt ${input.accountingObject ?? "–"} i ${month} (${kr(amount)}), utanför perioden ${from}–${to}: boka om dem till perioden, eller registrera ett medgivande att använda medlen nästa år.`,
    });
  }

  const received = input.received ?? 0;
  const available = received + input.carriedIn;
  const ledgerUsed = sum(input.ledger);
  const manualUsed = sum(input.manual);
  const used = ledgerUsed + manualUsed;
  const unspent = available - used;
  if (used > available && !input.explanation?.trim()) {
    problems.push({
      field: "explanation",
      message: `Förbrukat (${kr(used)}) är mer än mottaget${input.carriedIn > 0 ? " och överfört" : ""} (${kr(available)}): skriv en förklaring till överskridandet, eller rätta kostnaderna på objektet.`,
    });
  }
  // What is already repaid has left; consent can only move what remains.
  const spare = Math.max(0, unspent - input.repaid);
  const carriedForward = input.carryForward ? Math.min(spare, input.carryForward.cap ?? spare) : 0;
  const toRepay = spare - carriedForward;

  const accounts = new Map<string, { account: string; accountName: string | null; amount: Ore }>();
  const months = new Map<string, Ore>();
  for (const l of input.ledger) {
    const a = accounts.get(l.account) ?? { account: l.account, accountName: l.accountName, amount: 0 };
    a.amount += l.amount;
    accounts.set(l.account, a);
    const m = periodMonth(l.period);
    months.set(m, (months.get(m) ?? 0) + l.amount);
  }
  return {
    figures: { received, carriedIn: input.carriedIn, available, ledgerUsed, manualUsed, used, unspent, carriedForward, toRepay, repaid: input.repaid },
    problems,
    byAccount: [...accounts.values()].sort((a, b) => a.account.localeCompare(b.account)),
    byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, amount]) => ({ month, amount })),
  };
}

/** The report cannot be produced while its figures disagree; the details say what to fix, one a line. */
export class ClosingCheckError extends UserFacingError {
  readonly problems: ClosingProblem[];

  constructor(problems: ClosingProblem[]) {
    super(`Den ekonomiska redovisningen kan inte tas fram förrän detta är rättat: ${problems.map((p) => p.message).join(" ")}`, {
      status: 409,
      code: "report_check",
      where: { field: problems[0]?.field },
      details: problems.map((p) => ({ path: p.field, message: p.message })),
    });
    this.problems = problems;
  }
}
