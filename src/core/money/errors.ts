import { UserFacingError } from "../errors";

/** Why a money or percent text was rejected; stable codes for callers and tests. */
export type MoneyErrorReason =
  | "empty"
  | "ambiguous-separator"
  | "malformed"
  | "bad-grouping"
  | "unknown-unit"
  | "multiple-units"
  | "sub-ore"
  | "overflow"
  | "malformed-percent";

/**
 * A rejected amount or percent. The message is Swedish and quotes the text; the caller adds
 * where it came from (file, line, field), since only the caller knows that.
 */
export class MoneyError extends UserFacingError {
  readonly reason: MoneyErrorReason;
  readonly input: string;

  constructor(reason: MoneyErrorReason, input: string, message: string) {
    super(message, { code: "invalid_amount" });
    this.reason = reason;
    this.input = input;
  }
}
