import type { AllocationInput, AllocationResult, Ore } from "../allocation/types";
import { GrantError } from "./errors";

/** A line of a recipient's internal allocation decision (seed 003). */
export interface InternalLine {
  label: string;
  /** fixed: a stated amount; earmarked: a stated amount bound to a national purpose; remainder: what is left. */
  kind: "fixed" | "earmarked" | "remainder";
  amount?: Ore;
  /** For earmarked lines: the national purpose, "Korta väntetider i barn- och ungdomspsykiatrin". */
  earmarkPurpose?: string;
  /** Accounting object, cost centre or receiver, when the line names one. */
  accountingObject?: string;
}

export interface InternalMetadata {
  caseNumber: string | null;
  decidedBy: string | null;
  decidedByTitle: string | null;
  decisionDate: string | null;
  /** "4.1.19" */
  delegationPoint: string | null;
  /** "Delegationsbestämmelser för regionstyrelsen punkt 4.1.19 Beslut om fördelning av riktade statsbidrag." */
  delegationText: string | null;
  reportedTo: string | null;
  reportedOn: string | null;
  conditions: string[];
  distributionList: string[];
  basisDocuments: string[];
  accountingObject: string | null;
}

export const metadataLabels: Record<keyof InternalMetadata, string> = {
  caseNumber: "Diarienummer",
  decidedBy: "Beslutsfattare",
  decidedByTitle: "Befattning",
  decisionDate: "Beslutsdatum",
  delegationPoint: "Delegationspunkt",
  delegationText: "Delegationsbestämmelse",
  reportedTo: "Anmäls till",
  reportedOn: "Anmäls datum",
  conditions: "Villkor",
  distributionList: "Utdrag till",
  basisDocuments: "Beslutsunderlag",
  accountingObject: "Objekt",
};

/** The allocation engine's input for an internal decision: stated lines fixed, one line takes the remainder. */
export function internalAllocationInput(total: Ore, lines: readonly InternalLine[]): AllocationInput {
  const remainders = lines.filter((l) => l.kind === "remainder").length;
  if (remainders > 1) throw new GrantError(`Beslutet har ${remainders} restrader; bara en rad kan ta resten.`);
  return {
    total,
    unit: 100,
    rounding: "largest-remainder",
    lines: lines.map((line, i) => {
      const key = `line-${i + 1}`;
      if (line.kind === "remainder") return { key, label: line.label, method: "remainder" as const };
      if (line.amount === undefined) throw new GrantError(`Rad ${i + 1} (${line.label}), fält belopp: belopp saknas.`);
      return { key, label: line.label, method: "fixed" as const, amount: line.amount };
    }),
  };
}

/** The lines with their resulting amounts, remainder included. */
export function resolvedLines(lines: readonly InternalLine[], result: AllocationResult): (InternalLine & { amount: Ore; explanation: string })[] {
  return lines.map((line, i) => ({ ...line, amount: result.shares[i]?.amount ?? 0, explanation: result.shares[i]?.explanation ?? "" }));
}

/** Sum of earmarked lines: money that must go to its national purpose. */
export function earmarkedTotal(lines: readonly { kind: InternalLine["kind"]; amount: Ore }[]): Ore {
  return lines.filter((l) => l.kind === "earmarked").reduce((a, l) => a + l.amount, 0);
}
