import pdfMake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Ore } from "../../core/allocation/types";
import type { FinancialReportContent, PartReference, RegistrationNumbers, RequisitionContent, Signatory } from "../../core/grants/closing-content";
import { payeeText } from "../../core/grants/payee";
import { formatAmount } from "../../core/money";
import { robotoFonts } from "../pdf/decision";
import { tableContent } from "../pdf/table-content";
import type { Cell, Table } from "../table";
import { writeXlsx } from "../xlsx/write";

export type ClosingDocumentContent = RequisitionContent | FinancialReportContent;

const kr = (ore: Ore) => formatAmount(ore, "kr");
const missing = "uppgift saknas";

function field(label: string, value: string | null | undefined, bold = false): Content[] {
  return [{ text: label, color: "#444444" }, { text: value && value.length > 0 ? value : missing, bold, italics: !value }];
}

function fieldsTable(rows: Content[][]): Content {
  return { table: { widths: [150, "*"], body: rows }, layout: "lightHorizontalLines", margin: [0, 0, 0, 10] };
}

function registrationRows(r: RegistrationNumbers): Content[][] {
  return [
    field("Regeringsbeslut, diarienummer", r.decision ? `${r.decision}${r.decisionDate ? ` (${r.decisionDate})` : ""}` : null, true),
    field("Överenskommelse, diarienummer", r.agreement ? `${r.agreement} – ${r.agreementName}` : `${missing} – ${r.agreementName}`, Boolean(r.agreement)),
  ];
}

function appropriationRows(p: PartReference): Content[][] {
  return [
    field("Del", `${p.position}. ${p.purpose}`),
    field("Utgiftsområde", p.expenditureArea),
    field("Anslag", p.appropriation),
    field("Anslagspost", p.appropriationItem ? `${p.appropriationItem}${p.appropriationItemName ? ` ${p.appropriationItemName}` : ""}` : null, true),
  ];
}

/** Lines to sign on: place and date, signature, printed name and title of the authorised representative. */
function signatureBlock(s: Signatory, date: string): Content {
  const line = (label: string, value: string | null): Content => ({
    stack: [{ text: value ?? " ", margin: [0, 18, 0, 2] }, { canvas: [{ type: "line", x1: 0, y1: 0, x2: 210, y2: 0, lineWidth: 0.6 }] }, { text: label, fontSize: 8.5, color: "#444444", margin: [0, 2, 0, 0] }],
  });
  return {
    stack: [
      { text: "Underskrift av behörig företrädare", style: "sectionHeading" },
      { columns: [line("Ort och datum", s.place ? `${s.place} ${date}` : date), line("Underskrift", null)], columnGap: 24 },
      { columns: [line("Namnförtydligande", s.name), line("Befattning", s.title)], columnGap: 24 },
    ],
    unbreakable: true,
    margin: [0, 8, 0, 0],
  };
}

function header(organisation: string, documentType: string, date: string, version: number, diary: string | null): Content {
  return {
    columns: [
      { text: organisation, style: "organisation" },
      {
        width: "auto",
        table: { body: [[{ text: documentType, bold: true, colSpan: 2 }, ""], ["Datum", date], ["Version", String(version)], ["Diarienummer", diary ?? missing]] },
        layout: "noBorders",
        fontSize: 9,
      },
    ],
    margin: [0, 0, 0, 18],
  };
}

function definition(title: string, subject: string, author: string, footer: string, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageMargins: [62, 56, 62, 56],
    info: { title, author, subject, creator: "Fördela" },
    language: "sv-SE",
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      organisation: { fontSize: 12, bold: true },
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      sectionHeading: { fontSize: 12, bold: true, margin: [0, 10, 0, 5] },
      paragraph: { margin: [0, 0, 0, 6] },
      tableTitle: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
      note: { fontSize: 8.5, italics: true, margin: [0, 3, 0, 0] },
    },
    footer: (page: number, pages: number) => ({ text: `${footer}    Sida ${page} av ${pages}`, alignment: "right", fontSize: 8, margin: [62, 20, 62, 0] }),
    content,
  };
}

export function requisitionDefinition(c: RequisitionContent): TDocumentDefinitions {
  const r = c.registration;
  const content: Content[] = [
    header(c.recipient.name, "Rekvisition", c.date, c.version, r.decision),
    { text: `Rekvisition av statsbidrag: ${r.agreementName}`, style: "title" },
    { text: `Till ${c.payer ?? "bidragsgivaren"}`, style: "paragraph" },
    {
      text: `${c.recipient.name} rekvirerar härmed ${kr(c.amount)} enligt ${r.decision ? `regeringsbeslut ${r.decision}` : "beslutet"}${r.decisionDate ? ` av ${r.decisionDate}` : ""}, del ${c.part.position}, med anledning av överenskommelsen ${r.agreementName}.`,
      style: "paragraph",
    },
    fieldsTable([
      field("Mottagare", c.recipient.name, true),
      field("Organisationsnummer", c.recipient.organisationNumber, true),
      ...registrationRows(r),
      ...appropriationRows(c.part),
      field("Engångsvis", c.part.oneTime ? "Ja" : "Nej"),
      field("Rekvirerat belopp", kr(c.amount), true),
      field("Belopp enligt beslutet", kr(c.entitled)),
      field("Utbetalas till", payeeText(c.payee), true),
      field("Redovisningsobjekt", c.accountingObject),
      field("Rekvisition senast", c.requisitionDeadline),
      field("Status i registret när rekvisitionen gjordes", c.statusText),
    ]),
    { text: "Medlen används för avsett ändamål enligt beslutet. Medel som inte används återbetalas, och en ekonomisk redovisning lämnas, enligt beslutets villkor.", style: "paragraph" },
    signatureBlock(c.signatory, c.date),
  ];
  const footer = [`Rekvisition${r.decision ? ` ${r.decision}` : ""} del ${c.part.position}`, c.recipient.name, `version ${c.version}`].join(" – ");
  return definition(`Rekvisition ${r.decision ?? r.agreementName} del ${c.part.position}, ${c.recipient.name}`, "Rekvisition", c.recipient.name, footer, content);
}

/** The summary of a financial report: what came in, what was used, what moves on and what goes back. */
export function reportSummaryTable(c: FinancialReportContent): Table {
  const f = c.figures;
  const rows: Cell[][] = [["Mottaget", f.received]];
  if (f.carriedIn > 0) rows.push(["Överfört från föregående år med medgivande", f.carriedIn]);
  rows.push(["Förbrukat enligt huvudboken (objekt " + c.accountingObject + ")", -f.ledgerUsed]);
  if (c.manual.length > 0) rows.push(["Förbrukat enligt manuella rader", -f.manualUsed]);
  const footerRows: Cell[][] = [];
  if (f.carriedForward > 0) footerRows.push(["Förs över till nästa år med medgivande", f.carriedForward]);
  if (f.repaid > 0) footerRows.push(["Redan återbetalt", f.repaid]);
  footerRows.push(["Att återbetala", f.toRepay]);
  return {
    title: "Sammanställning",
    columns: [
      { header: "Post", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows,
    totalRow: ["Outnyttjat (mottaget och överfört minus förbrukat)", f.unspent],
    footerRows,
    notes: [`Förbrukat totalt ${kr(f.used)} under perioden ${c.period.from}–${c.period.to}.`],
  };
}

export function reportAccountTable(c: FinancialReportContent): Table {
  return {
    title: `Kostnader per konto på objekt ${c.accountingObject}`,
    columns: [
      { header: "Konto", kind: "text", narrow: true },
      { header: "Benämning", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: c.byAccount.map((a): Cell[] => [a.account, a.accountName ?? "", a.amount]),
    totalRow: ["Summa", null, c.figures.ledgerUsed],
  };
}

export function reportMonthTable(c: FinancialReportContent): Table {
  return {
    title: "Kostnader per månad enligt huvudboken",
    columns: [
      { header: "Månad", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: c.byMonth.map((m): Cell[] => [m.month, m.amount]),
    totalRow: ["Summa", c.figures.ledgerUsed],
  };
}

export function reportLedgerTable(c: FinancialReportContent): Table {
  return {
    title: "Huvudbokens rader per konto och månad",
    columns: [
      { header: "Konto", kind: "text" },
      { header: "Benämning", kind: "text" },
      { header: "Månad", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: c.ledgerLines.map((l): Cell[] => [l.account, l.accountName ?? "", l.month, l.amount]),
    totalRow: ["Summa", null, null, c.figures.ledgerUsed],
  };
}

export function reportManualTable(c: FinancialReportContent): Table {
  return {
    title: "Manuella rader (kostnader som huvudboken inte har)",
    columns: [
      { header: "Datum", kind: "text", narrow: true },
      { header: "Avser", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: c.manual.map((m): Cell[] => [m.date, m.description, m.amount]),
    totalRow: ["Summa", null, c.figures.manualUsed],
  };
}

function repaymentText(c: FinancialReportContent): string {
  const rp = c.repayment;
  if (rp.amount === 0) return c.figures.carriedForward > 0 ? "Inget ska återbetalas: det outnyttjade beloppet förs över till nästa år med bidragsgivarens medgivande." : "Inget ska återbetalas.";
  const to = rp.payee ? ` till ${rp.payee}` : "";
  const details = rp.payeeDetails ? ` (${rp.payeeDetails})` : "";
  return `${kr(rp.amount)} återbetalas${to}${details}${rp.dueDate ? ` senast ${rp.dueDate}` : ""}. Ange regeringsbeslutets diarienummer vid betalningen.`;
}

export function financialReportDefinition(c: FinancialReportContent): TDocumentDefinitions {
  const r = c.registration;
  const content: Content[] = [
    header(c.recipient.name, "Ekonomisk redovisning", c.date, c.version, r.decision),
    { text: `Ekonomisk redovisning av statsbidrag: ${r.agreementName}`, style: "title" },
    { text: `Till ${c.reportRecipient ?? "bidragsgivaren"}`, style: "paragraph" },
    fieldsTable([
      field("Mottagare", c.recipient.name, true),
      field("Organisationsnummer", c.recipient.organisationNumber, true),
      ...registrationRows(r),
      ...appropriationRows(c.part),
      field("Period", `${c.period.from}–${c.period.to}`),
      field("Redovisningsobjekt", c.accountingObject),
    ]),
    ...tableContent(reportSummaryTable(c)),
    { text: "Återbetalning", style: "sectionHeading" },
    { text: repaymentText(c), style: "paragraph" },
  ];
  if (c.carriedIn.length > 0 || c.carriedOut) {
    content.push({ text: "Medel som förs mellan år", style: "sectionHeading" });
    for (const i of c.carriedIn) {
      content.push({ text: `${kr(i.amount)} har förts över från ${i.fromTitle} enligt bidragsgivarens beslut ${i.diaryNumber} av ${i.decidedOn}; medlen ska användas och redovisas senast ${i.newDeadline}.`, style: "paragraph" });
    }
    if (c.carriedOut) {
      const o = c.carriedOut;
      content.push({ text: `${kr(o.amount)} förs över till ${o.toTitle} enligt bidragsgivarens beslut ${o.diaryNumber} av ${o.decidedOn}, i stället för att återbetalas; medlen ska användas och redovisas senast ${o.newDeadline}.`, style: "paragraph" });
    }
  }
  if (c.explanation) content.push({ text: "Förklaring", style: "sectionHeading" }, { text: c.explanation, style: "paragraph" });
  if (c.byAccount.length > 0) content.push(...tableContent(reportAccountTable(c)), ...tableContent(reportMonthTable(c)));
  else content.push({ text: `Huvudboken har inga kostnader på objekt ${c.accountingObject} under perioden.`, style: "paragraph" });
  if (c.manual.length > 0) content.push(...tableContent(reportManualTable(c)));
  content.push(signatureBlock(c.signatory, c.date));
  const footer = [`Ekonomisk redovisning${r.decision ? ` ${r.decision}` : ""} del ${c.part.position}`, c.recipient.name, `version ${c.version}`].join(" – ");
  return definition(`Ekonomisk redovisning ${r.decision ?? r.agreementName} del ${c.part.position}, ${c.recipient.name}`, "Ekonomisk redovisning", c.recipient.name, footer, content);
}

function render(def: TDocumentDefinitions): Promise<Buffer> {
  const fonts = robotoFonts();
  const fontFiles = new Set<string>(Object.values(fonts.Roboto));
  pdfMake.setFonts(fonts);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => fontFiles.has(path));
  return pdfMake.createPdf(def).getBuffer();
}

function requisitionTables(c: RequisitionContent): Table[] {
  const r = c.registration;
  const text = (label: string, value: string | null): Cell[] => [label, value ?? missing];
  return [
    {
      title: "Rekvisition",
      columns: [
        { header: "Uppgift", kind: "text" },
        { header: "Värde", kind: "text" },
      ],
      rows: [
        text("Mottagare", c.recipient.name),
        text("Organisationsnummer", c.recipient.organisationNumber),
        text("Regeringsbeslut, diarienummer", r.decision),
        text("Beslutsdatum", r.decisionDate),
        text("Överenskommelse", r.agreementName),
        text("Överenskommelse, diarienummer", r.agreement),
        text("Del", `${c.part.position}. ${c.part.purpose}`),
        text("Utgiftsområde", c.part.expenditureArea),
        text("Anslag", c.part.appropriation),
        text("Anslagspost", c.part.appropriationItem && `${c.part.appropriationItem} ${c.part.appropriationItemName ?? ""}`.trim()),
        text("Utbetalas till", payeeText(c.payee)),
        text("Datum", c.date),
        text("Version", String(c.version)),
      ],
    },
    {
      title: "Belopp",
      columns: [
        { header: "Post", kind: "text" },
        { header: "Belopp", kind: "money" },
      ],
      rows: [
        ["Rekvirerat belopp", c.amount],
        ["Belopp enligt beslutet", c.entitled],
      ],
    },
  ];
}

export function closingTables(c: ClosingDocumentContent): Table[] {
  if (c.kind === "requisition") return requisitionTables(c);
  const tables = [reportSummaryTable(c), reportAccountTable(c), reportMonthTable(c), reportLedgerTable(c)];
  if (c.manual.length > 0) tables.push(reportManualTable(c));
  return tables;
}

/** A produced requisition or financial report as PDF or XLSX (the tables: summary, accounts, months, ledger lines). */
export function closingDocumentFile(c: ClosingDocumentContent, format: "pdf" | "xlsx"): Promise<Buffer> {
  if (format === "pdf") return render(c.kind === "requisition" ? requisitionDefinition(c) : financialReportDefinition(c));
  const ref = c.registration.decision ? ` ${c.registration.decision}` : "";
  const title = `${c.kind === "requisition" ? "Rekvisition" : "Ekonomisk redovisning"}${ref} del ${c.part.position}`;
  return writeXlsx(closingTables(c).map((table) => ({ table })), { title: `${title}, ${c.recipient.name}`, creator: c.recipient.name });
}

/** "rekvisition-S2023-00488-del-1-SKR-v1.pdf": safe in a Content-Disposition header and a file system. */
export function closingFileName(c: ClosingDocumentContent, format: "pdf" | "xlsx"): string {
  const kind = c.kind === "requisition" ? "rekvisition" : "ekonomisk-redovisning";
  const ref = (c.registration.decision ?? "utan-diarienummer").replace(/[^A-Za-z0-9]+/g, "-");
  return `${kind}-${ref}-del-${c.part.position}-${c.recipient.code.replace(/[^A-Za-z0-9]+/g, "-")}-v${c.version}.${format}`;
}
