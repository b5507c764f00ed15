import type { Organisation } from "../../api/types";
import type { JointFinancingSpec } from "./api";
import { amountText, readAmount, type FieldErrors, type Unit } from "./amounts";
import type { PopulationBasis } from "../../../core/population-key";

// The joint financing form: a rate per inhabitant of an area on a date, equal shares, or agreed shares.

export interface FinancingForm {
  method: JointFinancingSpec["method"];
  unit: Unit;
  rate: string;
  areaCode: string;
  date: string;
  basis: PopulationBasis;
  totalText: string;
  /** Organisation codes of the members (equal and agreed shares). */
  members: string[];
  /** Agreed share in percent per member code. */
  shares: Record<string, string>;
  roundingUnit: number;
  direction: "up" | "down" | "nearest";
}

export function emptyFinancingForm(): FinancingForm {
  return { method: "per_inhabitant", unit: "kr", rate: "", areaCode: "", date: "", basis: "whole_regions", totalText: "", members: [], shares: {}, roundingUnit: 100, direction: "down" };
}

export function financingFormFromSpec(spec: JointFinancingSpec): FinancingForm {
  const form = { ...emptyFinancingForm(), method: spec.method, roundingUnit: spec.rounding.unit, direction: spec.rounding.direction };
  if (spec.method === "per_inhabitant") return { ...form, rate: spec.ratePerInhabitant, areaCode: spec.area.code, date: spec.area.date, basis: spec.area.basis };
  const shares = spec.method === "agreed" ? Object.fromEntries(spec.members.map((m) => [m.key, m.sharePercent])) : {};
  return { ...form, totalText: amountText(spec.total, "kr"), members: spec.members.map((m) => m.key), shares };
}

const decimal = /^\s*\d+([.,]\d+)?\s*$/;

export function buildFinancingSpec(form: FinancingForm, organisations: readonly Organisation[]): { spec?: JointFinancingSpec; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const rounding = { unit: form.roundingUnit, direction: form.direction };
  let spec: JointFinancingSpec;
  if (form.method === "per_inhabitant") {
    if (!decimal.test(form.rate)) errors.rate = 'Belopp per invånare: skriv kronor med decimalkomma, till exempel "0,50".';
    if (!form.areaCode) errors.areaCode = "Område: välj vilka invånare som räknas, till exempel Södra sjukvårdsregionen.";
    if (!form.date) errors.date = "Folkmängd per datum: välj ett datum.";
    spec = { method: "per_inhabitant", ratePerInhabitant: form.rate.trim(), area: { code: form.areaCode, date: form.date, basis: form.basis }, rounding };
  } else {
    const total = readAmount(form.totalText, form.unit, "total", "Belopp att finansiera", errors, true);
    const byCode = new Map(organisations.map((o) => [o.code, o]));
    if (form.members.length === 0) errors.members = "Medlemmar: välj minst en medlem.";
    const members = form.members.map((code) => ({ key: code, label: byCode.get(code)?.name ?? code }));
    if (form.method === "equal") spec = { method: "equal", total, members, rounding };
    else {
      const agreed = members.map((m) => {
        const share = form.shares[m.key] ?? "";
        if (!decimal.test(share)) errors[`share-${m.key}`] = `Andel för ${m.label}: skriv procent som ett tal, till exempel "12,5".`;
        return { ...m, sharePercent: share.trim() };
      });
      spec = { method: "agreed", total, members: agreed, rounding };
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { spec, errors };
}
