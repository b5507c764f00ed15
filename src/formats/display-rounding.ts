import { roundForDisplay } from "../core/money";
import { displayAmountWithUnit } from "./amount-text";
import { assertValidTable, type Cell, type Table } from "./table";
import type { DisplayUnit } from "../core/money/units";

/**
 * Rounds the money cells to whole units with the money module's display rule: exact halves away
 * from zero, so −1,5 tkr and 1,5 tkr show as mirror images.
 */
function roundRow(row: Cell[], moneyColumns: number[], unit: DisplayUnit): Cell[] {
  const out = [...row];
  for (const i of moneyColumns) {
    const cell = out[i];
    if (typeof cell === "number") out[i] = roundForDisplay(cell, unit).shown;
  }
  return out;
}

/**
 * Prepares a table for readers in kr, tkr or mkr: every money cell, and the total, is rounded
 * on its own to a whole unit (the total from its exact value, not from the rounded lines).
 * Then, per money column, the rounded lines are added up; when they do not match the rounded
 * total a Swedish note says so with both figures, so the reader is not left to find the gap.
 * When they match, a note still says how the table rounds.
 */
export function roundTableForDisplay(table: Table, unit: DisplayUnit): Table {
  assertValidTable(table);
  const moneyColumns = table.columns.flatMap((c, i) => (c.kind === "money" ? [i] : []));
  const rows = table.rows.map((row) => roundRow(row, moneyColumns, unit));
  const totalRow = table.totalRow ? roundRow(table.totalRow, moneyColumns, unit) : undefined;
  const footerRows = table.footerRows?.map((row) => roundRow(row, moneyColumns, unit));

  const notes = [...(table.notes ?? [])];
  const named = moneyColumns.length > 1;
  let allMatch = true;
  for (const i of moneyColumns) {
    const total = totalRow?.[i];
    if (typeof total !== "number") continue;
    const sum = rows.reduce<bigint>((acc, row) => acc + BigInt(typeof row[i] === "number" ? (row[i] as number) : 0), 0n);
    if (sum !== BigInt(total)) {
      allMatch = false;
      const where = named ? ` i kolumnen "${table.columns[i]!.header}"` : "";
      notes.push(
        `Beloppen${where} är avrundade till ${unit}; summan av de avrundade beloppen, ` +
          `${displayAmountWithUnit(Number(sum), unit)}, avviker från den avrundade totalen ` +
          `${displayAmountWithUnit(total, unit)}`,
      );
    }
  }
  if (unit !== "kr" && moneyColumns.length > 0 && allMatch) {
    notes.push(`Beloppen är avrundade var för sig till hela ${unit} (exakt halva avrundas bort från noll).`);
  }

  return {
    ...table,
    columns: table.columns.map((c) => (c.kind === "money" ? { ...c, unit } : c)),
    rows,
    ...(totalRow ? { totalRow } : {}),
    ...(footerRows ? { footerRows } : {}),
    notes,
  };
}
