import type { Content, TableCell } from "pdfmake/interfaces";
import { displayAmountWithUnit, displayCell } from "../amount-text";
import { roundTableForDisplay } from "../display-rounding";
import { assertValidTable, type Cell, type Table, type TableColumn } from "../table";
import type { DisplayUnit } from "../../core/money/units";

/** The unit word goes in each money cell ("81 mkr", as decisions write it) unless the header already names it. */
function headerNamesUnit(column: TableColumn): boolean {
  return column.header.includes(`(${column.unit ?? "kr"})`);
}

function cellText(column: TableColumn, cell: Cell): string {
  if (column.kind === "money" && cell !== null && !headerNamesUnit(column)) return displayAmountWithUnit(cell as number, column.unit ?? "kr");
  return displayCell(column, cell);
}

function pdfRow(table: Table, row: Cell[], style: { bold?: boolean; italics?: boolean }): TableCell[] {
  return row.map((cell, i) => {
    const column = table.columns[i]!;
    return {
      text: cellText(column, cell),
      alignment: column.kind === "text" ? "left" : "right",
      noWrap: column.kind !== "text",
      ...style,
    };
  });
}

/**
 * A table for a decision document: title, header, lines, a bold total and the notes in small
 * print below. With a unit, money is first rounded for display (roundTableForDisplay), so the
 * rounding note appears whenever the shown lines do not add up to the shown total.
 */
export function tableContent(source: Table, unit?: DisplayUnit, options: { compact?: boolean } = {}): Content[] {
  assertValidTable(source);
  const table = unit ? roundTableForDisplay(source, unit) : source;
  const header: TableCell[] = table.columns.map((c) => ({
    text: c.header,
    bold: true,
    fillColor: "#e8ecef",
    alignment: c.kind === "text" ? "left" : "right",
  }));
  const body: TableCell[][] = [header, ...table.rows.map((r) => pdfRow(table, r, {}))];
  if (table.totalRow) body.push(pdfRow(table, table.totalRow, { bold: true }));
  for (const row of table.footerRows ?? []) body.push(pdfRow(table, row, { italics: true }));
  const totalIndex = table.totalRow ? table.rows.length + 1 : -1;

  // Wide tables (an allocation has seven columns) get smaller print so they fit an A4 page.
  const fontSize = table.columns.length <= 4 ? 10 : table.columns.length <= 6 ? 8.5 : 7.5;
  const content: Content[] = [
    { text: table.title, style: "tableTitle" },
    {
      fontSize,
      table: {
        headerRows: 1,
        // A compact table (recipient and amount) is as wide as its contents, as a decision's annex is.
        widths: table.columns.map((c) => (c.kind === "text" && !c.narrow && !options.compact ? "*" : "auto")),
        body,
      },
      layout: {
        hLineWidth: (i: number, node) => (i === 0 || i === 1 || i === totalIndex || i === node.table.body.length ? 0.8 : 0.2),
        vLineWidth: () => 0,
        hLineColor: () => "#555555",
        paddingTop: () => (options.compact ? 1.5 : 3),
        paddingBottom: () => (options.compact ? 1.5 : 3),
        ...(options.compact ? { paddingRight: () => 14 } : {}),
      },
    },
  ];
  for (const note of table.notes ?? []) content.push({ text: note, style: "note" });
  return content;
}
