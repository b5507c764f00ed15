import type { FrameChangeResult, FrameChangeSpec } from "./api";
import { amountText, money, newId, readAmount, type FieldErrors, type Unit } from "./amounts";

// The frame change form (seed 004) as the user types it, and its translation to the API's spec.

export interface ReductionRow {
  id: number;
  label: string;
  amountText: string;
  reason: string;
}

export interface LineRow {
  id: number;
  label: string;
  amountText: string;
}

export interface FrameForm {
  /** Unit of figures typed without one. */
  unit: Unit;
  grossText: string;
  reductions: ReductionRow[];
  lines: LineRow[];
}

export const newReduction = (): ReductionRow => ({ id: newId(), label: "", amountText: "", reason: "" });
export const newLine = (): LineRow => ({ id: newId(), label: "", amountText: "" });

export function emptyFrameForm(): FrameForm {
  return { unit: "mkr", grossText: "", reductions: [], lines: [newLine()] };
}

export function frameFormFromSpec(spec: FrameChangeSpec, unit: Unit = "mkr"): FrameForm {
  return {
    unit,
    grossText: amountText(spec.grossIncrease, unit),
    reductions: spec.reductions.map((r) => ({ id: newId(), label: r.label, amountText: amountText(r.amount, unit), reason: r.reason })),
    lines: spec.lines.map((l) => ({ id: newId(), label: l.label, amountText: amountText(l.amount, unit) })),
  };
}

/**
 * Always gives a spec, so the running check can say what is left to allocate while fields are
 * still empty (they count as 0); errors hold what cannot be read. With strict, empty amounts,
 * labels and reasons are errors too, as before saving.
 */
export function buildFrameSpec(form: FrameForm, strict = false): { spec: FrameChangeSpec; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const grossIncrease = readAmount(form.grossText, form.unit, "gross", "Ramförstärkning", errors, strict);
  const reductions = form.reductions.map((r, i) => {
    const what = `Minskning ${i + 1}${r.label.trim() ? ` (${r.label.trim()})` : ""}`;
    if (strict && !r.label.trim()) errors[`reduction-${r.id}-label`] = `Minskning ${i + 1}: ange en benämning.`;
    if (strict && !r.reason.trim()) errors[`reduction-${r.id}-reason`] = `${what}: ange skälet till minskningen.`;
    return { label: r.label.trim(), amount: readAmount(r.amountText, form.unit, `reduction-${r.id}-amount`, what, errors, strict), reason: r.reason.trim() };
  });
  const lines = form.lines.map((l, i) => {
    const what = `Rad ${i + 1}${l.label.trim() ? ` (${l.label.trim()})` : ""}`;
    if (strict && !l.label.trim()) errors[`line-${l.id}-label`] = `Rad ${i + 1}: ange vad beloppet ska gå till.`;
    return { label: l.label.trim(), amount: readAmount(l.amountText, form.unit, `line-${l.id}-amount`, what, errors, strict) };
  });
  return { spec: { grossIncrease, reductions, lines }, errors };
}

/** The server's problem paths ("lines.3.label") as the form's field ids. */
export function problemFields(problems: FrameChangeResult["problems"], form: FrameForm): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const m = /^(reductions|lines)\.(\d+)\.(label|amount|reason)$/.exec(p.path);
    if (m) {
      const row = (m[1] === "lines" ? form.lines : form.reductions)[Number(m[2])];
      if (row) out[`${m[1] === "lines" ? "line" : "reduction"}-${row.id}-${m[3]}`] = p.message;
    } else if (p.path === "grossIncrease") out.gross = p.message;
    else out[p.path] = p.message;
  }
  return out;
}

export interface Balance {
  tone: "ok" | "open" | "over";
  label: "Fördelat i sin helhet" | "Kvar att fördela" | "Överfördelat";
  amount: string;
}

/** The running balance the form shows as the user types: what is left, or how much too much. */
export function balanceOf(result: Pick<FrameChangeResult, "state" | "unallocated">, unit: Unit): Balance {
  if (result.state === "balanced") return { tone: "ok", label: "Fördelat i sin helhet", amount: money(0, unit) };
  if (result.state === "unallocated") return { tone: "open", label: "Kvar att fördela", amount: money(result.unallocated, unit) };
  return { tone: "over", label: "Överfördelat", amount: money(-result.unallocated, unit) };
}
