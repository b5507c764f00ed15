/** A budget, frame change, joint financing or subscription the system refuses, with a Swedish message naming the field. */
export class BudgetError extends Error {
  constructor(
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
    this.name = "BudgetError";
  }
}
