/** Whole öre, always a safe integer. 100 öre = 1 kr. */
export type Ore = number;

/**
 * How shares are rounded to the unit.
 * - "largest-remainder": fixed total. Shares add up to the total exactly.
 * - "nearest-largest": fixed total, the Government Offices' rule: each share rounded to the
 *   nearest unit, and the difference that leaves taken from (or given to) the largest share.
 * - "up" | "down" | "nearest": per-share rounding; the total follows the rounded shares.
 */
export type RoundingMode = "largest-remainder" | "nearest-largest" | "up" | "down" | "nearest";

/** Every rounding mode, in the order forms and help texts list them. */
export const roundingModeValues = ["largest-remainder", "nearest-largest", "up", "down", "nearest"] as const satisfies readonly RoundingMode[];

export type LineMethod = "weight" | "equal" | "fixed" | "percent" | "remainder";

export interface AllocationLineInput {
  /** Stable identity of the line: a recipient code such as "23", or "line-3" for a free line. */
  key: string;
  label: string;
  method: LineMethod;
  /** For "weight": a non-negative safe integer such as a population. */
  weight?: number;
  /** For "fixed": the amount in öre. */
  amount?: Ore;
  /** For "percent": an exact decimal string of the total, "2,5" or "2.5" meaning 2.5 %. */
  percent?: string;
  /** What the weight is, shown in the explanation: "Folkmängd 2022-11-01 (SCB)". */
  basis?: string;
}

export interface AllocationInput {
  /** The amount to split, in öre. In per-share modes the result's total follows the shares. */
  total: Ore;
  lines: AllocationLineInput[];
  /** Rounding unit in öre: 100 = 1 kr, 100_000 = 1 tkr, 1_000_000 = 10 tkr. */
  unit: Ore;
  rounding: RoundingMode;
  /**
   * The amount the weight/equal lines share when a remainder line also exists.
   * Without a remainder line they share what the fixed and percent lines leave.
   */
  pool?: Ore;
}

/** An exact rational number as decimal integer strings, so it survives JSON. */
export interface FractionText {
  numerator: string;
  denominator: string;
}

export interface AllocationShare {
  key: string;
  label: string;
  method: LineMethod;
  basis: string | null;
  /** The weight the share was computed from (a population, say); null for other methods. */
  weight: number | null;
  /** The exact, unrounded share in öre. */
  quota: FractionText;
  /** The rounded share in öre. */
  amount: Ore;
  /** amount − quota, exact, in öre. */
  roundingDifference: FractionText;
  /** 1 = first to receive an extra unit under largest remainder; null where no ranking applied. */
  remainderRank: number | null;
  /** A Swedish sentence saying how the amount came about. */
  explanation: string;
}

export interface AllocationResult {
  /** The total the shares add up to, in öre (equals the input total in the fixed-total modes). */
  total: Ore;
  inputTotal: Ore;
  unit: Ore;
  rounding: RoundingMode;
  shares: AllocationShare[];
  /** Sum of shares minus the input total (0 in fixed-total mode), in öre. */
  difference: Ore;
  /** Human-readable tie-break rule applied, in Swedish. */
  tieBreak: string;
}
