import type { Ore } from "../core/allocation/types";
import { unitToOre, type DisplayUnit } from "../core/money/units";

/**
 * What a column holds:
 * - "text": a string.
 * - "money": öre as a safe integer (type Ore), shown in the column's unit (kr when none is given).
 * - "integer": a safe integer such as a population.
 * - "percent": a number of percent, 2.5 meaning 2,5 %.
 * - "decimal": an exact decimal number written as a string with a dot, "-1234.5678", so that
 *   exact quotients survive without floating point.
 */
export type ColumnKind = "text" | "money" | "integer" | "percent" | "decimal";


export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Only for "money": the unit shown to readers (core/money's vocabulary; cells stay öre). */
  unit?: DisplayUnit;
  /** Only for "decimal": how many decimals to show (the cell text may hold fewer). */
  decimals?: number;
  /** A short text column ("Ja"/"Nej") may ask to be only as wide as its text in a PDF; text columns share the width otherwise. */
  narrow?: boolean;
}

/** One cell. null is an empty cell; the column's kind says which of the others is allowed. */
export type Cell = string | number | Ore | null;

export interface Table {
  title: string;
  columns: TableColumn[];
  /** The lines; in money columns they are what the total row sums. */
  rows: Cell[][];
  totalRow?: Cell[];
  /** Rows after the total, not part of any sum: a check row, for instance. */
  footerRows?: Cell[][];
  notes?: string[];
}

export const ORE_PER_DISPLAY_UNIT: Record<DisplayUnit, number> = { kr: unitToOre("kr"), tkr: unitToOre("tkr"), mkr: unitToOre("mkr") };

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Why a cell does not fit its column, in Swedish, or null when it fits. */
function cellProblem(kind: ColumnKind, cell: Cell): string | null {
  if (cell === null) return null;
  switch (kind) {
    case "text":
      return typeof cell === "string" ? null : "ska vara text";
    case "money":
      return typeof cell === "number" && Number.isSafeInteger(cell) ? null : "ska vara ett heltal öre";
    case "integer":
      return typeof cell === "number" && Number.isSafeInteger(cell) ? null : "ska vara ett heltal";
    case "percent":
      return typeof cell === "number" && Number.isFinite(cell) ? null : "ska vara ett tal (procent)";
    case "decimal":
      return typeof cell === "string" && DECIMAL_TEXT.test(cell)
        ? null
        : "ska vara ett decimaltal skrivet med punkt, t.ex. \"1234.5\"";
  }
}

/**
 * Throws a Swedish error naming the table, row and column when a cell does not fit its column
 * or a row has the wrong number of cells. Writers call this so a bad table never becomes a file.
 */
export function assertValidTable(table: Table): void {
  const width = table.columns.length;
  if (width === 0) throw new Error(`Tabellen "${table.title}" har inga kolumner`);
  const check = (row: Cell[], where: string): void => {
    if (row.length !== width) {
      throw new Error(
        `Tabellen "${table.title}", ${where}: raden har ${row.length} celler men tabellen har ${width} kolumner`,
      );
    }
    row.forEach((cell, i) => {
      const column = table.columns[i]!;
      const problem = cellProblem(column.kind, cell);
      if (problem !== null) {
        throw new Error(
          `Tabellen "${table.title}", ${where}, kolumn "${column.header}": värdet ${JSON.stringify(cell)} ${problem}`,
        );
      }
    });
  };
  table.rows.forEach((row, i) => check(row, `rad ${i + 1}`));
  if (table.totalRow) check(table.totalRow, "summaraden");
  table.footerRows?.forEach((row, i) => check(row, `rad ${i + 1} efter summaraden`));
}
