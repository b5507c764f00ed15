import type { Ore } from "../allocation/types";
import { compareCodes } from "../object-codes";

/** A project's money for one year, in report sign (income and balances positive, costs positive as spent). */
export interface ProjectFlows {
  code: string;
  name: string;
  /** The opening balance when the ledger states it (#OIB); null to roll the previous year forward. */
  opening: Ore | null;
  jointFinancing: Ore;
  otherIncome: Ore;
  costs: Ore;
}

export interface ProjectAccountRow {
  kind: "project" | "board";
  code: string;
  name: string;
  opening: Ore;
  jointFinancing: Ore;
  otherIncome: Ore;
  costs: Ore;
  closing: Ore;
  /** Where the opening balance came from: the ledger (#OIB), last year's closing, or none (0). */
  openingSource: "ledger" | "previous_year" | "none";
}

export interface ProjectAccountSum {
  label: string;
  opening: Ore;
  jointFinancing: Ore;
  otherIncome: Ore;
  costs: Ore;
  closing: Ore;
}

export interface ProjectAccountsTable {
  year: number;
  /** Projects counted in the subtotal, then the board's result. */
  rows: ProjectAccountRow[];
  subtotal: ProjectAccountSum;
  /** Projects left out of the subtotal (seed 001: 8938 Kliniska studier Forum Söder). */
  excludedRows: ProjectAccountRow[];
  total: ProjectAccountSum;
  mandatePeriod: { start: number; end: number };
}

/** Swedish regional terms of office start 2019, 2023, 2027 …: four years from an election year + 1. */
export function mandatePeriod(year: number): { start: number; end: number } {
  const start = year - ((((year - 2019) % 4) + 4) % 4);
  return { start, end: start + 3 };
}

/** Opening + joint financing + other income − costs = closing. */
export function closingBalance(r: Pick<ProjectAccountRow, "opening" | "jointFinancing" | "otherIncome" | "costs">): Ore {
  return r.opening + r.jointFinancing + r.otherIncome - r.costs;
}

/**
 * One row per project: the opening balance is the ledger's when given, else last year's closing
 * balance of the same project (the roll-forward), else 0.
 */
export function projectRow(flows: ProjectFlows, previousClosing: Ore | undefined): ProjectAccountRow {
  const [opening, openingSource] =
    flows.opening !== null ? [flows.opening, "ledger" as const] : previousClosing !== undefined ? [previousClosing, "previous_year" as const] : [0, "none" as const];
  const row = { kind: "project" as const, code: flows.code, name: flows.name, opening, openingSource, jointFinancing: flows.jointFinancing, otherIncome: flows.otherIncome, costs: flows.costs, closing: 0 };
  row.closing = closingBalance(row);
  return row;
}

/**
 * The board's own result (income − costs outside the projects) carried as a row: a deficit is a
 * cost, a surplus other income. Its opening balance is the result accumulated so far in the term
 * of office; at the start of a new term it starts from zero (final settlement at the term's end).
 */
export function boardRow(year: number, result: Ore, previousClosing: Ore | undefined): ProjectAccountRow {
  const term = mandatePeriod(year);
  const carried = year > term.start && previousClosing !== undefined;
  const row: ProjectAccountRow = {
    kind: "board",
    code: "",
    name: `Resultat nämnden ${term.start}–${term.end}`,
    opening: carried ? previousClosing : 0,
    openingSource: carried ? "previous_year" : "none",
    jointFinancing: 0,
    otherIncome: result > 0 ? result : 0,
    costs: result < 0 ? -result : 0,
    closing: 0,
  };
  row.closing = closingBalance(row);
  return row;
}

function sum(label: string, rows: readonly ProjectAccountRow[]): ProjectAccountSum {
  const s = { label, opening: 0, jointFinancing: 0, otherIncome: 0, costs: 0, closing: 0 };
  for (const r of rows) {
    s.opening += r.opening;
    s.jointFinancing += r.jointFinancing;
    s.otherIncome += r.otherIncome;
    s.costs += r.costs;
    s.closing += r.closing;
  }
  return s;
}

export interface ProjectAccountsInput {
  year: number;
  projects: readonly ProjectFlows[];
  /** The board's result for the year (report sign: negative is a deficit); omitted for no board row. */
  boardResult?: Ore;
  /** Last year's table, whose closing balances become this year's opening balances. */
  previous?: ProjectAccountsTable;
  /** Project codes left out of the subtotal. */
  excludeFromSubtotal?: readonly string[];
}

/** The project accounts of a year with the subtotal excluding chosen projects and the total. */
export function projectAccounts(input: ProjectAccountsInput): ProjectAccountsTable {
  const previous = new Map<string, Ore>();
  let previousBoard: Ore | undefined;
  if (input.previous) {
    for (const r of [...input.previous.rows, ...input.previous.excludedRows]) {
      if (r.kind === "board") previousBoard = r.closing;
      else previous.set(r.code, r.closing);
    }
  }
  const excluded = new Set(input.excludeFromSubtotal ?? []);
  const rows = [...input.projects].sort((a, b) => compareCodes(a.code, b.code)).map((p) => projectRow(p, previous.get(p.code)));
  // A project that had money last year but no rows this year still has its balance.
  for (const [code, closing] of previous) {
    if (!rows.some((r) => r.code === code)) {
      const name = input.previous!.rows.concat(input.previous!.excludedRows).find((r) => r.code === code)?.name ?? code;
      rows.push(projectRow({ code, name, opening: null, jointFinancing: 0, otherIncome: 0, costs: 0 }, closing));
    }
  }
  rows.sort((a, b) => compareCodes(a.code, b.code));
  const included = rows.filter((r) => !excluded.has(r.code));
  const left = rows.filter((r) => excluded.has(r.code));
  if (input.boardResult !== undefined) included.push(boardRow(input.year, input.boardResult, previousBoard));
  const names = left.map((r) => r.name || r.code).join(", ");
  return {
    year: input.year,
    rows: included,
    subtotal: sum(left.length > 0 ? `Delsumma exkl. ${names}` : "Delsumma", included),
    excludedRows: left,
    total: sum("Totalt", [...included, ...left]),
    mandatePeriod: mandatePeriod(input.year),
  };
}
