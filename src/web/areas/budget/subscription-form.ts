import type { SubscriptionSpec } from "./api";
import { amountText, newId, readAmount, type FieldErrors, type Unit } from "./amounts";

// The subscription matrix form (seed 001): buyers × sellers with an amount per cell.

export interface PartyRow {
  id: number;
  key: string;
  label: string;
}

export interface SubscriptionForm {
  unit: Unit;
  buyers: PartyRow[];
  sellers: PartyRow[];
  /** Amount text by `${buyerId}:${sellerId}`. */
  cells: Record<string, string>;
  baseShare: string;
  upratingKind: "none" | "percent" | "series";
  percent: string;
  source: string;
  seriesCode: string;
  fromYear: string;
  toYear: string;
  /** Kept from the saved spec: consumption per cell key "buyer\u0000seller", and printed totals. */
  consumption: Record<string, string>;
  stated?: SubscriptionSpec["stated"];
}

export const newParty = (): PartyRow => ({ id: newId(), key: "", label: "" });
export const cellKey = (b: PartyRow, s: PartyRow) => `${b.id}:${s.id}`;

export function emptySubscriptionForm(): SubscriptionForm {
  return { unit: "tkr", buyers: [newParty()], sellers: [newParty()], cells: {}, baseShare: "50", upratingKind: "none", percent: "", source: "", seriesCode: "LPIK", fromYear: "", toYear: "", consumption: {} };
}

export function subscriptionFormFromSpec(spec: SubscriptionSpec, unit: Unit = "tkr"): SubscriptionForm {
  const buyers = spec.buyers.map((p) => ({ id: newId(), ...p }));
  const sellers = spec.sellers.map((p) => ({ id: newId(), ...p }));
  const cells: Record<string, string> = {};
  const consumption: Record<string, string> = {};
  for (const c of spec.cells) {
    const b = buyers.find((x) => x.key === c.buyer);
    const s = sellers.find((x) => x.key === c.seller);
    if (b && s) cells[cellKey(b, s)] = amountText(c.amount, unit);
    if (c.consumption !== undefined) consumption[`${c.buyer}\u0000${c.seller}`] = c.consumption;
  }
  const u = spec.uprating;
  return {
    ...emptySubscriptionForm(),
    unit,
    buyers,
    sellers,
    cells,
    baseShare: spec.baseSharePercent,
    upratingKind: u ? u.kind : "none",
    ...(u?.kind === "percent" ? { percent: u.percent, source: u.source } : {}),
    ...(u?.kind === "series" ? { seriesCode: u.code, fromYear: String(u.fromYear), toYear: String(u.toYear) } : {}),
    consumption,
    stated: spec.stated,
  };
}

function checkParties(rows: PartyRow[], prefix: "buyer" | "seller", what: string, errors: FieldErrors) {
  const seen = new Set<string>();
  rows.forEach((p, i) => {
    if (!p.key.trim()) errors[`${prefix}-${p.id}-key`] = `${what} ${i + 1}: ange en kod, till exempel länskoden 10.`;
    else if (seen.has(p.key.trim())) errors[`${prefix}-${p.id}-key`] = `${what} ${i + 1}: koden ${p.key.trim()} finns redan.`;
    if (!p.label.trim()) errors[`${prefix}-${p.id}-label`] = `${what} ${i + 1}: ange ett namn.`;
    seen.add(p.key.trim());
  });
  if (rows.length === 0) errors[`${prefix}s`] = `${what}: lägg till minst en.`;
}

export function buildSubscriptionSpec(form: SubscriptionForm): { spec?: SubscriptionSpec; errors: FieldErrors } {
  const errors: FieldErrors = {};
  checkParties(form.buyers, "buyer", "Köpare", errors);
  checkParties(form.sellers, "seller", "Säljare", errors);
  if (!/^\s*\d+([.,]\d+)?\s*%?\s*$/.test(form.baseShare)) errors.baseShare = 'Grundandel: skriv procent som ett tal, till exempel "50".';
  const cells: SubscriptionSpec["cells"] = [];
  for (const b of form.buyers) {
    for (const s of form.sellers) {
      const text = form.cells[cellKey(b, s)] ?? "";
      if (!text.trim()) continue;
      const amount = readAmount(text, form.unit, `cell-${cellKey(b, s)}`, `${b.label.trim() || "Köpare"} × ${s.label.trim() || "säljare"}`, errors);
      const consumption = form.consumption[`${b.key.trim()}\u0000${s.key.trim()}`];
      cells.push({ buyer: b.key.trim(), seller: s.key.trim(), amount, ...(consumption !== undefined ? { consumption } : {}) });
    }
  }
  const spec: SubscriptionSpec = {
    buyers: form.buyers.map((p) => ({ key: p.key.trim(), label: p.label.trim() })),
    sellers: form.sellers.map((p) => ({ key: p.key.trim(), label: p.label.trim() })),
    cells,
    baseSharePercent: form.baseShare.trim().replace(/\s*%$/, ""),
  };
  if (form.upratingKind === "percent") {
    if (!/^\s*-?\d+([.,]\d+)?\s*$/.test(form.percent)) errors.percent = 'Uppräkning: skriv procent som ett tal, till exempel "3,1".';
    if (!form.source.trim()) errors.source = "Källa för uppräkningen: ange till exempel SKR.";
    spec.uprating = { kind: "percent", percent: form.percent.trim(), source: form.source.trim() };
  } else if (form.upratingKind === "series") {
    const from = Number(form.fromYear);
    const to = Number(form.toYear);
    if (!/^\d{4}$/.test(form.fromYear.trim())) errors.fromYear = "Uppräkning från år: ange ett årtal, till exempel 2023.";
    if (!/^\d{4}$/.test(form.toYear.trim())) errors.toYear = "Uppräkning till år: ange ett årtal, till exempel 2024.";
    spec.uprating = { kind: "series", code: form.seriesCode.trim(), fromYear: from, toYear: to };
  }
  if (form.stated) spec.stated = form.stated;
  return Object.keys(errors).length > 0 ? { errors } : { spec, errors };
}
