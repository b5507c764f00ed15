import { displayDecimal, plainKronor } from "../amount-text";
import { neutraliseFormulaText } from "../formula-injection";
import { assertValidTable, type Cell, type Table, type TableColumn } from "../table";

export interface CsvOptions {
  /** ";" by default: Swedish Excel splits on semicolons because the comma is the decimal sign. */
  separator?: ";" | ",";
  /** Put the title as a first line of its own. Off by default so the header is line 1. */
  includeTitle?: boolean;
  /** Put the notes, one per line, after an empty line below the table. Off by default. */
  includeNotes?: boolean;
  /** Start with a UTF-8 byte order mark so Excel reads å, ä, ö right. On by default. */
  byteOrderMark?: boolean;
}

const BOM = "\ufeff";
const LINE_END = "\r\n";

function quote(field: string, separator: string): string {
  const needsQuotes = field.includes(separator) || /["\r\n]/.test(field);
  return needsQuotes ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * One cell as CSV text. Money is written in kr without grouping and with a decimal comma only
 * where öre exist ("5039944", "-663740", "12,50"), whatever the column's display unit: CSV is
 * for moving data, so it carries the exact amount. Numbers stay numbers, so a negative amount
 * is never mistaken for a formula and never gets a quote.
 */
function cellText(column: TableColumn, cell: Cell, separator: string): string {
  if (cell === null) return "";
  const decimalSign = separator === "," ? "." : ",";
  switch (column.kind) {
    case "money": {
      const text = plainKronor(cell as number);
      return decimalSign === "," ? text : text.replace(",", ".");
    }
    case "integer":
      return String(cell);
    case "percent":
      return String(cell).replace(".", decimalSign);
    case "decimal": {
      const text = displayDecimal(cell as string, column.decimals, false);
      return decimalSign === "," ? text : text.replace(",", ".");
    }
    case "text":
      return neutraliseFormulaText(cell as string);
  }
}

function line(fields: string[], separator: string): string {
  return fields.map((f) => quote(f, separator)).join(separator) + LINE_END;
}

/**
 * The table as RFC 4180 CSV (CRLF line ends, fields quoted when they hold the separator, a
 * quote or a line break). With a comma separator the decimal sign becomes a dot so that
 * amounts do not split across fields.
 */
export function writeCsv(table: Table, options: CsvOptions = {}): string {
  assertValidTable(table);
  const separator = options.separator ?? ";";
  const rowLine = (row: Cell[]): string =>
    line(row.map((cell, i) => cellText(table.columns[i]!, cell, separator)), separator);

  let out = options.byteOrderMark === false ? "" : BOM;
  if (options.includeTitle) out += line([neutraliseFormulaText(table.title)], separator);
  out += line(table.columns.map((c) => neutraliseFormulaText(c.header)), separator);
  for (const row of table.rows) out += rowLine(row);
  if (table.totalRow) out += rowLine(table.totalRow);
  for (const row of table.footerRows ?? []) out += rowLine(row);
  if (options.includeNotes && table.notes && table.notes.length > 0) {
    out += LINE_END;
    for (const note of table.notes) out += line([neutraliseFormulaText(note)], separator);
  }
  return out;
}
