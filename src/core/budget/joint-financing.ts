import { allocate } from "../allocation";
import type { AllocationLineInput, FractionText, Ore } from "../allocation/types";
import { Fraction } from "../fraction";
import { bigintToOre, formatAmount, formatExactAmount, groupThousands, parseDecimal } from "../money";
import { BudgetError } from "./errors";
import { assertRounding, roundingText, roundTo, type RoundingChoice } from "./rounding";

export interface FinancingMember {
  key: string;
  label: string;
  /** Inhabitants counted for this member (per-inhabitant method). */
  population?: number;
  /** Agreed share in percent, "40" or "12,5" (agreed method). */
  sharePercent?: string;
}

/** The area and date the user chose, shown on the result: which inhabitants count, and when. */
export interface FinancingArea {
  code: string;
  name: string;
  date: string;
  /** Swedish: what was counted, e.g. populationOf's basis text. */
  description: string;
}

export type JointFinancingInput =
  | { method: "per_inhabitant"; ratePerInhabitant: string; area: FinancingArea; members: FinancingMember[]; rounding: RoundingChoice }
  | { method: "equal"; total: Ore; members: FinancingMember[]; rounding: RoundingChoice }
  | { method: "agreed"; total: Ore; members: FinancingMember[]; rounding: RoundingChoice };

export interface FinancingPart {
  key: string;
  label: string;
  population: number | null;
  sharePercent: string | null;
  /** What the member owes before rounding: rate × its inhabitants, or its share of the total, in öre. */
  exact: FractionText;
  amount: Ore;
  difference: FractionText;
}

export interface JointFinancingResult {
  method: JointFinancingInput["method"];
  ratePerInhabitant: string | null;
  area: FinancingArea | null;
  population: number | null;
  /** rate × population, or the given total, exact in öre. */
  exactTotal: FractionText;
  total: Ore;
  rounding: RoundingChoice;
  parts: FinancingPart[];
  /** Swedish: how the total and the parts were rounded, so a reader can redo it. */
  explanation: string[];
}

const krText = (f: Fraction) => formatExactAmount(f, "kr", { decimals: f.isInteger() && f.numerator % 100n === 0n ? 0 : 2 }).text;

function checkMembers(members: FinancingMember[]): void {
  if (members.length === 0) throw new BudgetError("Ange minst en medlem.", "members");
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.key)) throw new BudgetError(`Medlem ${i + 1} (${m.label}) finns redan en gång.`, `members.${i}.key`);
    seen.add(m.key);
  });
}

/**
 * Seed 001: 0,50 kr × 2 104 945 inhabitants (whole Blekinge, Kronoberg, Skåne and Halland on
 * 2021-12-31) = 1 052 472,50 kr, rounded down to whole kronor = 1 052 472 kr.
 *
 * The total is rounded once, as stated. The members then share that total in proportion to their
 * inhabitants (or equally, or by agreed share) by the largest-remainder method in the same unit,
 * so the parts add up to the total exactly and each part differs from its own rate × inhabitants
 * by less than one unit.
 */
export function calculateJointFinancing(input: JointFinancingInput): JointFinancingResult {
  checkMembers(input.members);
  assertRounding(input.rounding, "rounding");
  let exactTotal: Fraction;
  let rate: Fraction | null = null;
  let population: number | null = null;
  if (input.method === "per_inhabitant") {
    rate = parseDecimal(input.ratePerInhabitant, "Beloppet per invånare").mul(100n);
    if (rate.sign() < 0) throw new BudgetError("Beloppet per invånare får inte vara negativt.", "ratePerInhabitant");
    let sum = 0;
    input.members.forEach((m, i) => {
      if (m.population === undefined || !Number.isSafeInteger(m.population) || m.population < 0) throw new BudgetError(`Medlem ${i + 1} (${m.label}) saknar folkmängd.`, `members.${i}.population`);
      sum += m.population;
    });
    population = sum;
    exactTotal = rate.mul(sum);
  } else {
    if (!Number.isSafeInteger(input.total) || input.total < 0) throw new BudgetError("Totalbeloppet måste vara ett icke-negativt helt antal öre.", "total");
    exactTotal = Fraction.of(input.total);
  }
  const total = bigintToOre(roundTo(exactTotal, input.rounding));
  const lines: AllocationLineInput[] = input.members.map((m, i) => {
    if (input.method === "per_inhabitant") return { key: m.key, label: m.label, method: "weight", weight: m.population! };
    if (input.method === "equal") return { key: m.key, label: m.label, method: "equal" };
    if (!m.sharePercent) throw new BudgetError(`Medlem ${i + 1} (${m.label}) saknar överenskommen andel.`, `members.${i}.sharePercent`);
    return { key: m.key, label: m.label, method: "percent", percent: m.sharePercent };
  });
  const shared = allocate({ total, lines, unit: input.rounding.unit, rounding: "largest-remainder" });
  const parts = shared.shares.map((s, i): FinancingPart => {
    const m = input.members[i]!;
    // The member's own figure: rate × its inhabitants, or its exact share of the (rounded) total.
    const exact = rate ? rate.mul(m.population!) : Fraction.fromText(s.quota);
    return { key: s.key, label: s.label, population: m.population ?? null, sharePercent: m.sharePercent ?? null, exact: exact.toText(), amount: s.amount, difference: Fraction.of(s.amount).sub(exact).toText() };
  });
  const explanation: string[] = [];
  if (input.method === "per_inhabitant") {
    explanation.push(
      `${input.ratePerInhabitant} kr × ${groupThousands(String(population))} invånare = ${krText(exactTotal)}, ${roundingText(input.rounding)}: ${formatAmount(total, "kr")}.`,
      `Folkmängd: ${input.area.description} (${input.area.name}, ${input.area.date}).`,
      `Delarna fördelar totalen efter folkmängd med största-rest-metoden i samma enhet, så att de summerar exakt till ${formatAmount(total, "kr")}; varje del avviker mindre än en enhet från ${input.ratePerInhabitant} kr × medlemmens invånare.`,
    );
  } else {
    explanation.push(
      `${formatAmount(total, "kr")} fördelas ${input.method === "equal" ? `i lika delar på ${parts.length} medlemmar` : "efter överenskomna andelar"} med största-rest-metoden (${roundingText(input.rounding)}); delarna summerar exakt till totalen.`,
    );
  }
  return {
    method: input.method,
    ratePerInhabitant: input.method === "per_inhabitant" ? input.ratePerInhabitant : null,
    area: input.method === "per_inhabitant" ? input.area : null,
    population,
    exactTotal: exactTotal.toText(),
    total,
    rounding: input.rounding,
    parts,
    explanation,
  };
}
