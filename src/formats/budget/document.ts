import type { FrameChangeResult, JointFinancingResult } from "../../core/budget";
import type { BudgetSpec, DocumentMetadata, FrameChangeSpec, SubscriptionSpec } from "../../core/budget/specs";
import type { BudgetResult, SubscriptionDocResult } from "../../core/budget/documents";
import type { SavedBudgetDocument } from "../../core/budget/documents";
import { renderDecisionPdf, type DecisionDocument, type DecisionTable } from "../pdf/decision";
import type { DisplayUnit } from "../../core/money/units";
import { writeXlsx } from "../xlsx/write";
import { roundTableForDisplay } from "../display-rounding";
import { rowSumNotes } from "./row-check";
import { budgetTable, frameChangeTables, jointFinancingTable, proposalTables, subscriptionTable } from "./tables";

const kindTitles: Record<SavedBudgetDocument["kind"], string> = {
  budget: "Budget",
  frame_change: "Ramförändring",
  joint_financing: "Gemensam finansiering",
  subscription: "Abonnemang",
};

/** The document's tables with the unit each is shown in. Exact calculation tables stay in kr. */
export function documentTables(saved: SavedBudgetDocument): DecisionTable[] {
  const unit: DisplayUnit | undefined = saved.metadata.displayUnit;
  switch (saved.kind) {
    case "budget": {
      const result = saved.result as BudgetResult;
      const tables: DecisionTable[] = [{ table: budgetTable(saved.title, saved.spec as BudgetSpec, result), unit: unit ?? "tkr" }];
      if (result.proposal) tables.push(...proposalTables(result.proposal).map((table, i) => ({ table, unit: i === 1 ? (unit ?? "tkr") : undefined })));
      return tables;
    }
    case "frame_change":
      return frameChangeTables(saved.spec as FrameChangeSpec, saved.result as FrameChangeResult).map((table) => ({ table, unit: unit ?? "mkr" }));
    case "joint_financing":
      return [{ table: jointFinancingTable(saved.title, saved.result as JointFinancingResult), unit: "kr" }];
    case "subscription": {
      const table = subscriptionTable(saved.title, saved.spec as SubscriptionSpec, saved.result as SubscriptionDocResult);
      const shown: DisplayUnit = unit ?? "tkr";
      table.notes = [...(table.notes ?? []), ...rowSumNotes(table, shown)];
      return [{ table, unit: shown }];
    }
  }
}

function preparedLines(meta: DocumentMetadata): string[] {
  const who = (p: { name: string; title: string }) => `${p.name}, ${p.title}`;
  const lines: string[] = [];
  if (meta.preparedBy?.length) lines.push(`${meta.preparedBy.map(who).join(" och ")} har berett ärendet.`);
  if (meta.participants?.length) lines.push(`I slutlig handläggning inför politiskt beslut har ${meta.participants.map(who).join(" och ")} varit delaktig.`);
  return lines;
}

/** The decision basis (beslutsunderlag) of a saved budget document. */
export function budgetDecisionDocument(saved: SavedBudgetDocument, today = new Date().toISOString().slice(0, 10)): DecisionDocument {
  const meta = saved.metadata;
  const explanation = saved.kind === "budget" ? ((saved.result as BudgetResult).proposal?.explanation ?? []) : [];
  const sections = [];
  if (explanation.length > 0) sections.push({ heading: "Beräkning", paragraphs: explanation });
  if (meta.notes?.length) sections.push({ heading: "Underlag och anmärkningar", paragraphs: meta.notes });
  if (saved.status !== "decided") sections.push({ heading: "Status", paragraphs: [`Förslag, version ${saved.version}. Inte beslutat.`] });
  return {
    organisationName: meta.organisationName ?? saved.organisationName,
    title: saved.title,
    caseNumber: meta.caseNumber ?? "Utan diarienummer",
    date: meta.date ?? today,
    summary: meta.summary?.length ? meta.summary : [`${kindTitles[saved.kind]} ${saved.year} för ${saved.organisationName}.`],
    tables: documentTables(saved),
    proposal: { text: meta.proposalText, attSatser: meta.attSatser },
    sections,
    relatedCases: meta.relatedCases,
    preparedBy: preparedLines(meta),
    decision: meta.decidedBy ? { decidedBy: meta.decidedBy } : undefined,
    distribution: meta.distribution,
    author: meta.organisationName ?? saved.organisationName,
  };
}

export async function budgetDocumentPdf(saved: SavedBudgetDocument): Promise<Buffer> {
  return renderDecisionPdf(budgetDecisionDocument(saved));
}

/** The document's tables as a workbook, each rounded for display as in the PDF, with the same notes. */
export async function budgetDocumentXlsx(saved: SavedBudgetDocument): Promise<Buffer> {
  const sheets = documentTables(saved).map(({ table, unit }) => ({ table: unit ? roundTableForDisplay(table, unit) : table }));
  return writeXlsx(sheets, { title: saved.title, creator: saved.metadata.organisationName ?? saved.organisationName });
}
