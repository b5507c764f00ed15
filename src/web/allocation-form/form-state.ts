import { formatAmount, formatPercent, MoneyError, parseAmount, parsePercentFraction } from "../../core/money";
import type { Ore, RoundingMode } from "../../core/allocation/types";
import type { AllocationRequest, AllocationRequestLine, Organisation } from "../api/types";
import type { PopulationBasis } from "../../core/population-key";

// The allocation form as the user fills it in, and the translation to and from the API's
// AllocationRequest. Kept free of React so it can be tested on its own.

export type RecipientGroup = "region" | "cooperation_region" | "municipality" | "none";
export type FreeLineMethod = "fixed" | "percent" | "weight" | "equal" | "remainder";

export interface FreeLine {
  /** Stable id for React keys and field ids; not sent to the server. */
  id: number;
  label: string;
  method: FreeLineMethod;
  /** Amount text for "fixed", percent for "percent", integer for "weight"; unused otherwise. */
  value: string;
  /** Kept from a saved line so that editing does not lose whom the line is for. */
  recipientCode?: string;
}

export interface AllocationForm {
  title: string;
  organisationId: string;
  totalText: string;
  group: RecipientGroup;
  /** Organisation codes of the chosen recipients within the group. */
  selected: string[];
  /** County code limiting the municipalities shown, "" for the whole country. */
  countyFilter: string;
  keyKind: "population" | "equal";
  populationDate: string;
  basis: PopulationBasis;
  freeLines: FreeLine[];
  /** What the recipients share when a remainder line also exists; empty when not used. */
  poolText: string;
  unit: Ore;
  rounding: RoundingMode;
}

/** Errors per field id ("title", "total", "line-3", …), each a Swedish sentence. */
export type FieldErrors = Record<string, string>;

export const freeLineMethods: readonly { value: FreeLineMethod; label: string; valueLabel?: string }[] = [
  { value: "fixed", label: "Fast belopp", valueLabel: "Belopp" },
  { value: "percent", label: "Procent av totalen", valueLabel: "Procent" },
  { value: "weight", label: "Vikt", valueLabel: "Vikt (heltal)" },
  { value: "equal", label: "Lika del" },
  { value: "remainder", label: "Resten" },
];

export const groupLabels: Record<RecipientGroup, string> = {
  region: "Regioner",
  cooperation_region: "Samverkansregioner",
  municipality: "Kommuner",
  none: "Inga – bara fria rader",
};

export function emptyForm(): AllocationForm {
  return {
    title: "",
    organisationId: "",
    totalText: "",
    group: "region",
    selected: [],
    countyFilter: "",
    keyKind: "population",
    populationDate: "",
    basis: "membership",
    freeLines: [],
    poolText: "",
    unit: 100,
    rounding: "largest-remainder",
  };
}

let nextLineId = 1;
export function newFreeLine(method: FreeLineMethod = "fixed"): FreeLine {
  return { id: nextLineId++, label: "", method, value: "" };
}

function messageOf(error: unknown): string {
  return error instanceof MoneyError ? error.message : error instanceof Error ? error.message : String(error);
}

/** Reads an amount field, putting a Swedish error under the field id instead of throwing. */
export function readAmount(text: string, field: string, what: string, errors: FieldErrors): Ore | undefined {
  if (text.trim() === "") {
    errors[field] = `${what}: ange ett belopp, till exempel "62 500 000 kr" eller "11 462,5 tkr".`;
    return undefined;
  }
  try {
    return parseAmount(text);
  } catch (error) {
    errors[field] = `${what}: ${messageOf(error)}`;
    return undefined;
  }
}

function readWeight(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, "");
  if (!/^\d+$/.test(compact)) return undefined;
  const n = Number(compact);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Builds the API request, or the field errors that stop it. */
export function buildRequest(form: AllocationForm, recipients: readonly Organisation[]): { request: AllocationRequest } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const total = readAmount(form.totalText, "total", "Belopp att fördela", errors);
  if (total !== undefined && total <= 0) errors.total = "Belopp att fördela: beloppet måste vara större än noll.";

  const lines: AllocationRequestLine[] = [];
  const byCode = new Map(recipients.map((o) => [o.code, o]));
  const usePopulation = form.group !== "none" && form.keyKind === "population";
  if (form.group !== "none") {
    const chosen = form.selected.map((code) => byCode.get(code)).filter((o): o is Organisation => o !== undefined);
    if (chosen.length === 0) errors.recipients = `Mottagare: välj minst en bland ${groupLabels[form.group].toLowerCase()}.`;
    for (const org of chosen) {
      lines.push({ label: org.name, recipientCode: org.code, method: usePopulation ? "population" : "equal" });
    }
    if (usePopulation && !form.populationDate) errors.populationDate = "Fördelningsnyckel: välj datum för folkmängden.";
  }

  form.freeLines.forEach((line, index) => {
    const field = `line-${line.id}`;
    const where = `Rad ${index + 1}${line.label.trim() ? ` (${line.label.trim()})` : ""}`;
    if (!line.label.trim()) {
      errors[`${field}-label`] = `Rad ${index + 1}: ange en benämning.`;
    }
    const base = line.recipientCode ? { label: line.label.trim(), recipientCode: line.recipientCode } : { label: line.label.trim() };
    switch (line.method) {
      case "fixed": {
        const amount = readAmount(line.value, field, where, errors);
        if (amount !== undefined) lines.push({ ...base, method: "fixed", amount });
        break;
      }
      case "percent": {
        try {
          const percent = formatPercent(parsePercentFraction(line.value));
          if (percent === null) errors[field] = `${where}: procentsatsen måste vara ett decimaltal.`;
          else lines.push({ ...base, method: "percent", percent });
        } catch (error) {
          errors[field] = `${where}: ${messageOf(error)}`;
        }
        break;
      }
      case "weight": {
        const weight = readWeight(line.value);
        if (weight === undefined) errors[field] = `${where}: vikten ska vara ett heltal, noll eller större, till exempel "3".`;
        else lines.push({ ...base, method: "weight", weight });
        break;
      }
      case "equal":
      case "remainder":
        lines.push({ ...base, method: line.method });
        break;
    }
  });
  if (form.freeLines.filter((l) => l.method === "remainder").length > 1) {
    errors.freeLines = "Fria rader: bara en rad kan ta resten.";
  }
  if (form.group === "none" && form.freeLines.length === 0) {
    errors.recipients = "Mottagare: välj en grupp av mottagare eller lägg till minst en fri rad.";
  }

  let pool: Ore | undefined;
  if (form.poolText.trim() !== "") pool = readAmount(form.poolText, "pool", "Belopp till mottagarna", errors);

  if (Object.keys(errors).length > 0) return { errors };
  const request: AllocationRequest = {
    total: total!,
    unit: form.unit,
    rounding: form.rounding,
    key: usePopulation ? { kind: "population", date: form.populationDate, basis: form.group === "cooperation_region" ? form.basis : "membership" } : { kind: "none" },
    lines,
  };
  if (pool !== undefined) request.pool = pool;
  return { request };
}

const groupKinds: readonly RecipientGroup[] = ["region", "cooperation_region", "municipality"];

/** The form that reproduces a saved request, for editing a draft. */
export function formFromRequest(request: AllocationRequest, organisations: readonly Organisation[], title: string, organisationId: number): AllocationForm {
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const form = emptyForm();
  form.title = title;
  form.organisationId = String(organisationId);
  form.totalText = formatAmount(request.total, "kr");
  form.unit = request.unit;
  form.rounding = request.rounding;
  form.poolText = request.pool === undefined ? "" : formatAmount(request.pool, "kr");
  form.group = "none";

  const recipientLines = request.lines.filter((l) => {
    const org = l.recipientCode ? byCode.get(l.recipientCode) : undefined;
    return org !== undefined && groupKinds.includes(org.kind as RecipientGroup) && (l.method === "population" || l.method === "equal");
  });
  const firstKind = recipientLines[0] ? (byCode.get(recipientLines[0].recipientCode!)!.kind as RecipientGroup) : undefined;
  const inGroup = firstKind ? recipientLines.filter((l) => byCode.get(l.recipientCode!)!.kind === firstKind) : [];
  if (firstKind) {
    form.group = firstKind;
    form.selected = inGroup.map((l) => l.recipientCode!);
    form.keyKind = inGroup.some((l) => l.method === "population") ? "population" : "equal";
  }
  if (request.key.kind === "population") {
    form.populationDate = request.key.date;
    form.basis = request.key.basis;
  }
  form.freeLines = request.lines
    .filter((l) => !inGroup.includes(l))
    .map((l) => {
      const line = newFreeLine(l.method === "population" ? "weight" : l.method);
      line.label = l.label;
      if (l.recipientCode) line.recipientCode = l.recipientCode;
      if (l.method === "fixed" && l.amount !== undefined) line.value = formatAmount(l.amount, "kr");
      if (l.method === "percent" && l.percent !== undefined) line.value = l.percent;
      if (l.method === "weight" && l.weight !== undefined) line.value = String(l.weight);
      return line;
    });
  return form;
}
