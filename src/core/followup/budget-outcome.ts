import type { Ore } from "../allocation/types";
import { ACCOUNT_CLASS_NAMES, ACCOUNT_CLASSES, type AccountClass, type AccountClassing } from "./account-class";
import { deviation, deviationPercent, reportSign } from "./deviation";
import { calendarFiscalYear, fiscalMonthOf, fiscalMonths, periodOfFiscalMonth, periodText, type FiscalYear } from "./fiscal-year";
import { FORECAST_METHOD_TEXT, forecastYear, type ForecastMethod } from "./forecast";
import { compareCodes } from "../object-codes";

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
  /** The financial year the report covers: "2009/10" from 2009-07 to 2010-06 for a broken year. */
  fiscalYear: { label: string; firstMonth: string; lastMonth: string };
  by: BudgetOutcomeGrouping;
  rows: BudgetOutcomeRow[];
  total: BudgetOutcomeRow;
  /** The last month (1–12 of the financial year) with outcome: the forecast counts outcome up to it and budget after it. */
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
  /** The year's months when they are not the calendar year's (from the import's #RAR 0). */
  fiscalYear?: FiscalYear;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

interface Acc {
  budget: Ore[];
  outcome: Ore[];
  /** Whole-year figures without a month. */
  budgetYear: Ore;
  outcomeYear: Ore;
}

const newAcc = (months: number): Acc => ({ budget: new Array<Ore>(months).fill(0), outcome: new Array<Ore>(months).fill(0), budgetYear: 0, outcomeYear: 0 });

/**
 * Budget vs outcome of the result accounts (balance accounts are left out), grouped as asked,
 * with deviation, deviation % and a year-end forecast per row. Exact: sums of whole öre.
 */
export function budgetVsOutcome(input: BudgetOutcomeInput): BudgetOutcomeReport {
  const method = input.forecastMethod ?? "budget_remaining";
  const fy = input.fiscalYear ?? calendarFiscalYear(input.year);
  const months = fiscalMonths(fy);
  const groups = new Map<string, Acc>();
  let lastMonth = 0;
  // Months are the financial year's: "01" is July in 2009/10.
  const keyOf = (month: number, c: AmountCell, klass: AccountClass): string => {
    switch (input.by) {
      case "class": return klass;
      case "account": return c.account;
      case "month": return String(month).padStart(2, "0");
      default: return c.key ?? "";
    }
  };
  const add = (cells: readonly AmountCell[], field: "budget" | "outcome") => {
    for (const c of cells) {
      const month = fiscalMonthOf(fy, c.period);
      if (month === null) continue;
      const klass = c.class ?? input.classify(c.account).class;
      if (klass === "balance") continue;
      const key = keyOf(month, c, klass);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = newAcc(months)));
      const amount = reportSign(c.amount);
      if (month >= 1) {
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
    const forecast = forecastYear(acc.outcome, acc.budget, asOf, method, months) + acc.outcomeYear + (asOf === 0 ? acc.budgetYear : 0);
    return { key, label, budget, outcome, deviation: dev, deviationPercent: deviationPercent(dev, budget), forecast };
  };
  const keys = input.by === "class" ? ACCOUNT_CLASSES.filter((k) => groups.has(k)) : [...groups.keys()].sort(compareCodes);
  const rows = keys.map((k) => row(k, labelFor(input, fy, k), groups.get(k)!));
  const all = newAcc(months);
  for (const acc of groups.values()) {
    for (let m = 0; m < months; m++) {
      all.budget[m]! += acc.budget[m]!;
      all.outcome[m]! += acc.outcome[m]!;
    }
    all.budgetYear += acc.budgetYear;
    all.outcomeYear += acc.outcomeYear;
  }
  return {
    year: input.year,
    fiscalYear: { label: fy.label, firstMonth: periodText(fy.start), lastMonth: periodText(fy.end) },
    by: input.by,
    rows,
    total: row("total", "Summa", all),
    asOfMonth: asOf,
    forecastMethod: method,
    forecastMethodText: FORECAST_METHOD_TEXT[method],
    signNote: "Intäkter visas positiva och kostnader negativa; summan är resultatet. Avvikelse = utfall − budget.",
  };
}

function labelFor(input: BudgetOutcomeInput, fy: FiscalYear, key: string): string {
  switch (input.by) {
    case "class": return ACCOUNT_CLASS_NAMES[key as AccountClass];
    case "month": {
      if (key === "00") return "helår";
      const period = periodOfFiscalMonth(fy, Number(key));
      // A year that spans two calendar years names the year of each month: "juli 2009".
      const name = MONTHS[(period % 100) - 1]!;
      return fy.label.includes("/") ? `${name} ${Math.floor(period / 100)}` : name;
    }
    case "account": return input.labels?.get(key) ? `${key} ${input.labels.get(key)}` : key;
    default:
      if (key === "") return input.by === "project" ? "Utan projekt" : "Utan kostnadsställe";
      return input.labels?.get(key) ? `${key} ${input.labels.get(key)}` : key;
  }
}
