import ExcelJS from "exceljs";

export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxSheetValues {
  name: string;
  /** From row 1 and column A, as many columns as the widest row; empty cells are null. */
  rows: XlsxValue[][];
}

function plain(value: ExcelJS.CellValue): XlsxValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}

/**
 * The values of one sheet of an XLSX file: by name, by 1-based position, or the first sheet.
 * Rich text comes back as its text and formulas as their cached results.
 */
export async function readXlsxTable(buffer: Buffer | Uint8Array, sheet?: string | number): Promise<XlsxSheetValues> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types name an older Buffer; the bytes are what it needs.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws =
    sheet === undefined ? workbook.worksheets[0] : typeof sheet === "number" ? workbook.worksheets[sheet - 1] : workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`Bladet ${sheet === undefined ? "" : `"${sheet}" `}finns inte i arbetsboken`);
  const width = ws.actualColumnCount === 0 ? 0 : ws.columnCount;
  const rows: XlsxValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: XlsxValue[] = [];
    for (let c = 1; c <= width; c++) values.push(plain(row.getCell(c).value));
    rows.push(values);
  }
  return { name: ws.name, rows };
}
