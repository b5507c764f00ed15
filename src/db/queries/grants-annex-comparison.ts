import type { AllocationRequest } from "../../core/allocation/request";
import type { AllocationResult, Ore } from "../../core/allocation/types";
import type { AnnexLine } from "../../core/grants/annex";
import { ANNEX_ROUNDINGS, type RoundingMatch } from "../../core/grants/compare";
import type { PopulationBasis } from "../../core/population-key";
import type { Db } from "../connect";
import { computeAllocation } from "./compute-allocation";

export type ComparisonKey = { kind: "population"; date: string; basis: PopulationBasis } | { kind: "equal" };

export interface AnnexComparison {
  request: AllocationRequest;
  result: AllocationResult;
  /** Each fixed-total rule tried, with how many recipients it leaves different from the annex. */
  roundings: RoundingMatch[];
}

function keyRequest(amount: Ore, lines: readonly AnnexLine[], key: ComparisonKey, rounding: AllocationRequest["rounding"]): AllocationRequest {
  return {
    total: amount,
    unit: 100,
    rounding,
    key: key.kind === "population" ? { kind: "population", date: key.date, basis: key.basis } : { kind: "none" },
    lines: lines.map((l) => ({ label: l.name, recipientCode: l.recipientCode, method: key.kind === "population" ? "population" : "equal" })),
  };
}

/**
 * What the key gives beside the annex, under each fixed-total rounding rule; the comparison
 * kept is the rule closest to the annex (the first listed among equals), so a decision rounded
 * the Government Offices' way shows no differences when the key is the decision's own.
 */
export async function compareAnnexWithKey(db: Db, amount: Ore, lines: readonly AnnexLine[], key: ComparisonKey): Promise<AnnexComparison> {
  const decided = new Map(lines.map((l) => [l.recipientCode, l.amount]));
  let best: { request: AllocationRequest; result: AllocationResult; differing: number } | null = null;
  const roundings: RoundingMatch[] = [];
  for (const rounding of ANNEX_ROUNDINGS) {
    const request = keyRequest(amount, lines, key, rounding);
    const { result } = await computeAllocation(db, request);
    const differing = result.shares.filter((s) => decided.get(s.key) !== s.amount).length + lines.filter((l) => !result.shares.some((s) => s.key === l.recipientCode)).length;
    roundings.push({ rounding, differing });
    if (!best || differing < best.differing) best = { request, result, differing };
  }
  // ANNEX_ROUNDINGS is never empty, so best is set.
  return { request: best!.request, result: best!.result, roundings };
}
