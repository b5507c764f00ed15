import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error the API reports to its caller, with a Swedish message fit for the UI. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

// Domain errors carry Swedish messages meant for users; they become 400 responses.
const userFacingErrors = new Set(["AllocationError", "MoneyError", "PopulationError", "PopulationFileError", "UserError", "SieError", "DomainError", "GrantError", "BudgetError", "SieFileError", "LedgerFileError", "LedgerLinkError"]);

export function toErrorResponse(err: unknown, c: Context) {
  if (err instanceof ApiError) {
    return c.json<ErrorBody>({ error: { code: err.code, message: err.message, details: err.details } }, err.status);
  }
  if (err instanceof Error && userFacingErrors.has(err.constructor.name)) {
    return c.json<ErrorBody>({ error: { code: "invalid", message: err.message } }, 400);
  }
  console.error(err);
  return c.json<ErrorBody>({ error: { code: "internal", message: "Ett oväntat fel inträffade. Försök igen eller kontakta administratören." } }, 500);
}
