import { createRequire } from "node:module";
import pdfMake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Table } from "../table";
import type { DisplayUnit } from "../../core/money/units";
import { tableContent } from "./table-content";

export interface DecisionTable {
  table: Table;
  /** Money shown in this unit, rounded cell by cell with a note when the sum differs. */
  unit?: DisplayUnit;
  /** As wide as its contents with close rows: a decision's table of recipient and amount (the default for two columns). */
  compact?: boolean;
}

export interface DecisionSection {
  heading: string;
  paragraphs?: string[];
  /** Shown as a bulleted list after the paragraphs. */
  items?: string[];
}

export interface DecisionMetadata {
  /** Who decides: "Sara Lewerentz, Regiondirektör" or "Hälso- och sjukvårdsnämnden". */
  decidedBy?: string;
  /** The delegation the decision rests on: "Delegationsbestämmelser för regionstyrelsen punkt 4.1.19". */
  delegationPoint?: string;
  /** The body the decision is reported to, and when: Regionstyrelsen, 2023-08-29. */
  reportedTo?: { body: string; date: string };
}

export interface DecisionDocument {
  /** The organisation, shown at the top of every page: "Region Jämtland Härjedalen". */
  organisationName?: string;
  /** The kind of document; "Beslutsunderlag" when not given. */
  documentType?: string;
  title: string;
  /** Ärendenummer: "HSN 1430-2024". */
  caseNumber: string;
  /** The document's date, "2025-01-20". */
  date: string;
  /** Paragraphs under "Sammanfattning". */
  summary: string[];
  tables?: DecisionTable[];
  /** "Förslag till beslut": an optional lead text and the att-satser ("att godkänna …"). */
  proposal: { text?: string[]; attSatser?: string[] };
  /** Heading of the proposal; a decision already taken says "Beslut" instead of "Förslag till beslut". */
  proposalHeading?: string;
  /** Sections after the proposal: "Jämställdhet", "Beslutsunderlag", "Villkor" … */
  sections?: DecisionSection[];
  /** Earlier cases this one builds on: "HSN 746-2024, § 219". */
  relatedCases?: string[];
  /** Paragraphs under "Beredningsansvariga": who prepared the case and who took part. */
  preparedBy?: string[];
  decision?: DecisionMetadata;
  /** "Beslutet expedieras till": one recipient a line. */
  distribution?: string[];
  /** Heading of the distribution list: "Kopia till", "Utdrag till"; "Beslutet expedieras till" when not given. */
  distributionHeading?: string;
  /** Author in the PDF's metadata. */
  author?: string;
  /** Appendices after the decision, each starting on a page of its own. */
  appendices?: DecisionAppendix[];
}

export interface DecisionAppendix {
  heading: string;
  paragraphs?: string[];
  tables: DecisionTable[];
}

const require = createRequire(import.meta.url);

/**
 * Roboto ships inside the pdfmake package and covers å, ä, ö, é and the dashes Swedish documents
 * use; the 14 standard PDF fonts would need WinAnsi tricks for the same.
 */
export function robotoFonts() {
  const regular = require.resolve("pdfmake/fonts/Roboto/Roboto-Regular.ttf");
  const dir = regular.slice(0, regular.length - "Roboto-Regular.ttf".length);
  return {
    Roboto: {
      normal: regular,
      bold: `${dir}Roboto-Medium.ttf`,
      italics: `${dir}Roboto-Italic.ttf`,
      bolditalics: `${dir}Roboto-MediumItalic.ttf`,
    },
  };
}

function heading(text: string): Content {
  return { text, style: "sectionHeading" };
}

function paragraphs(texts: string[]): Content[] {
  return texts.map((text) => ({ text, style: "paragraph" }));
}

function decisionLines(meta: DecisionMetadata): string[] {
  const lines: string[] = [];
  if (meta.decidedBy) lines.push(`Beslutsfattare: ${meta.decidedBy}`);
  if (meta.delegationPoint) lines.push(`Delegation: ${meta.delegationPoint}`);
  if (meta.reportedTo) lines.push(`Beslutet anmäls till ${meta.reportedTo.body} ${meta.reportedTo.date}`);
  return lines;
}

/** The pdfmake definition of a decision document; exported so tests and previews can inspect it. */
export function decisionDefinition(doc: DecisionDocument): TDocumentDefinitions {
  const documentType = doc.documentType ?? "Beslutsunderlag";
  const content: Content[] = [
    {
      columns: [
        { text: doc.organisationName ?? "", style: "organisation" },
        {
          width: "auto",
          table: {
            body: [
              [{ text: documentType, bold: true, colSpan: 2 }, ""],
              ["Datum", doc.date],
              ["Ärendenummer", doc.caseNumber],
            ],
          },
          layout: "noBorders",
          fontSize: 9,
        },
      ],
      margin: [0, 0, 0, 18],
    },
    { text: doc.title, style: "title" },
    heading("Sammanfattning"),
    ...paragraphs(doc.summary),
  ];
  // A table of two columns (recipient and amount) is compact unless told otherwise.
  for (const t of doc.tables ?? []) content.push(...tableContent(t.table, t.unit, { compact: t.compact ?? t.table.columns.length <= 2 }));

  const att = doc.proposal.attSatser ?? [];
  // A record with nothing to propose (a table from an annual report) gets no empty heading.
  if ((doc.proposal.text ?? []).length > 0 || att.length > 0) content.push(heading(doc.proposalHeading ?? "Förslag till beslut"), ...paragraphs(doc.proposal.text ?? []));
  if (att.length > 0) {
    content.push({
      stack: att.map((a) => ({ text: [{ text: "att ", bold: true }, a.replace(/^att\s+/i, "")], margin: [0, 0, 0, 4] })),
      margin: [12, 0, 0, 8],
    });
  }
  for (const section of doc.sections ?? []) {
    content.push(heading(section.heading), ...paragraphs(section.paragraphs ?? []));
    if (section.items && section.items.length > 0) content.push({ ul: section.items, style: "paragraph" });
  }
  if (doc.relatedCases && doc.relatedCases.length > 0) {
    content.push(heading("Tidigare behandling"), { ul: doc.relatedCases, style: "paragraph" });
  }
  if (doc.preparedBy && doc.preparedBy.length > 0) {
    content.push(heading("Beredningsansvariga"), ...paragraphs(doc.preparedBy));
  }
  const decisionText = doc.decision ? decisionLines(doc.decision) : [];
  if (decisionText.length > 0) content.push(heading("Beslut och delegation"), ...paragraphs(decisionText));
  if (doc.distribution && doc.distribution.length > 0) {
    content.push(heading(doc.distributionHeading ?? "Beslutet expedieras till"), { stack: doc.distribution, style: "paragraph" });
  }
  for (const appendix of doc.appendices ?? []) {
    content.push({ text: appendix.heading, style: "sectionHeading", pageBreak: "before" }, ...paragraphs(appendix.paragraphs ?? []));
    for (const t of appendix.tables) content.push(...tableContent(t.table, t.unit, { compact: t.compact ?? t.table.columns.length <= 2 }));
  }

  return {
    pageSize: "A4",
    pageMargins: [62, 56, 62, 56],
    info: {
      title: `${doc.title} (${doc.caseNumber})`,
      author: doc.author ?? doc.organisationName ?? "Fördela",
      subject: documentType,
      creator: "Fördela",
    },
    language: "sv-SE",
    defaultStyle: { font: "Roboto", fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      organisation: { fontSize: 12, bold: true },
      title: { fontSize: 17, bold: true, margin: [0, 0, 0, 12] },
      sectionHeading: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 5] },
      paragraph: { margin: [0, 0, 0, 6] },
      tableTitle: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
      note: { fontSize: 8.5, italics: true, margin: [0, 3, 0, 0] },
    },
    footer: (currentPage: number, pageCount: number) => ({
      text: `${doc.caseNumber}    Sida ${currentPage} av ${pageCount}`,
      alignment: "right",
      fontSize: 8,
      margin: [62, 20, 62, 0],
    }),
    content,
  };
}

/** The decision document as PDF bytes. Fonts come from the pdfmake package; no file or URL is read besides. */
export async function renderDecisionPdf(doc: DecisionDocument): Promise<Buffer> {
  const fonts = robotoFonts();
  const fontFiles = new Set<string>(Object.values(fonts.Roboto));
  pdfMake.setFonts(fonts);
  // No images or links are embedded, so nothing but the font files may be read, and no URL.
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => fontFiles.has(path));
  return pdfMake.createPdf(decisionDefinition(doc)).getBuffer();
}
