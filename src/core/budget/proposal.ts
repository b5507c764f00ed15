import { allocate } from "../allocation";
import type { AllocationLineInput, FractionText, Ore } from "../allocation/types";
import { Fraction } from "../fraction";
import { bigintToOre, formatExactAmount } from "../money";
import { BudgetError } from "./errors";
import { upratingFactor, type IndexChoice, type Uprating } from "./index-series";
import { assertRounding, roundingText, type RoundingChoice } from "./rounding";

export interface ProposalAddition {
  label: string;
  amount: Ore;
  /** The decision the addition rests on: "Samverkansnämnden 2023-02-17". */
  decisionReference: string;
}

export interface ProposalMember {
  key: string;
  label: string;
  /** Population for a split by population; ignored for equal shares. */
  population?: number;
}

export interface ProposalInput {
  /** Last year's budget in öre, and what it is ("Budget 2023"). */
  baseAmount: Ore;
  baseLabel: string;
  index: IndexChoice;
  additions: ProposalAddition[];
  members: ProposalMember[];
  split: "equal" | "population";
  /** Said on the result when split is "population": "Folkmängd 2021-12-31 (SCB), hela regioner". */
  populationBasis?: string;
  rounding: RoundingChoice;
}

export interface ProposalMemberResult {
  key: string;
  label: string;
  population: number | null;
  /** The member's exact part in öre. */
  exact: FractionText;
  rounded: Ore;
  /** rounded − exact, in öre. */
  difference: FractionText;
}

export interface ProposalResult {
  baseAmount: Ore;
  baseLabel: string;
  uprating: Uprating;
  /** baseAmount × factor, exact, in öre. */
  uprated: FractionText;
  additions: ProposalAddition[];
  additionsTotal: Ore;
  /** uprated + additions, exact, in öre. */
  exactTotal: FractionText;
  members: ProposalMemberResult[];
  rounding: RoundingChoice;
  /** Σ rounded member parts: the proposed budget. */
  roundedTotal: Ore;
  /** roundedTotal − exactTotal, in öre. */
  difference: FractionText;
  /** Swedish sentences for the decision document and the UI. */
  explanation: string[];
}

const tkr = (ore: Fraction | number) => formatExactAmount(typeof ore === "number" ? Fraction.of(ore) : ore, "tkr", { decimals: 1 }).text.replace(/,0(?=\u00a0)/, "");

/**
 * Seed 000: 10 500 tkr × 1,025 + 700 tkr = 11 462,5 tkr; split equally over 7 regions is
 * 1 637,5 tkr each, rounded up to 10 tkr 1 640 tkr, so the budget is 11 480 tkr (+17,5 tkr).
 * The members share the exact total; each part is rounded on its own in the stated direction,
 * and the proposal's total is the sum of the rounded parts.
 */
export function calculateProposal(input: ProposalInput): ProposalResult {
  if (!Number.isSafeInteger(input.baseAmount) || input.baseAmount < 0) throw new BudgetError(`Grundbeloppet måste vara ett icke-negativt helt antal öre, fick ${input.baseAmount}.`, "baseAmount");
  if (input.members.length === 0) throw new BudgetError("Ange minst en medlem som ska bära kostnaden.", "members");
  assertRounding(input.rounding, "rounding");
  const { factor, uprating } = upratingFactor(input.index);
  const uprated = factor.mul(input.baseAmount);
  let additionsTotal = 0n;
  input.additions.forEach((a, i) => {
    if (!Number.isSafeInteger(a.amount)) throw new BudgetError(`Tillägg ${i + 1} (${a.label}): beloppet måste vara ett helt antal öre.`, `additions.${i}.amount`);
    if (a.decisionReference.trim() === "") throw new BudgetError(`Tillägg ${i + 1} (${a.label}): ange vilket beslut tillägget bygger på.`, `additions.${i}.decisionReference`);
    additionsTotal += BigInt(a.amount);
  });
  const exactTotal = uprated.add(additionsTotal);
  if (exactTotal.sign() < 0) throw new BudgetError("Den nya totalen blir negativ.", "additions");

  // allocate works in whole öre; an uprating that leaves a fraction of an öre is rounded half up first.
  const toShare = exactTotal.roundHalfUpTo(1n);
  const lines: AllocationLineInput[] = input.members.map((m, i) => {
    if (input.split === "equal") return { key: m.key, label: m.label, method: "equal" };
    if (m.population === undefined) throw new BudgetError(`Medlem ${i + 1} (${m.label}) saknar folkmängd.`, `members.${i}.population`);
    return { key: m.key, label: m.label, method: "weight", weight: m.population, basis: input.populationBasis };
  });
  const shared = allocate({ total: bigintToOre(toShare), lines, unit: input.rounding.unit, rounding: input.rounding.direction });
  const members = shared.shares.map((s, i): ProposalMemberResult => {
    const pop = input.members[i]!.population;
    const exact = input.split === "equal" ? exactTotal.div(input.members.length) : exactTotal.mul(pop ?? 0).div(input.members.reduce((sum, m) => sum + (m.population ?? 0), 0));
    return { key: s.key, label: s.label, population: input.split === "population" ? (pop ?? null) : null, exact: exact.toText(), rounded: s.amount, difference: Fraction.of(s.amount).sub(exact).toText() };
  });
  const difference = Fraction.of(shared.total).sub(exactTotal);
  const how = input.split === "equal" ? `lika delar på ${members.length} medlemmar` : `efter folkmängd (${input.populationBasis ?? "folkmängd"})`;
  const explanation = [
    `${input.baseLabel} ${tkr(input.baseAmount)} × ${uprating.factorText} = ${tkr(uprated)} (${uprating.description}).`,
    ...input.additions.map((a) => `Tillägg: ${a.label} ${tkr(a.amount)} (beslut: ${a.decisionReference}).`),
    `Ny total exakt: ${tkr(exactTotal)}, fördelad ${how}.`,
    `Varje del ${roundingText(input.rounding)}; summan av de avrundade delarna blir ${tkr(shared.total)}, ${difference.sign() >= 0 ? "+" : ""}${tkr(difference)} mot det exakta beloppet.`,
  ];
  if (!exactTotal.equals(toShare)) explanation.push(`Det exakta beloppet avrundades till helt öre innan fördelningen.`);
  return {
    baseAmount: input.baseAmount,
    baseLabel: input.baseLabel,
    uprating,
    uprated: uprated.toText(),
    additions: input.additions,
    additionsTotal: bigintToOre(additionsTotal),
    exactTotal: exactTotal.toText(),
    members,
    rounding: input.rounding,
    roundedTotal: shared.total,
    difference: difference.toText(),
    explanation,
  };
}
