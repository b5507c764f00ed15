import type { Ore } from "../../core/allocation/types";
import { formatAmount } from "../../core/money";
import type { InternalDecisionDocumentData } from "../../core/grants/document-data";
import type { DecisionDocument, DecisionSection, DecisionTable } from "../pdf/decision";
import type { Cell, Table } from "../table";
import type { DisplayUnit } from "../../core/money/units";

const kindNames = { fixed: "Fast", earmarked: "Öronmärkt", remainder: "Resten" } as const;
const kronor = (ore: Ore) => formatAmount(ore, "kr", { suffix: false }) + " kronor";

/** The lines of an internal decision (seed 003) with the remainder as computed; the total row is the lines' sum. */
export function internalLinesTable(data: InternalDecisionDocumentData): Table {
  const { internal } = data;
  const lines = internal.resolvedLines;
  const sum = lines.reduce((a, l) => a + l.amount, 0);
  const notes: string[] = [];
  const rest = lines.find((l) => l.kind === "remainder");
  if (rest) {
    const others = sum - rest.amount;
    notes.push(`Sista raden tar resten: ${formatAmount(internal.total, "kr")} − ${formatAmount(others, "kr")} = ${formatAmount(rest.amount, "kr")}.`);
  }
  if (internal.earmarked > 0) notes.push(`Varav öronmärkt för nationellt angivet ändamål: ${formatAmount(internal.earmarked, "kr")}.`);
  if (sum !== internal.total) notes.push(`Raderna summerar till ${formatAmount(sum, "kr")} men erhållna medel är ${formatAmount(internal.total, "kr")}.`);
  return {
    title: "Fördelning av erhållna medel",
    columns: [
      { header: "Ändamål", kind: "text" },
      { header: "Slag", kind: "text", narrow: true },
      { header: "Belopp", kind: "money" },
    ],
    rows: lines.map((l): Cell[] => [l.accountingObject ? `${l.label} (${l.accountingObject})` : l.label, kindNames[l.kind], l.amount]),
    totalRow: [`${internal.organisationName} erhållna medel totalt`, null, sum],
    notes,
  };
}

export function internalDecisionTables(data: InternalDecisionDocumentData, unit?: DisplayUnit): DecisionTable[] {
  return [{ table: internalLinesTable(data), unit }];
}

function summary({ internal, decision, part }: InternalDecisionDocumentData): string[] {
  const m = internal.metadata;
  const lines = [`Medel som ${internal.organisationName} erhåller ur överenskommelsen ${decision.agreementName} är ${kronor(internal.total)}.`];
  const earmarks = [...new Set(internal.resolvedLines.filter((l) => l.kind === "earmarked").map((l) => l.earmarkPurpose ?? l.label))];
  if (internal.earmarked > 0) lines.push(`Av dessa är ${kronor(internal.earmarked)} öronmärkta: ${earmarks.join("; ")}.`);
  if (m.accountingObject) lines.push(`Objekt ${m.accountingObject} ska användas vid kontering av intäkter och kostnader som avser denna överenskommelse.`);
  if (part.reportDeadline) lines.push(`Redovisning av hur medlen har använts ska göras senast ${part.reportDeadline}${part.reportRecipientName ? ` till ${part.reportRecipientName}` : ""}.`);
  if (part.repaymentDeadline) lines.push(`Medel som inte förbrukats ska återbetalas${part.repaymentRecipientName ? ` till ${part.repaymentRecipientName}` : ""} senast ${part.repaymentDeadline}.`);
  return lines;
}

/** The decision of a region allocating a grant it received (seed 003): lines, earmarked part, remainder, delegation and conditions. */
export function internalDecisionDocument(data: InternalDecisionDocumentData, options: { unit?: DisplayUnit; today?: string } = {}): DecisionDocument {
  const { internal, decision } = data;
  const m = internal.metadata;
  const decided = internal.status === "decided";
  const sections: DecisionSection[] = [];
  if (m.basisDocuments.length > 0) sections.push({ heading: "Beslutsunderlag", items: m.basisDocuments });
  if (m.delegationText) sections.push({ heading: "Delegationsbestämmelse och delegation", paragraphs: [m.delegationText] });
  if (m.conditions.length > 0) sections.push({ heading: "Villkor att beakta gällande riktade statliga medel", items: m.conditions });
  if (!decided) sections.push({ heading: "Status", paragraphs: [`Utkast, version ${internal.version}. Beslutet är inte fattat.`] });
  const approval = `fördelning för nyttjande av medel ur överenskommelsen om ”${decision.agreementName}”`;
  return {
    organisationName: internal.organisationName,
    documentType: decided ? "Beslut" : "Beslutsunderlag",
    title: internal.title,
    caseNumber: m.caseNumber ?? "Utan diarienummer",
    date: m.decisionDate ?? internal.decidedAt?.slice(0, 10) ?? options.today ?? new Date().toISOString().slice(0, 10),
    summary: summary(data),
    tables: internalDecisionTables(data, options.unit),
    proposalHeading: decided ? "Beslut" : "Förslag till beslut",
    proposal: decided ? { text: [`Ovanstående ${approval} godkänns.`] } : { attSatser: [`godkänna ovanstående ${approval}.`] },
    sections,
    decision: {
      decidedBy: m.decidedBy ? [m.decidedBy, m.decidedByTitle].filter(Boolean).join(", ") : undefined,
      delegationPoint: m.delegationPoint ? `punkt ${m.delegationPoint}` : undefined,
      reportedTo: m.reportedTo ? { body: m.reportedTo, date: m.reportedOn ?? "" } : undefined,
    },
    distribution: m.distributionList.length > 0 ? m.distributionList : undefined,
    distributionHeading: "Utdrag till",
    author: internal.organisationName,
  };
}
