/** A grant rule broken by user input; the message is Swedish and says where. */
export class GrantError extends Error {
  override name = "GrantError";
}
