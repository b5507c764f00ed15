import { UserFacingError, type ErrorLocation } from "../core/errors";
import { isRealIsoDate } from "../core/input-schemas";

/** A usage or input error: printed without a stack trace, exit code 2 unless stated. */
export class CliError extends UserFacingError {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2, where?: ErrorLocation) {
    super(message, { code: "usage", where });
    this.exitCode = exitCode;
  }
}

/** A date option's value, refused with the option's name unless it is a real ÅÅÅÅ-MM-DD date. */
export function dateOption(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isRealIsoDate(value)) throw new CliError(`${option}: "${value}" är inget datum som finns; skriv ÅÅÅÅ-MM-DD, till exempel 2023-12-31.`, 2, { field: option });
  return value;
}
