import { daysBetween } from "../../core/grants/dates";
import { daysLeftText } from "../../core/grants/deadlines";
import { formatAmount } from "../../core/money";
import type { Agreement, Decision, Part } from "../../db/queries/grants-decisions";
import type { RecipientGrant } from "../../db/queries/grants-recipients";

// Plain-text tables for `fordela grants`: what the register pages show, for a terminal.

const kr = (ore: number | null) => (ore === null ? "–" : formatAmount(ore, "kr"));
const groupNames = { skr: "SKR", regions: "Regionerna", cooperation_regions: "Samverkansregionerna", other: "Övriga" } as const;

/** Columns padded to their widest cell; the columns named in `numeric` right-aligned. */
export function textTable(header: string[], rows: string[][], numeric: number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.includes(i) ? c.padStart(widths[i]!) : i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const sumCheck = (d: Decision) => (d.check.balanced ? "stämmer" : `avviker ${kr(d.check.difference)}`);
const statusName = (s: "draft" | "decided") => (s === "decided" ? "fastställt" : "utkast");

/** Agreements, each with its decisions, totals and sum checks. */
export function agreementsText(agreements: readonly Agreement[], decisions: readonly Decision[]): string {
  if (agreements.length === 0) return "Inga överenskommelser är registrerade.";
  return agreements
    .map((a) => {
      const own = decisions.filter((d) => d.agreementId === a.id);
      const rest = a.total - a.decidedTotal;
      const head = [
        `${a.name} (${a.year}), id ${a.id}${a.diaryNumber ? `, ${a.diaryNumber}` : ""}`,
        `  Parter: ${a.parties.join(", ")}. Registrerad av ${a.organisationName}.`,
        `  Total ${kr(a.total)}; regeringsbeslut ${kr(a.decidedTotal)}${rest === 0 ? " = överenskommelsens total" : rest > 0 ? `, ${kr(rest)} kvar` : `, ${kr(-rest)} mer än totalen`}.`,
      ];
      if (own.length === 0) return [...head, "  Inga regeringsbeslut."].join("\n");
      const table = textTable(
        ["Id", "Diarienummer", "Datum", "Totalt", "Summakontroll", "Status", "Rubrik"],
        own.map((d) => [String(d.id), d.diaryNumber ?? "–", d.decisionDate ?? "–", kr(d.total), sumCheck(d), statusName(d.status), d.title]),
        [0, 3],
      );
      return [...head, "", ...table.split("\n").map((l) => `  ${l}`)].join("\n");
    })
    .join("\n\n");
}

export interface PartDeadline {
  what: string;
  date: string;
  to: string | null;
  daysLeft: number;
}

/** A part's deadlines by date, with days left as of `today`. */
export function partDeadlines(p: Part, today: string): PartDeadline[] {
  const rows: [string, string | null, string | null][] = [
    ["Rekvisition", p.requisitionDeadline, null],
    ["Ekonomisk redovisning", p.reportDeadline, p.reportRecipientName],
    ["Återbetalning", p.repaymentDeadline, p.repaymentRecipientName],
    ...p.activityReports.map((r): [string, string, string] => [r.kind === "partial" ? "Delredovisning" : "Slutredovisning", r.deadline, r.recipient]),
  ];
  return rows
    .filter((r): r is [string, string, string | null] => r[1] !== null)
    .map(([what, date, to]) => ({ what, date, to, daysLeft: daysBetween(today, date) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

// The decision's short form ("uo 9, 1:6 ap. 18"); the names would make the table unreadable.
const appropriation = (p: Part) =>
  [p.expenditureArea && `uo ${p.expenditureArea.split(" ")[0]}`, p.appropriation && p.appropriation.split(" ")[0], p.appropriationItem && `ap. ${p.appropriationItem}`].filter(Boolean).join(", ");

/** One decision: its metadata, parts with amounts and distribution, each part's deadlines. */
export function decisionText(d: Decision, today: string): string {
  const out = [
    `Regeringsbeslut ${d.diaryNumber ?? d.id} (id ${d.id}), ${statusName(d.status)}`,
    d.title,
    `Överenskommelse: ${d.agreementName}`,
    ...(d.decisionDate ? [`Beslutsdatum: ${d.decisionDate}`] : []),
    ...(d.ministry ? [`Departement: ${d.ministry}`] : []),
    ...(d.payerName ? [`Utbetalare: ${d.payerName}`] : []),
    ...(d.signatories.length > 0 ? [`Undertecknare: ${d.signatories.join(", ")}`] : []),
    `Totalt: ${kr(d.total)}`,
    "",
    textTable(
      ["Del", "Mottagare", "Belopp", "Fördelat", "Anslag", "Ändamål"],
      d.parts.map((p) => [String(p.position), groupNames[p.recipientGroup], kr(p.amount), p.distributionMode ? kr(p.distributedTotal) : "–", appropriation(p) || "–", p.purpose + (p.oneTime ? " (engångsvis)" : "")]),
      [0, 2, 3],
    ),
    `Summa delar ${kr(d.check.sum)}: ${d.check.balanced ? "stämmer med beslutets total" : d.check.message}`,
  ];
  for (const p of d.parts) {
    const due = partDeadlines(p, today);
    out.push("", `Tidsfrister, del ${p.position}: ${p.purpose}`);
    if (due.length === 0) out.push("  Inga tidsfrister.");
    else out.push(...textTable(["Datum", "Kvar", "Vad"], due.map((x) => [x.date, daysLeftText(x.daysLeft), x.what + (x.to ? ` till ${x.to}` : "")])).split("\n").map((l) => `  ${l}`));
  }
  return out.join("\n");
}

/** A recipient's grants: the figures of the recipient view and what is next for each. */
export function recipientText(org: { code: string; name: string }, grants: readonly RecipientGrant[], today: string): string {
  const head = `Statsbidrag för ${org.name} (${org.code}) per ${today}`;
  if (grants.length === 0) return `${head}\nInga statsbidrag.`;
  const table = textTable(
    ["Del-id", "Bidrag", "Rätt till", "Rekvirerat", "Mottaget", "Förbrukat", "Outnyttjat", "Att återbetala"],
    grants.map((g) => [String(g.partId), `${g.agreementName}${g.diaryNumber ? ` (${g.diaryNumber})` : ""}`, kr(g.entitled), kr(g.figures.requisitioned), kr(g.figures.received), kr(g.figures.spent), kr(g.figures.unspent), kr(g.figures.toRepay)]),
    [0, 2, 3, 4, 5, 6, 7],
  );
  const status = grants.map((g) => `  Del-id ${g.partId}: ${g.status.overdue ? "FÖRSENAD: " : ""}${g.status.text}`);
  return [head, "", table, "", "Status:", ...status].join("\n");
}
