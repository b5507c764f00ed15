import { formatPercent, parsePercentFraction } from "../../../../core/money";
import type { FieldErrors } from "../amounts";

// The form for one year of an index series (LPIK): year, change in percent as Swedish decimal, source.

export interface IndexValueForm {
  yearText: string;
  percentText: string;
  source: string;
}

export interface IndexValueInput {
  year: number;
  /** Exact Swedish decimal text as the API stores it: "3,1", "-0,25". */
  changePercent: string;
  source: string;
}

export const emptyIndexValueForm = (): IndexValueForm => ({ yearText: "", percentText: "", source: "" });

/** A series code as the API accepts it: letters, digits, - and _. */
export function codeError(code: string): string | null {
  if (code.trim() === "") return "Ange seriens kod, t.ex. LPIK.";
  return /^[A-Za-z0-9_-]{1,32}$/.test(code.trim()) ? null : `Koden "${code}" får bara innehålla bokstäver a–z, siffror, - och _ (högst 32 tecken).`;
}

/**
 * Reads the form: the year as a whole number, the percent exactly (no floating point) and written
 * back in canonical form ("3,10 %" → "3,1"), the source required. Errors are keyed by field id.
 */
export function readIndexValue(form: IndexValueForm, prefix = "index"): { value?: IndexValueInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const yearText = form.yearText.trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2200) errors[`${prefix}-year`] = `År: "${form.yearText}" är inget år; skriv fyra siffror, t.ex. 2024.`;
  let changePercent: string | null = null;
  if (form.percentText.trim() === "") {
    errors[`${prefix}-percent`] = 'Förändring: ange procentsatsen, t.ex. "3,1".';
  } else {
    try {
      changePercent = formatPercent(parsePercentFraction(form.percentText));
      if (changePercent === null) errors[`${prefix}-percent`] = `Förändring: "${form.percentText}" kan inte skrivas som decimaltal.`;
    } catch (e) {
      errors[`${prefix}-percent`] = `Förändring: ${(e as Error).message}`;
    }
  }
  const source = form.source.trim();
  if (source === "") errors[`${prefix}-source`] = "Källa: ange varifrån värdet kommer, t.ex. SKR:s cirkulär.";
  if (Object.keys(errors).length > 0 || changePercent === null) return { errors };
  return { value: { year, changePercent, source }, errors };
}

/** The form filled from a stored value, for editing. */
export const formOf = (v: { year: number; changePercent: string; source: string }): IndexValueForm => ({ yearText: String(v.year), percentText: v.changePercent, source: v.source });
