import { UserFacingError, type ErrorLocation } from "../../core/errors";

/** A population figure that is asked for but not in the data, or an import that cannot be made. */
export class PopulationError extends UserFacingError {
  constructor(message: string, where?: ErrorLocation) {
    super(message, { code: "population", where });
  }
}

/** Figures missing for a day: what was asked for, and every area without a figure ("Berg (2326)"). */
export interface MissingPopulation {
  date: string;
  asked: string;
  areas: readonly string[];
}

/** Figures the data lacks for a day, with every area that lacks one. */
export class MissingPopulationError extends PopulationError {
  constructor(
    message: string,
    readonly missing: MissingPopulation,
  ) {
    super(message);
  }
}
