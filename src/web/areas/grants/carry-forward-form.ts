import { isRealIsoDate } from "../../../core/input-schemas";
import type { CoordinatorOverview } from "./closing-api";
import { readAmount } from "./decision-form";

// The grantor's consent to use unspent money the next year, as typed on the closing page.

type Row = CoordinatorOverview["rows"][number];

export interface CarryForwardForm {
  fromPartId: string;
  toPartId: string;
  diaryNumber: string;
  decidedOn: string;
  newDeadline: string;
  cap: string;
}

export interface CarryForwardInput {
  fromPartId: number;
  toPartId: number;
  diaryNumber: string;
  decidedOn: string;
  newDeadline: string;
  cap: number | null;
}

/** Parts whose unspent money may move: something left, no consent yet, and a later year's part to move it to. */
export function carryableParts(rows: Row[]): Row[] {
  return rows.filter((r) => r.figures.unspent > 0 && r.carryForward === null && laterParts(rows, r.partId).length > 0);
}

/** The parts of later years the money of partId may move to. */
export function laterParts(rows: Row[], partId: number): Row[] {
  const from = rows.find((r) => r.partId === partId);
  return from ? rows.filter((r) => r.year > from.year) : [];
}

export function emptyCarryForwardForm(rows: Row[]): CarryForwardForm {
  const from = carryableParts(rows)[0];
  const to = from ? laterParts(rows, from.partId)[0] : undefined;
  return { fromPartId: from ? String(from.partId) : "", toPartId: to ? String(to.partId) : "", diaryNumber: "", decidedOn: "", newDeadline: "", cap: "" };
}

/** The request, or Swedish errors keyed by the field's element id. */
export function toCarryForward(form: CarryForwardForm): { input?: CarryForwardInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.fromPartId) errors["carry-from"] = "Välj delen vars outnyttjade medel ska föras vidare.";
  if (!form.toPartId) errors["carry-to"] = "Välj nästa års del som medlen förs till.";
  if (!form.diaryNumber.trim()) errors["carry-diary"] = "Ange diarienumret på bidragsgivarens beslut.";
  for (const [key, id, what] of [
    ["decidedOn", "carry-decided", "beslutsdatum"],
    ["newDeadline", "carry-deadline", "ny sista dag"],
  ] as const) {
    const value = form[key].trim();
    if (!value) errors[id] = `Ange ${what} (ÅÅÅÅ-MM-DD).`;
    else if (!isRealIsoDate(value)) errors[id] = `${value} är inget datum som finns; skriv ÅÅÅÅ-MM-DD.`;
  }
  const cap = readAmount(form.cap);
  if (cap.error) errors["carry-cap"] = cap.error;
  else if (cap.ore !== null && cap.ore <= 0) errors["carry-cap"] = "Högsta beloppet ska vara större än 0 kr, eller lämnas tomt för allt outnyttjat.";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: { fromPartId: Number(form.fromPartId), toPartId: Number(form.toPartId), diaryNumber: form.diaryNumber.trim(), decidedOn: form.decidedOn.trim(), newDeadline: form.newDeadline.trim(), cap: cap.ore },
    errors,
  };
}
