import type { Ore } from "../allocation/types";
import { ACCOUNT_CLASS_NAMES, ACCOUNT_CLASSES, type AccountClass, type AccountClassing } from "./account-class";
import { deviation, deviationPercent, reportSign } from "./deviation";
import { FORECAST_METHOD_TEXT, forecastYear, type ForecastMethod } from "./forecast";

export type BudgetOutcomeGrouping = "class" | "account" | "costcentre" | "project" | "month";

/** A sum from the ledger or the budget, in ledger sign. `key` is the cost centre or project when grouping by one ('' = none). */
export interface AmountCell {
  /** YYYYMM; YYYY00 for a figure of the whole year. */
  period: number;
  account: string;
  key?: string;
  amount: Ore;
  /** Set when the sum is already per account class (then `account` is not used for it). */
  class?: AccountClass;
}

export interface BudgetOutcomeRow {
  key: string;
  label: string;
  budget: Ore;
  outcome: Ore;
  /** outcome − budget; positive is better than budget. */
  deviation: Ore;
  /** deviation / |budget| in per cent with one decimal and decimal comma; null without budget. */
  deviationPercent: string | null;
  forecast: Ore;
}

export interface BudgetOutcomeReport {
  year: number;
  by: BudgetOutcomeGrouping;
  rows: BudgetOutcomeRow[];
  total: BudgetOutcomeRow;
  /** The last month (1–12) with outcome: the forecast counts outcome up to it and budget after it. */
  asOfMonth: number;
  forecastMethod: ForecastMethod;
  forecastMethodText: string;
  /** How signs and deviation read, for the page and the export. */
  signNote: string;
}

export interface BudgetOutcomeInput {
  year: number;
  by: BudgetOutcomeGrouping;
  outcome: readonly AmountCell[];
  budget: readonly AmountCell[];
  classify: (account: string) => AccountClassing;
  /** Names for accounts, cost centres and projects. */
  labels?: ReadonlyMap<string, string>;
  asOfMonth?: number;
  forecastMethod?: ForecastMethod;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

interface Acc {
  budget: Ore[];
  outcome: Ore[];
  /** Whole-year figures without a month. */
  budgetYear: Ore;
  outcomeYear: Ore;
}

const newAcc = (): Acc => ({ budget: new Array<Ore>(12).fill(0), outcome: new Array<Ore>(12).fill(0), budgetYear: 0, outcomeYear: 0 });

/**
 * Budget vs outcome of the result accounts (balance accounts are left out), grouped as asked,
 * with deviation, deviation % and a year-end forecast per row. Exact: sums of whole öre.
 */
export function budgetVsOutcome(input: BudgetOutcomeInput): BudgetOutcomeReport {
  const method = input.forecastMethod ?? "budget_remaining";
  const groups = new Map<string, Acc>();
  let lastMonth = 0;
  const keyOf = (c: AmountCell, klass: AccountClass): string => {
    switch (input.by) {
      case "class": return klass;
      case "account": return c.account;
      case "month": return String(c.period % 100).padStart(2, "0");
      default: return c.key ?? "";
    }
  };
  const add = (cells: readonly AmountCell[], field: "budget" | "outcome") => {
    for (const c of cells) {
      if (Math.floor(c.period / 100) !== input.year) continue;
      const klass = c.class ?? input.classify(c.account).class;
      if (klass === "balance") continue;
      const key = keyOf(c, klass);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = newAcc()));
      const month = c.period % 100;
      const amount = reportSign(c.amount);
      if (month >= 1 && month <= 12) {
        acc[field][month - 1]! += amount;
        if (field === "outcome" && amount !== 0 && month > lastMonth) lastMonth = month;
      } else if (field === "budget") acc.budgetYear += amount;
      else acc.outcomeYear += amount;
    }
  };
  add(input.outcome, "outcome");
  add(input.budget, "budget");
  const asOf = input.asOfMonth ?? lastMonth;
  const row = (key: string, label: string, acc: Acc): BudgetOutcomeRow => {
    const budget = acc.budget.reduce((a, b) => a + b, 0) + acc.budgetYear;
    const outcome = acc.outcome.reduce((a, b) => a + b, 0) + acc.outcomeYear;
    const dev = deviation(budget, outcome);
    const forecast = forecastYear(acc.outcome, acc.budget, asOf, method) + acc.outcomeYear + (asOf === 0 ? acc.budgetYear : 0);
    return { key, label, budget, outcome, deviation: dev, deviationPercent: deviationPercent(dev, budget), forecast };
  };
  const keys = input.by === "class" ? ACCOUNT_CLASSES.filter((k) => groups.has(k)) : [...groups.keys()].sort((a, b) => a.localeCompare(b, "sv", { numeric: true }));
  const rows = keys.map((k) => row(k, labelFor(input, k), groups.get(k)!));
  const all = newAcc();
  for (const acc of groups.values()) {
    for (let m = 0; m < 12; m++) {
      all.budget[m]! += acc.budget[m]!;
      all.outcome[m]! += acc.outcome[m]!;
    }
    all.budgetYear += acc.budgetYear;
    all.outcomeYear += acc.outcomeYear;
  }
  return {
    year: input.year,
    by: input.by,
    rows,
    total: row("total", "Summa", all),
    asOfMonth: asOf,
    forecastMethod: method,
    forecastMethodText: FORECAST_METHOD_TEXT[method],
    signNote: "Intäkter visas positiva och kostnader negativa; summan är resultatet. Avvikelse = utfall − budget.",
  };
}

function labelFor(input: BudgetOutcomeInput, key: string): string {
  switch (input.by) {
    case "class": return ACCOUNT_CLASS_NAMES[key as AccountClass];
    case "month": return MONTHS[Number(key) - 1] ?? "helår";
    case "account": return input.labels?.get(key) ? `${key} ${input.labels.get(key)}` : key;
    default:
      if (key === "") return input.by === "project" ? "Utan projekt" : "Utan kostnadsställe";
      return input.labels?.get(key) ? `${key} ${input.labels.get(key)}` : key;
  }
}
