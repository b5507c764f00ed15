import type { Distribution } from "../../core/grants/records";
import { daysLeftText, deadlineKindNames, type DueDeadline } from "../../core/grants/deadlines";
import type { Cell, Table } from "../table";

/** A part's distribution: each recipient's decided amount, and the comparison key's amount and difference when there is one. */
export function distributionTable(title: string, distribution: Distribution): Table {
  const comparison = distribution.comparison;
  const computed = new Map(comparison?.rows.map((r) => [r.recipientCode, r]) ?? []);
  const rows: Cell[][] = distribution.entitlements.map((e) => {
    const base: Cell[] = [e.recipientName, e.recipientCode, e.amount];
    if (!comparison) return [...base, e.explanation];
    const c = computed.get(e.recipientCode);
    return [...base, c?.computed ?? null, c?.difference ?? null];
  });
  const notes = [distribution.check.message];
  if (distribution.source) notes.push(`Beslutade belopp från ${distribution.source}.`);
  if (comparison) {
    const key = comparison.request.key.kind === "population" ? `folkmängd ${comparison.request.key.date}` : "lika delar";
    notes.push(`Jämförelsenyckel: ${key}. Skillnad = beslutat belopp − nyckelns belopp.`);
  }
  return {
    title,
    columns: comparison
      ? [
          { header: "Mottagare", kind: "text" },
          { header: "Kod", kind: "text" },
          { header: "Beslutat belopp", kind: "money" },
          { header: "Enligt nyckel", kind: "money" },
          { header: "Skillnad", kind: "money" },
        ]
      : [
          { header: "Mottagare", kind: "text" },
          { header: "Kod", kind: "text" },
          { header: "Belopp", kind: "money" },
          { header: "Förklaring", kind: "text" },
        ],
    rows,
    totalRow: comparison
      ? ["Totalt", null, comparison.decidedTotal, comparison.computedTotal, comparison.decidedTotal - comparison.computedTotal]
      : ["Totalt", null, distribution.check.sum, null],
    notes,
  };
}

/** The deadline calendar as a table: date, days left, what, for whom, to whom, amount. */
export function calendarTable(title: string, deadlines: readonly DueDeadline[]): Table {
  return {
    title,
    columns: [
      { header: "Datum", kind: "text" },
      { header: "Dagar kvar", kind: "integer" },
      { header: "Status", kind: "text" },
      { header: "Vad", kind: "text" },
      { header: "Organisation", kind: "text" },
      { header: "Till", kind: "text" },
      { header: "Bidrag", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: deadlines.map((d) => [
      d.date,
      d.daysLeft,
      d.done ? "Klar" : d.overdue ? `Försenad (${daysLeftText(d.daysLeft)})` : daysLeftText(d.daysLeft),
      deadlineKindNames[d.kind],
      d.organisationName,
      d.counterpart,
      d.title,
      d.amount,
    ]),
  };
}
