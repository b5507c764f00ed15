import { UserFacingError, type ErrorLocation } from "../errors";

/** A grant rule broken by user input; the message is Swedish and says where. */
export class GrantError extends UserFacingError {
  constructor(message: string, where?: ErrorLocation) {
    super(message, { code: "grant", where });
  }
}
