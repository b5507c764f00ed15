import type { Ore, RoundingMode } from "../allocation/types";

/** How many recipients differ from the annex when the key is rounded by one rule. */
export interface RoundingMatch {
  rounding: RoundingMode;
  differing: number;
}

/** The fixed-total rules an annex is tried against: an annex's amounts add up to its total. */
export const ANNEX_ROUNDINGS: readonly RoundingMode[] = ["largest-remainder", "nearest-largest"];

const ROUNDING_NAMES: Record<RoundingMode, string> = {
  "largest-remainder": "största rest",
  "nearest-largest": "närmaste krona med differensen på största andelen",
  up: "varje andel uppåt",
  down: "varje andel nedåt",
  nearest: "varje andel till närmaste",
};

/** The rule in words, for "avrundning: …". */
export function roundingName(rounding: RoundingMode): string {
  return ROUNDING_NAMES[rounding];
}

/**
 * A Swedish sentence saying which rounding rule reproduces the annex, or that none does and
 * which comes closest; null when no rule was tried.
 */
export function roundingVerdict(matches: readonly RoundingMatch[], recipients: number): string | null {
  if (matches.length === 0) return null;
  const exact = matches.filter((m) => m.differing === 0);
  if (exact.length === matches.length && exact.length > 1) return `Bilagans belopp återges av varje avrundningsregel som prövats (${exact.map((m) => roundingName(m.rounding)).join(", ")}).`;
  if (exact.length > 0) return `Bilagans belopp återges exakt med avrundningsregeln ${exact.map((m) => roundingName(m.rounding)).join(" och ")}.`;
  const best = [...matches].sort((a, b) => a.differing - b.differing)[0]!;
  return `Ingen prövad avrundningsregel återger bilagans belopp; närmast kommer ${roundingName(best.rounding)}, där ${best.differing} av ${recipients} mottagare skiljer sig. Skillnaderna beror då troligen på nyckeln (datum, område eller källa) snarare än på avrundningen.`;
}

export interface ComparisonRow {
  recipientCode: string;
  name: string;
  /** The amount the decision's annex states. */
  decided: Ore | null;
  /** The amount the key computes. */
  computed: Ore | null;
  /** decided − computed; null when one side lacks the recipient. */
  difference: Ore | null;
  explanation: string | null;
}

export interface Comparison {
  rows: ComparisonRow[];
  decidedTotal: Ore;
  computedTotal: Ore;
  /** Rows where the annex and the key disagree, or where only one of them has the recipient. */
  differing: ComparisonRow[];
}

/**
 * The annex's decided amounts beside what a key computes, recipient by recipient. Differences
 * are expected when the key uses another date than the decision did; listing them says how much.
 */
export function compareWithKey(
  decided: readonly { recipientCode: string; name: string; amount: Ore }[],
  computed: readonly { recipientCode: string; name: string; amount: Ore; explanation?: string }[],
): Comparison {
  const byCode = new Map(computed.map((c) => [c.recipientCode, c]));
  const rows: ComparisonRow[] = decided.map((d) => {
    const c = byCode.get(d.recipientCode);
    byCode.delete(d.recipientCode);
    return { recipientCode: d.recipientCode, name: d.name, decided: d.amount, computed: c?.amount ?? null, difference: c ? d.amount - c.amount : null, explanation: c?.explanation ?? null };
  });
  for (const c of byCode.values()) {
    rows.push({ recipientCode: c.recipientCode, name: c.name, decided: null, computed: c.amount, difference: null, explanation: c.explanation ?? null });
  }
  return {
    rows,
    decidedTotal: decided.reduce((a, d) => a + d.amount, 0),
    computedTotal: computed.reduce((a, c) => a + c.amount, 0),
    differing: rows.filter((r) => r.difference !== 0),
  };
}
