import { formatAmount } from "../../../core/money";
import { readAmount, type FieldErrors } from "./decision-form";
import type { Agreement } from "./types";

// The agreement (överenskommelse) form as typed, and its translation to the API's input. Free of
// React so that the field errors can be tested on their own.

export interface AgreementForm {
  organisationId: string;
  name: string;
  yearText: string;
  /** One party per line. */
  partiesText: string;
  totalText: string;
  diaryNumber: string;
}

export interface AgreementInput {
  organisationId: number;
  name: string;
  year: number;
  parties: string[];
  total: number;
  diaryNumber: string | null;
}

export function emptyAgreementForm(year: number, organisationId = ""): AgreementForm {
  return { organisationId, name: "", yearText: String(year), partiesText: "Staten\nSveriges Kommuner och Regioner (SKR)", totalText: "", diaryNumber: "" };
}

export function formFromAgreement(a: Agreement): AgreementForm {
  return { organisationId: String(a.organisationId), name: a.name, yearText: String(a.year), partiesText: a.parties.join("\n"), totalText: formatAmount(a.total, "kr"), diaryNumber: a.diaryNumber ?? "" };
}

/** Validates the form; the input when every field reads, else Swedish errors per field id. */
export function toAgreementInput(form: AgreementForm): { input?: AgreementInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.organisationId) errors["agreement-organisation"] = "Välj organisation som registrerar överenskommelsen.";
  const name = form.name.trim();
  if (!name) errors["agreement-name"] = "Ange överenskommelsens namn.";
  const yearText = form.yearText.trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) errors["agreement-year"] = `År: "${yearText}" ska vara ett årtal mellan 2000 och 2100, till exempel 2023.`;
  const parties = form.partiesText.split("\n").map((s) => s.trim()).filter(Boolean);
  if (parties.length === 0) errors["agreement-parties"] = "Ange minst en part, en per rad.";
  const total = readAmount(form.totalText);
  if (total.error) errors["agreement-total"] = `Totalbelopp: ${total.error}`;
  else if (total.ore === null) errors["agreement-total"] = "Ange överenskommelsens totalbelopp.";
  if (Object.keys(errors).length > 0) return { errors };
  const diaryNumber = form.diaryNumber.trim();
  return { errors, input: { organisationId: Number(form.organisationId), name, year, parties, total: total.ore!, diaryNumber: diaryNumber || null } };
}

/** How much of the agreement the registered decisions cover, in a sentence. */
export function coverageText(a: Pick<Agreement, "total" | "decidedTotal" | "decisionCount">, kr: (ore: number) => string): { balanced: boolean; text: string } {
  const n = a.decisionCount === 1 ? "1 regeringsbeslut" : `${a.decisionCount} regeringsbeslut`;
  const rest = a.total - a.decidedTotal;
  if (rest === 0) return { balanced: true, text: `${n} om sammanlagt ${kr(a.decidedTotal)} = överenskommelsens total.` };
  if (rest > 0) return { balanced: false, text: `${n} om sammanlagt ${kr(a.decidedTotal)}: ${kr(rest)} kvar till överenskommelsens total ${kr(a.total)}.` };
  return { balanced: false, text: `${n} om sammanlagt ${kr(a.decidedTotal)}: ${kr(-rest)} mer än överenskommelsens total ${kr(a.total)}.` };
}
