import type { Ore } from "../allocation/types";

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
