import { UserFacingError, type ErrorLocation } from "../../core/errors";

/** A population figure that is asked for but not in the data, or an import that cannot be made. */
export class PopulationError extends UserFacingError {
  constructor(message: string, where?: ErrorLocation) {
    super(message, { code: "population", where });
  }
}
