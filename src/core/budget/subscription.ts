import type { FractionText, Ore } from "../allocation/types";
import { Fraction } from "../fraction";
import { bigintToOre, parseDecimal, parsePercentFraction } from "../money";
import { BudgetError } from "./errors";
import { upratingFactor, type IndexChoice, type Uprating } from "./index-series";

export interface Party {
  key: string;
  label: string;
}

export interface SubscriptionCell {
  buyer: string;
  seller: string;
  /** The year's subscription amount in öre. */
  amount: Ore;
  /** Actual consumption relative to the agreed volume, "1" = as agreed, "1,08" = 8 % more. */
  consumption?: string;
}

export interface SubscriptionInput {
  buyers: Party[];
  sellers: Party[];
  cells: SubscriptionCell[];
  /** The fixed base share of the payment, in percent ("50"). */
  baseSharePercent: string;
  /** Uprating of the prices to the next year, by LPIK or a stated percentage. */
  uprating?: IndexChoice;
}

export interface SubscriptionCellResult extends SubscriptionCell {
  /** The fixed base: amount × base share, to the öre (an exact half öre goes up). */
  fixed: Ore;
  /** amount − fixed: paid by consumption. */
  variable: Ore;
  /** variable × consumption, to the öre: what the variable part comes to after settlement. */
  settledVariable: Ore;
  /** amount × uprating factor, to the krona (an exact half krona goes up); null without uprating. */
  uprated: Ore | null;
}

export interface SubscriptionResult {
  buyers: Party[];
  sellers: Party[];
  baseSharePercent: string;
  cells: SubscriptionCellResult[];
  rowTotals: Record<string, Ore>;
  columnTotals: Record<string, Ore>;
  total: Ore;
  fixedTotal: Ore;
  variableTotal: Ore;
  settledTotal: Ore;
  uprating: Uprating | null;
  upratedTotal: Ore | null;
  /** Exact factor × total, for comparing with the sum of uprated cells. */
  upratedExact: FractionText | null;
  explanation: string[];
}

function checkParties(parties: Party[], what: string, path: string): Set<string> {
  const keys = new Set<string>();
  parties.forEach((p, i) => {
    if (keys.has(p.key)) throw new BudgetError(`${what} ${i + 1} (${p.label}) finns redan.`, `${path}.${i}.key`);
    keys.add(p.key);
  });
  return keys;
}

/**
 * The subscription model (abonnemang) of seed 001: a buyer × seller matrix, each cell split into a
 * fixed base share and a variable part settled by consumption, optionally uprated by an index,
 * with row (buyer) and column (seller) totals computed from the cells, never typed in.
 */
export function calculateSubscription(input: SubscriptionInput): SubscriptionResult {
  const buyers = checkParties(input.buyers, "Köpare", "buyers");
  const sellers = checkParties(input.sellers, "Säljare", "sellers");
  const base = parsePercentFraction(input.baseSharePercent);
  if (base.sign() < 0 || base.compare(1) > 0) throw new BudgetError(`Grundandelen måste vara 0–100 %, fick ${input.baseSharePercent} %.`, "baseSharePercent");
  const up = input.uprating ? upratingFactor(input.uprating) : null;
  const seen = new Set<string>();
  const rowTotals: Record<string, bigint> = Object.fromEntries(input.buyers.map((b) => [b.key, 0n]));
  const columnTotals: Record<string, bigint> = Object.fromEntries(input.sellers.map((s) => [s.key, 0n]));
  let fixedTotal = 0n;
  let settledTotal = 0n;
  let upratedTotal = 0n;
  const cells = input.cells.map((cell, i): SubscriptionCellResult => {
    const where = `Cell ${i + 1} (${cell.buyer} × ${cell.seller})`;
    if (!buyers.has(cell.buyer)) throw new BudgetError(`${where}: okänd köpare "${cell.buyer}".`, `cells.${i}.buyer`);
    if (!sellers.has(cell.seller)) throw new BudgetError(`${where}: okänd säljare "${cell.seller}".`, `cells.${i}.seller`);
    if (seen.has(`${cell.buyer}\u0000${cell.seller}`)) throw new BudgetError(`${where} förekommer två gånger.`, `cells.${i}`);
    seen.add(`${cell.buyer}\u0000${cell.seller}`);
    if (!Number.isSafeInteger(cell.amount) || cell.amount < 0) throw new BudgetError(`${where}: beloppet måste vara ett icke-negativt helt antal öre.`, `cells.${i}.amount`);
    const fixed = base.mul(cell.amount).roundHalfUpTo(1n);
    const variable = BigInt(cell.amount) - fixed;
    const consumption = cell.consumption === undefined ? Fraction.ONE : parseDecimal(cell.consumption, `${where}: förbrukningen`);
    if (consumption.sign() < 0) throw new BudgetError(`${where}: förbrukningen får inte vara negativ.`, `cells.${i}.consumption`);
    const settled = consumption.mul(variable).roundHalfUpTo(1n);
    const uprated = up ? up.factor.mul(cell.amount).roundHalfUpTo(100n) : null;
    rowTotals[cell.buyer]! += BigInt(cell.amount);
    columnTotals[cell.seller]! += BigInt(cell.amount);
    fixedTotal += fixed;
    settledTotal += settled;
    if (uprated !== null) upratedTotal += uprated;
    return { ...cell, fixed: bigintToOre(fixed), variable: bigintToOre(variable), settledVariable: bigintToOre(settled), uprated: uprated === null ? null : bigintToOre(uprated) };
  });
  const total = Object.values(rowTotals).reduce((a, b) => a + b, 0n);
  const toOre = (r: Record<string, bigint>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, bigintToOre(v)]));
  const explanation = [
    `Radsummor (köpare) och kolumnsummor (säljare) är summor av cellerna; totalen är densamma åt båda hållen.`,
    `Grundandel ${input.baseSharePercent} % av varje abonnemang betalas fast; resten betalas efter förbrukning (avrundat till helt öre).`,
  ];
  if (up) explanation.push(`Uppräkning: ${up.uprating.description}; varje cell avrundas till hel krona.`);
  return {
    buyers: input.buyers,
    sellers: input.sellers,
    baseSharePercent: input.baseSharePercent,
    cells,
    rowTotals: toOre(rowTotals),
    columnTotals: toOre(columnTotals),
    total: bigintToOre(total),
    fixedTotal: bigintToOre(fixedTotal),
    variableTotal: bigintToOre(total - fixedTotal),
    settledTotal: bigintToOre(fixedTotal + settledTotal),
    uprating: up?.uprating ?? null,
    upratedTotal: up ? bigintToOre(upratedTotal) : null,
    upratedExact: up ? up.factor.mul(bigintToOre(total)).toText() : null,
    explanation,
  };
}
