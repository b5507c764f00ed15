import { UserFacingError } from "../errors";

/** Why an allocation was refused; stable codes for callers and tests. */
export type AllocationErrorReason =
  | "no-lines"
  | "invalid-total"
  | "invalid-unit"
  | "invalid-pool"
  | "pool-missing"
  | "pool-unused"
  | "invalid-rounding"
  | "duplicate-key"
  | "unknown-method"
  | "missing-value"
  | "invalid-weight"
  | "negative-weight"
  | "all-weights-zero"
  | "invalid-amount"
  | "negative-amount"
  | "invalid-percent"
  | "negative-percent"
  | "percent-sum"
  | "multiple-remainders"
  | "remainder-in-per-share"
  | "mixed-weight-equal"
  | "fixed-exceeds-total"
  | "overspend"
  | "unallocated"
  | "not-divisible"
  | "largest-negative"
  | "overflow";

/**
 * A refused allocation, with a Swedish message that names the line ("Rad 3 (Region Gotland)")
 * where one is to blame. lineIndex is 0-based; the message counts from 1 as a reader does.
 */
export class AllocationError extends UserFacingError {
  readonly reason: AllocationErrorReason;
  readonly lineIndex: number | null;
  readonly lineKey: string | null;

  constructor(reason: AllocationErrorReason, message: string, line?: { index: number; key: string }) {
    super(message, { code: "allocation", where: line ? { path: `lines.${line.index}` } : undefined });
    this.reason = reason;
    this.lineIndex = line?.index ?? null;
    this.lineKey = line?.key ?? null;
  }
}
