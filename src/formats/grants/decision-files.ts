import type { GrantDecisionDocumentData, InternalDecisionDocumentData } from "../../core/grants/document-data";
import { roundTableForDisplay } from "../display-rounding";
import { renderDecisionPdf, type DecisionTable } from "../pdf/decision";
import type { DisplayUnit } from "../../core/money/units";
import { writeXlsx } from "../xlsx/write";
import { grantDecisionDocument, grantDecisionTables, type GrantDocumentOptions } from "./decision-document";
import { internalDecisionDocument, internalDecisionTables } from "./internal-document";

export type DocumentFormat = "pdf" | "xlsx";

/** The tables as a workbook, each rounded for display as in the PDF, with the same notes. */
function workbook(tables: DecisionTable[], title: string, creator: string): Promise<Buffer> {
  return writeXlsx(
    tables.map(({ table, unit }) => ({ table: unit ? roundTableForDisplay(table, unit) : table })),
    { title, creator },
  );
}

export function grantDecisionFile(data: GrantDecisionDocumentData, format: DocumentFormat, options: GrantDocumentOptions = {}): Promise<Buffer> {
  const d = data.decision;
  if (format === "pdf") return renderDecisionPdf(grantDecisionDocument(data, options));
  return workbook(grantDecisionTables(data, options.unit), d.title, d.ministry ?? d.organisationName);
}

export function internalDecisionFile(data: InternalDecisionDocumentData, format: DocumentFormat, options: { unit?: DisplayUnit } = {}): Promise<Buffer> {
  if (format === "pdf") return renderDecisionPdf(internalDecisionDocument(data, options));
  return workbook(internalDecisionTables(data, options.unit), data.internal.title, data.internal.organisationName);
}
