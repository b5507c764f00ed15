import type { Ore } from "../../core/allocation/types";
import type { RecipientGroup } from "../../core/grants/types";
import { formatAmount } from "../../core/money";
import type { Part } from "../../core/grants/records";
import type { Distribution } from "../../core/grants/records";
import type { GrantDecisionDocumentData } from "../../core/grants/document-data";
import type { DecisionDocument, DecisionSection, DecisionTable } from "../pdf/decision";
import type { Cell, Table } from "../table";
import type { DisplayUnit } from "../../core/money/units";

export interface GrantDocumentOptions {
  /** Money shown in tkr or mkr, rounded cell by cell with the rounding note; kr when not given. */
  unit?: DisplayUnit;
  /** "Kopia till": one recipient a line; the register keeps no copy list, so the caller states it. */
  copyTo?: string[];
  /** The document's date when the decision has none: today. */
  today?: string;
}

const groupNames: Record<RecipientGroup, string> = { skr: "SKR", regions: "regionerna", cooperation_regions: "samverkansregionerna", other: "övriga mottagare" };
const kronor = (ore: Ore) => formatAmount(ore, "kr", { suffix: false }) + " kronor";

/** "uo 9, anslag 1:6, ap. 18 God vård och folkhälsa" as the decision text names the appropriation. */
export function appropriationText(p: Pick<Part, "expenditureArea" | "appropriation" | "appropriationItem" | "appropriationItemName">): string {
  const parts = [
    p.expenditureArea && `uo ${p.expenditureArea.split(" ")[0]}`,
    p.appropriation && `anslag ${p.appropriation.split(" ")[0]}`,
    p.appropriationItem && `ap. ${p.appropriationItem}${p.appropriationItemName ? ` ${p.appropriationItemName}` : ""}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "–";
}

/** The part's deadlines, one a line; who receives each report is said under "Villkor". */
function deadlinesText(p: Part): string {
  const lines = [
    p.requisitionDeadline && `Rekvisition ${p.requisitionDeadline}`,
    p.reportDeadline && `Redovisning ${p.reportDeadline}`,
    p.repaymentDeadline && `Återbetalning ${p.repaymentDeadline}`,
    ...p.activityReports.map((r) => `${r.kind === "partial" ? "Delrapport" : "Slutrapport"} ${r.deadline}`),
  ].filter(Boolean);
  return lines.length > 0 ? lines.join("\n") : "–";
}

/**
 * The decision's parts: purpose, recipients, appropriation item (and whether the money is paid
 * once only), deadlines and amount; the total row is the parts' sum. Five columns, so that the
 * longest words ("antibiotikaanvändningen") fit an A4 page's width.
 */
export function partsTable(data: GrantDecisionDocumentData): Table {
  const d = data.decision;
  const notes = [d.check.balanced ? `Delarna summerar till beslutets totalbelopp ${formatAmount(d.total, "kr")}.` : d.check.message];
  return {
    title: "Beslutets delar",
    columns: [
      { header: "Ändamål", kind: "text" },
      { header: "Mottagare", kind: "text", narrow: true },
      { header: "Anslagspost", kind: "text" },
      { header: "Frister", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: d.parts.map((p): Cell[] => [`${p.position}. ${p.purpose}`, groupNames[p.recipientGroup].replace(/^./, (c) => c.toUpperCase()), `${appropriationText(p)}\n${p.oneTime ? "Engångsvis" : "Inte engångsvis"}`, deadlinesText(p), p.amount]),
    totalRow: ["Summa", null, null, null, d.check.sum],
    notes,
  };
}

function distributionNote(dist: Distribution): string {
  if (dist.mode === "annex") return `Beloppen är de som beslutet anger (${dist.source ?? "bilaga"}).`;
  const key = dist.request?.key;
  return key && key.kind === "population" ? `Beloppen är beräknade efter folkmängden ${key.date}.` : "Beloppen är beräknade med en fördelningsnyckel.";
}

/** Whether a part's recipients get a table of their own: a part paid to SKR alone needs none. */
function listsRecipients(part: Part, dist: Distribution | undefined): dist is Distribution {
  if (!dist || dist.entitlements.length === 0) return false;
  return dist.entitlements.length > 1 || part.recipientGroup !== "skr";
}

/** A distributed part's recipients with their amounts; the total row is their sum, and a footer shows the part when they differ. */
export function recipientTable(part: Part, dist: Distribution): Table {
  const sum = dist.entitlements.reduce((a, e) => a + e.amount, 0);
  return {
    title: `Del ${part.position}: ${part.purpose} – fördelning per mottagare`,
    columns: [
      { header: "Mottagare", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: dist.entitlements.map((e): Cell[] => [e.recipientName, e.amount]),
    totalRow: ["Summa", sum],
    ...(sum !== part.amount ? { footerRows: [["Delens belopp", part.amount]] } : {}),
    notes: [distributionNote(dist), dist.check.message],
  };
}

export function grantDecisionTables(data: GrantDecisionDocumentData, unit?: DisplayUnit): DecisionTable[] {
  const tables: DecisionTable[] = [{ table: partsTable(data), unit }];
  for (const part of data.decision.parts) {
    const dist = data.distributions.get(part.id);
    if (listsRecipients(part, dist)) tables.push({ table: recipientTable(part, dist), unit });
  }
  return tables;
}

function summary(data: GrantDecisionDocumentData): string[] {
  const d = data.decision;
  const byGroup = new Map<RecipientGroup, Ore>();
  for (const p of d.parts) byGroup.set(p.recipientGroup, (byGroup.get(p.recipientGroup) ?? 0) + p.amount);
  const lines = [
    d.payerName
      ? `Med anledning av överenskommelsen ${d.agreementName} ska ${d.payerName} betala ut totalt ${kronor(d.total)}.`
      : `Med anledning av överenskommelsen ${d.agreementName} betalas totalt ${kronor(d.total)} ut.`,
  ];
  if (byGroup.size > 1) {
    const shares = [...byGroup].map(([g, amount]) => `${kronor(amount)} till ${groupNames[g]}`);
    lines.push(`Av dessa betalas ${shares[0]!.replace(" till ", " ut till ")}${shares.length > 2 ? `, ${shares.slice(1, -1).join(", ")}` : ""} och ${shares.at(-1)!}.`);
  }
  if (!d.check.balanced) lines.push(d.check.message);
  return lines;
}

function conditions(d: GrantDecisionDocumentData["decision"]): DecisionSection | undefined {
  const unique = (xs: (string | null | false)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];
  const items = unique([
    ...d.parts.map((p) => p.requisitionDeadline && `Rätten till bidrag förfaller om rekvisition inte har kommit in senast ${p.requisitionDeadline}.`),
    ...d.parts.map((p) => p.repaymentDeadline && `Medel som inte har använts för avsett ändamål ska återbetalas senast ${p.repaymentDeadline}${p.repaymentRecipientName ? ` till ${p.repaymentRecipientName}` : ""}.`),
    ...d.parts.map((p) => p.reportDeadline && `En ekonomisk redovisning av använda medel ska lämnas senast ${p.reportDeadline}${p.reportRecipientName ? ` till ${p.reportRecipientName}` : ""}.`),
    ...d.parts.flatMap((p) => p.activityReports.map((r) => `${groupNames[p.recipientGroup].replace(/^./, (c) => c.toUpperCase())} lämnar ${r.kind === "partial" ? "en delredovisning" : "en slutredovisning"} till ${r.recipient} senast ${r.deadline}.`)),
  ]);
  return items.length > 0 ? { heading: "Villkor", items } : undefined;
}

/** The decision basis of a government grant decision (seed 002): parts, recipients, conditions and signatories. */
export function grantDecisionDocument(data: GrantDecisionDocumentData, options: GrantDocumentOptions = {}): DecisionDocument {
  const d = data.decision;
  const decided = d.status === "decided";
  // "Regeringen (Socialdepartementet)" already names its ministry; say it once.
  const who = d.ministry && !d.organisationName.includes(d.ministry) ? `${d.organisationName} (${d.ministry})` : d.organisationName;
  const payTo = d.payerName ? `ger ${d.payerName} i uppdrag att betala ut` : "beslutar att betala ut";
  const sections: DecisionSection[] = [];
  const terms = conditions(d);
  if (terms) sections.push(terms);
  if (!decided) sections.push({ heading: "Status", paragraphs: ["Utkast. Beslutet är inte fattat."] });
  return {
    organisationName: d.ministry ?? d.organisationName,
    documentType: decided ? "Beslut" : "Beslutsunderlag",
    title: d.title,
    caseNumber: d.diaryNumber ?? "Utan diarienummer",
    date: d.decisionDate ?? options.today ?? new Date().toISOString().slice(0, 10),
    summary: summary(data),
    tables: grantDecisionTables(data, options.unit),
    proposalHeading: decided ? "Beslut" : "Förslag till beslut",
    proposal: { text: [`${who} ${payTo} totalt ${kronor(d.total)} enligt delarna i tabellen${data.distributions.size > 0 ? " och fördelningen per mottagare" : ""}.`] },
    sections,
    relatedCases: [`Överenskommelsen ${d.agreementName}`],
    decision: d.signatories.length > 0 ? { decidedBy: d.signatories.join(" och ") } : undefined,
    distribution: options.copyTo && options.copyTo.length > 0 ? options.copyTo : undefined,
    distributionHeading: "Kopia till",
    author: d.ministry ?? d.organisationName,
  };
}
