import type { Ore } from "../allocation/types";
import type { Fraction } from "../fraction";
import { formatUnitName } from "../money";
import { BudgetError } from "./errors";

export type RoundingDirection = "up" | "down" | "nearest";

export interface RoundingChoice {
  /** The step in öre: 100 = whole kronor, 1 000 000 = 10 tkr. */
  unit: Ore;
  direction: RoundingDirection;
}

const words: Record<RoundingDirection, string> = { up: "uppåt", down: "nedåt", nearest: "till närmaste" };

export function assertRounding(r: RoundingChoice, path: string): void {
  if (!Number.isSafeInteger(r.unit) || r.unit <= 0) throw new BudgetError(`${path}: avrundningsenheten måste vara ett positivt helt antal öre, fick ${r.unit}.`, path);
}

/** value rounded to a multiple of the unit in the stated direction (nearest: an exact half goes up). */
export function roundTo(value: Fraction, r: RoundingChoice): bigint {
  const unit = BigInt(r.unit);
  return r.direction === "up" ? value.ceilTo(unit) : r.direction === "down" ? value.floorTo(unit) : value.roundHalfUpTo(unit);
}

/** "avrundat uppåt till hela 10 tkr" */
export function roundingText(r: RoundingChoice): string {
  return `avrundat ${words[r.direction]} till hela ${formatUnitName(r.unit)}`;
}
