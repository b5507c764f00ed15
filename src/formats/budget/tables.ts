import type { FrameChangeResult, JointFinancingResult, ProposalResult } from "../../core/budget";
import { formatExactAmount, formatUnitName } from "../../core/money";
import { Fraction } from "../../core/fraction";
import type { BudgetSpec, FrameChangeSpec, SubscriptionSpec } from "../../core/budget/specs";
import type { BudgetResult, SubscriptionDocResult } from "../../core/budget/documents";
import type { Cell, Table } from "../table";
import { krDecimal } from "./exact-text";

const INEXACT_NOTE = "Belopp med bråkdelar av öre visas avrundade till hela öre.";

export function budgetTable(title: string, spec: BudgetSpec, result: BudgetResult): Table {
  return {
    title,
    columns: [{ header: spec.model.lineKind === "account_class" ? "Kontoklass" : "Kostnadsslag", kind: "text" }, ...result.totals.headers.map((h) => ({ header: h, kind: "money" as const }))],
    rows: spec.model.lines.map((l) => [l.label, ...l.amounts]),
    totalRow: ["Summa", ...result.totals.columnTotals],
    notes: result.checks,
  };
}

/** The proposal step by step in exact kronor, so 11 462 500 and the +17 500 are shown as computed. */
export function proposalTables(p: ProposalResult): Table[] {
  let inexact = false;
  const dec = (v: Parameters<typeof krDecimal>[0]) => {
    const r = krDecimal(v);
    if (!r.exact) inexact = true;
    return r.text;
  };
  const uprated = Fraction.fromText(p.uprated);
  const steps: Cell[][] = [
    [p.baseLabel, dec(p.baseAmount)],
    [`Uppräkning, faktor ${p.uprating.factorText} (${p.uprating.description})`, dec(uprated.sub(p.baseAmount))],
    ...p.additions.map((a): Cell[] => [`${a.label} (beslut: ${a.decisionReference})`, dec(a.amount)]),
  ];
  const stepTable: Table = {
    title: "Beräkning av ny budget",
    columns: [
      { header: "Steg", kind: "text" },
      { header: "Belopp, kr", kind: "decimal", decimals: 2 },
    ],
    rows: steps,
    totalRow: ["Ny total, exakt", dec(p.exactTotal)],
    notes: [],
  };
  const members: Table = {
    title: "Medlemmarnas bidrag",
    columns: [
      { header: "Medlem", kind: "text" },
      ...(p.members.some((m) => m.population !== null) ? [{ header: "Folkmängd", kind: "integer" as const }] : []),
      { header: "Exakt, kr", kind: "decimal", decimals: 2 },
      { header: "Avrundat", kind: "money" },
      { header: "Avrundningsdifferens, kr", kind: "decimal", decimals: 2 },
    ],
    rows: p.members.map((m) => [m.label, ...(m.population !== null ? [m.population] : []), dec(m.exact), m.rounded, dec(m.difference)]),
    totalRow: ["Summa", ...(p.members.some((m) => m.population !== null) ? [p.members.reduce((s, m) => s + (m.population ?? 0), 0)] : []), dec(p.exactTotal), p.roundedTotal, dec(p.difference)],
    notes: [`Varje bidrag är avrundat ${p.rounding.direction === "up" ? "uppåt" : p.rounding.direction === "down" ? "nedåt" : "till närmaste"} till hela ${formatUnitName(p.rounding.unit)}; summan av bidragen är den föreslagna budgeten.`],
  };
  if (inexact) stepTable.notes!.push(INEXACT_NOTE);
  return [stepTable, members];
}

export function frameChangeTables(spec: FrameChangeSpec, r: FrameChangeResult): Table[] {
  const frame: Table = {
    title: "Ramförändring",
    columns: [
      { header: "Post", kind: "text" },
      { header: "Skäl", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: [["Förstärkning av ramen", null, r.grossIncrease], ...spec.reductions.map((x): Cell[] => [`Avgår: ${x.label}`, x.reason, -x.amount])],
    totalRow: ["Kvar att fördela", null, r.toAllocate],
  };
  const lines: Table = {
    title: "Fördelning av tillskottet",
    columns: [
      { header: "Ändamål", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: spec.lines.map((l) => [l.label, l.amount]),
    totalRow: ["Summa", r.allocated],
    footerRows: [["Kvar att fördela efter raderna", r.unallocated]],
    notes: [r.message],
  };
  return [frame, lines];
}

export function jointFinancingTable(title: string, r: JointFinancingResult): Table {
  const perInhabitant = r.method === "per_inhabitant";
  const exactHeader = perInhabitant ? `${r.ratePerInhabitant} kr × invånare, kr` : "Exakt andel, kr";
  return {
    title,
    columns: [
      { header: "Medlem", kind: "text" },
      ...(perInhabitant ? [{ header: `Invånare ${r.area?.date ?? ""}`.trim(), kind: "integer" as const }] : []),
      { header: exactHeader, kind: "decimal", decimals: 2 },
      { header: "Att betala", kind: "money" },
      { header: "Avrundning, kr", kind: "decimal", decimals: 2 },
    ],
    rows: r.parts.map((p) => [p.label, ...(perInhabitant ? [p.population] : []), krDecimal(p.exact).text, p.amount, krDecimal(p.difference).text]),
    totalRow: ["Summa", ...(perInhabitant ? [r.population] : []), krDecimal(r.exactTotal).text, r.total, krDecimal(Fraction.of(r.total).sub(Fraction.fromText(r.exactTotal))).text],
    notes: r.explanation,
  };
}

/**
 * The fixed and the variable part in tkr, with as many decimals as they need to be exact: two
 * halves of 537 657 tkr are 268 828,5 tkr each, and written as 268 829 tkr twice they would add
 * up to 1 tkr more than the total beside them.
 */
export function baseShareNote(percent: string | number, fixed: number, variable: number): string {
  let decimals = 0;
  while (decimals < 5 && !(formatExactAmount(Fraction.of(fixed), "tkr", { decimals }).exact && formatExactAmount(Fraction.of(variable), "tkr", { decimals }).exact)) decimals++;
  const tkr = (ore: number) => formatExactAmount(Fraction.of(ore), "tkr", { decimals }).text;
  return `Grundandel ${percent} %: fast del ${tkr(fixed)}, rörlig del efter förbrukning ${tkr(variable)}, tillsammans ${tkr(fixed + variable)}.`;
}

/** The buyer × seller matrix with row and column totals computed from the cells; the source's printed totals as notes. */
export function subscriptionTable(title: string, spec: SubscriptionSpec, r: SubscriptionDocResult): Table {
  const m = r.matrix;
  const amount = (buyer: string, seller: string) => m.cells.find((c) => c.buyer === buyer && c.seller === seller)?.amount ?? null;
  const notes = [
    ...r.statedChecks.map((c) => c.message),
    baseShareNote(m.baseSharePercent, m.fixedTotal, m.variableTotal),
  ];
  return {
    title,
    columns: [{ header: "Köpare", kind: "text" }, ...spec.sellers.map((s) => ({ header: s.label, kind: "money" as const })), { header: "Summa", kind: "money" }],
    rows: spec.buyers.map((b) => [b.label, ...spec.sellers.map((s) => amount(b.key, s.key)), m.rowTotals[b.key] ?? 0]),
    totalRow: ["Summa", ...spec.sellers.map((s) => m.columnTotals[s.key] ?? 0), m.total],
    notes,
  };
}
