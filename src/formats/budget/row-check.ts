import { roundForDisplay } from "../../core/money";
import { displayAmountWithUnit } from "../amount-text";
import type { Table } from "../table";
import type { DisplayUnit } from "../../core/money/units";

/**
 * roundTableForDisplay checks columns; a matrix also has row totals (its last column). This adds
 * a note for every row whose shown cells do not add up to its shown total.
 */
export function rowSumNotes(table: Table, unit: DisplayUnit): string[] {
  const money = table.columns.flatMap((c, i) => (c.kind === "money" ? [i] : []));
  const last = money[money.length - 1];
  if (last === undefined || money.length < 2) return [];
  const notes: string[] = [];
  for (const row of table.rows) {
    const total = row[last];
    if (typeof total !== "number") continue;
    const shownTotal = roundForDisplay(total, unit).shown;
    const sum = money.slice(0, -1).reduce((s, i) => s + (typeof row[i] === "number" ? roundForDisplay(row[i] as number, unit).shown : 0), 0);
    if (sum !== shownTotal) {
      notes.push(`Raden ${String(row[0])}: de avrundade beloppen summerar till ${displayAmountWithUnit(sum, unit)}, den avrundade radsumman är ${displayAmountWithUnit(shownTotal, unit)}.`);
    }
  }
  return notes;
}
