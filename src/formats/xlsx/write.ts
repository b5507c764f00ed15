import ExcelJS from "exceljs";
import { displayCell, kronorDecimalText } from "../amount-text";
import { neutraliseFormulaText } from "../formula-injection";
import { assertValidTable, type Cell, type Table, type TableColumn } from "../table";

export interface XlsxMetadata {
  /** The workbook's title property; the first table's title when not given. */
  title?: string;
  /** Shown as author in Excel: an organisation or a person. */
  creator?: string;
  created?: Date;
}

export interface XlsxSheet {
  /** Sheet tab name; made from the table title when not given. */
  name?: string;
  table: Table;
}

/**
 * Number formats are stored in Excel's invariant syntax: "," groups thousands and Swedish Excel
 * shows it as a space ("1 234"). A trailing "," scales by a thousand, so a tkr column keeps the
 * exact kronor in the cell and only displays thousands.
 */
function moneyFormat(column: TableColumn, hasOre: boolean): string {
  const scale = column.unit === "tkr" ? "," : column.unit === "mkr" ? ",," : "";
  const body = `#,##0${hasOre && scale === "" ? ".00" : ""}${scale}`;
  return `${body};-${body}`;
}

function decimalFormat(column: TableColumn): string {
  const places = column.decimals ?? 2;
  const body = places > 0 ? `#,##0.${"0".repeat(places)}` : "#,##0";
  return `${body};-${body}`;
}

function cellValue(column: TableColumn, cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  switch (column.kind) {
    // The kronor value goes through its exact decimal text, so the cell holds the double nearest
    // to the true amount and no öre arithmetic is done in floating point.
    case "money":
      return Number(kronorDecimalText(cell as number));
    case "integer":
      return cell as number;
    case "percent":
      return (cell as number) / 100;
    case "decimal":
      return Number(cell as string);
    case "text":
      return neutraliseFormulaText(cell as string);
  }
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

function sheetName(wanted: string, used: Set<string>): string {
  const base = (wanted.replace(FORBIDDEN_IN_SHEET_NAME, " ").replace(/^'+|'+$/g, "").trim() || "Blad").slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, name: string): void {
  const { table } = sheet;
  assertValidTable(table);
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2, xSplit: 0 }] });

  const titleRow = ws.addRow([neutraliseFormulaText(table.title)]);
  titleRow.font = { bold: true, size: 14 };

  const header = ws.addRow(table.columns.map((c) => neutraliseFormulaText(c.header)));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: "thin" } };
  });

  const body = [...table.rows, ...(table.totalRow ? [table.totalRow] : []), ...(table.footerRows ?? [])];
  for (const row of body) ws.addRow(row.map((cell, i) => cellValue(table.columns[i]!, cell)));

  table.columns.forEach((column, i) => {
    const xlsxColumn = ws.getColumn(i + 1);
    const values = body.map((row) => row[i] ?? null);
    if (column.kind === "money") {
      const hasOre = values.some((v) => typeof v === "number" && v % 100 !== 0);
      xlsxColumn.numFmt = moneyFormat(column, hasOre);
    } else if (column.kind === "integer") {
      xlsxColumn.numFmt = "#,##0;-#,##0";
    } else if (column.kind === "percent") {
      xlsxColumn.numFmt = "0.0#%";
    } else if (column.kind === "decimal") {
      xlsxColumn.numFmt = decimalFormat(column);
    }
    const longest = Math.max(column.header.length, ...values.map((v) => displayCell(column, v).length));
    xlsxColumn.width = Math.min(60, Math.max(10, longest + 2));
  });
  // The title row must not take the first column's number format.
  ws.getCell(1, 1).numFmt = "General";
  header.eachCell((cell) => {
    cell.numFmt = "General";
  });

  if (table.totalRow) {
    const totalRow = ws.getRow(3 + table.rows.length);
    totalRow.font = { bold: true };
    totalRow.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: "thin" } };
    });
  }

  if (table.notes && table.notes.length > 0) {
    ws.addRow([]);
    for (const note of table.notes) {
      const row = ws.addRow([neutraliseFormulaText(note)]);
      row.getCell(1).numFmt = "General";
      row.font = { italic: true };
    }
  }
}

/**
 * An XLSX workbook with one sheet per table: a bold title, a bold frozen header, money as numbers
 * in kronor with Swedish grouping (negatives with a minus), a bold total row, the footer rows,
 * then the notes. Text is never written as a formula, and text that would start one is
 * neutralised as in CSV.
 */
export async function writeXlsx(sheets: XlsxSheet[], metadata: XlsxMetadata = {}): Promise<Buffer> {
  if (sheets.length === 0) throw new Error("Arbetsboken måste ha minst ett blad");
  const workbook = new ExcelJS.Workbook();
  workbook.title = metadata.title ?? sheets[0]!.table.title;
  workbook.creator = metadata.creator ?? "Fördela";
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = metadata.created ?? new Date();
  workbook.modified = workbook.created;

  const used = new Set<string>();
  for (const sheet of sheets) addSheet(workbook, sheet, sheetName(sheet.name ?? sheet.table.title, used));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
