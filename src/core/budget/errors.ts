import { UserFacingError } from "../errors";

/** A budget, frame change, joint financing or subscription the system refuses, with a Swedish message naming the field. */
export class BudgetError extends UserFacingError {
  readonly path: string | null;

  constructor(message: string, path: string | null = null) {
    super(message, { code: "budget", where: path ? { path } : undefined });
    this.path = path;
  }
}
