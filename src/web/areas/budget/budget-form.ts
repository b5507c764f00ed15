import type { Organisation } from "../../api/types";
import type { BudgetSpec } from "./api";
import { amountText, newId, readAmount, type FieldErrors, type Unit } from "./amounts";
import type { PopulationBasis } from "../../../core/population-key";

// The budget form (seed 000): the multi-year table and the proposal calculation as text fields.

export type ColumnKind = "outcome" | "budget" | "forecast";
export const columnKinds: readonly { value: ColumnKind; label: string }[] = [
  { value: "outcome", label: "Utfall" },
  { value: "budget", label: "Budget" },
  { value: "forecast", label: "Prognos" },
];

export interface ColumnRow {
  id: number;
  kind: ColumnKind;
  year: string;
  label: string;
}

export interface BudgetLineRow {
  id: number;
  label: string;
  /** One text per column, in column order. */
  cells: string[];
}

export interface AdditionRow {
  id: number;
  label: string;
  amountText: string;
  decisionReference: string;
}

export interface ProposalForm {
  baseText: string;
  baseLabel: string;
  indexKind: "percent" | "series";
  percent: string;
  source: string;
  seriesCode: string;
  fromYear: string;
  toYear: string;
  additions: AdditionRow[];
  /** Organisation codes of the members who carry the cost. */
  members: string[];
  split: "equal" | "population";
  populationDate: string;
  basis: PopulationBasis;
  roundingUnit: number;
  direction: "up" | "down" | "nearest";
  /** Index of the column the proposal fills, "" for none. */
  targetColumn: string;
}

export interface BudgetForm {
  unit: Unit;
  lineKind: "cost_category" | "account_class";
  columns: ColumnRow[];
  lines: BudgetLineRow[];
  withProposal: boolean;
  proposal: ProposalForm;
}

export const newAddition = (): AdditionRow => ({ id: newId(), label: "", amountText: "", decisionReference: "" });
export const newColumn = (kind: ColumnKind, year: number): ColumnRow => ({ id: newId(), kind, year: String(year), label: "" });

export function emptyProposal(): ProposalForm {
  return { baseText: "", baseLabel: "", indexKind: "percent", percent: "", source: "Budgetdirektiven", seriesCode: "LPIK", fromYear: "", toYear: "", additions: [], members: [], split: "equal", populationDate: "", basis: "whole_regions", roundingUnit: 1_000_000, direction: "up", targetColumn: "" };
}

export function emptyBudgetForm(year: number): BudgetForm {
  const columns = [newColumn("outcome", year - 2), newColumn("budget", year - 1), newColumn("budget", year)];
  return { unit: "tkr", lineKind: "cost_category", columns, lines: [{ id: newId(), label: "", cells: columns.map(() => "") }], withProposal: true, proposal: { ...emptyProposal(), targetColumn: "2" } };
}

export function budgetFormFromSpec(spec: BudgetSpec, unit: Unit = "tkr"): BudgetForm {
  const p = spec.proposal;
  const proposal = emptyProposal();
  if (p) {
    Object.assign(proposal, {
      baseText: amountText(p.baseAmount, unit),
      baseLabel: p.baseLabel,
      indexKind: p.index.kind,
      additions: p.additions.map((a) => ({ id: newId(), label: a.label, amountText: amountText(a.amount, unit), decisionReference: a.decisionReference })),
      members: p.members.map((m) => m.key),
      split: p.split,
      populationDate: p.population?.date ?? "",
      basis: p.population?.basis ?? "whole_regions",
      roundingUnit: p.rounding.unit,
      direction: p.rounding.direction,
      targetColumn: p.targetColumn === undefined ? "" : String(p.targetColumn),
    });
    if (p.index.kind === "percent") Object.assign(proposal, { percent: p.index.percent, source: p.index.source });
    else Object.assign(proposal, { seriesCode: p.index.code, fromYear: String(p.index.fromYear), toYear: String(p.index.toYear) });
  }
  return {
    unit,
    lineKind: spec.model.lineKind,
    columns: spec.model.columns.map((c) => ({ id: newId(), kind: c.kind, year: String(c.year), label: c.label ?? "" })),
    lines: spec.model.lines.map((l) => ({ id: newId(), label: l.label, cells: l.amounts.map((a) => (a === null ? "" : amountText(a, unit))) })),
    withProposal: p !== undefined,
    proposal,
  };
}

function readYear(text: string, field: string, what: string, errors: FieldErrors): number {
  const n = Number(text.trim());
  if (!/^\d{4}$/.test(text.trim()) || n < 1900 || n > 2200) errors[field] = `${what}: ange ett årtal med fyra siffror, till exempel 2024.`;
  return n;
}

/** The spec to check or save, or the field errors that stop it. Members are looked up among regions. */
export function buildBudgetSpec(form: BudgetForm, regions: readonly Organisation[]): { spec?: BudgetSpec; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const columns = form.columns.map((c, i) => {
    const year = readYear(c.year, `column-${c.id}-year`, `Kolumn ${i + 1}`, errors);
    return c.label.trim() ? { kind: c.kind, year, label: c.label.trim() } : { kind: c.kind, year };
  });
  if (columns.length === 0) errors.columns = "Tabellen: lägg till minst en kolumn.";
  const lines = form.lines.map((l, r) => {
    if (!l.label.trim()) errors[`line-${l.id}-label`] = `Rad ${r + 1}: ange en benämning, till exempel Möteskostnader.`;
    const amounts = form.columns.map((c, i) => {
      const text = l.cells[i] ?? "";
      return text.trim() === "" ? null : readAmount(text, form.unit, `cell-${l.id}-${c.id}`, `Rad ${r + 1} (${l.label.trim() || "utan namn"}), kolumn ${i + 1}`, errors);
    });
    return { label: l.label.trim(), amounts };
  });
  const spec: BudgetSpec = { model: { lineKind: form.lineKind, columns, lines } };
  if (form.withProposal) {
    const p = form.proposal;
    const baseAmount = readAmount(p.baseText, form.unit, "base", "Föregående budget", errors, true);
    if (!p.baseLabel.trim()) errors.baseLabel = "Vad grundbeloppet är: ange till exempel Budget 2023.";
    let index: NonNullable<BudgetSpec["proposal"]>["index"];
    if (p.indexKind === "percent") {
      if (!/^\s*-?\d+([.,]\d+)?\s*%?\s*$/.test(p.percent)) errors.percent = 'Uppräkning: skriv procentsatsen som ett tal, till exempel "2,5".';
      if (!p.source.trim()) errors.source = "Källa för uppräkningen: ange till exempel Budgetdirektiven.";
      index = { kind: "percent", percent: p.percent.trim(), source: p.source.trim() };
    } else {
      if (!p.seriesCode.trim()) errors.seriesCode = "Indexserie: välj en serie, till exempel LPIK.";
      index = { kind: "series", code: p.seriesCode.trim(), fromYear: readYear(p.fromYear, "fromYear", "Indexserie från år", errors), toYear: readYear(p.toYear, "toYear", "Indexserie till år", errors) };
    }
    const additions = p.additions.map((a, i) => {
      const what = `Tillägg ${i + 1}${a.label.trim() ? ` (${a.label.trim()})` : ""}`;
      if (!a.label.trim()) errors[`addition-${a.id}-label`] = `Tillägg ${i + 1}: ange vad tillägget avser.`;
      if (!a.decisionReference.trim()) errors[`addition-${a.id}-decision`] = `${what}: ange beslutet tillägget bygger på, till exempel "Samverkansnämnden 2023-02-17".`;
      return { label: a.label.trim(), amount: readAmount(a.amountText, form.unit, `addition-${a.id}-amount`, what, errors, true), decisionReference: a.decisionReference.trim() };
    });
    const byCode = new Map(regions.map((o) => [o.code, o]));
    const members = p.members.map((code) => ({ key: code, label: byCode.get(code)?.name ?? code }));
    if (members.length === 0) errors.members = "Medlemmar: välj minst en region som bär kostnaden.";
    if (p.split === "population" && !p.populationDate) errors.populationDate = "Folkmängd per datum: välj ett datum.";
    const target = p.targetColumn === "" ? undefined : Number(p.targetColumn);
    spec.proposal = {
      baseAmount,
      baseLabel: p.baseLabel.trim(),
      index,
      additions,
      members,
      split: p.split,
      ...(p.split === "population" ? { population: { date: p.populationDate, basis: p.basis } } : {}),
      rounding: { unit: p.roundingUnit, direction: p.direction },
      ...(target !== undefined && target < columns.length ? { targetColumn: target } : {}),
    };
  }
  return Object.keys(errors).length > 0 ? { errors } : { spec, errors };
}
