import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { UserFacingError, type ErrorDetail, type ErrorLocation } from "../core/errors";

/** An error only the HTTP layer can see (authentication, CSRF, request shape). */
export class ApiError extends UserFacingError {
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: ErrorDetail[]) {
    super(message, { status, code, details });
  }
}

export interface ErrorBody {
  error: { code: string; message: string; where?: ErrorLocation; details?: ErrorDetail[] };
}

// Older domain errors not yet derived from UserFacingError, matched by name until they are.
const userFacingErrors = new Set(["AllocationError", "MoneyError", "PopulationError", "PopulationFileError", "UserError", "SieError", "DomainError", "GrantError", "BudgetError", "SieFileError", "LedgerFileError", "LedgerLinkError"]);

export function toErrorResponse(err: unknown, c: Context) {
  if (err instanceof UserFacingError) {
    return c.json<ErrorBody>({ error: { code: err.code, message: err.message, where: err.where, details: err.details } }, err.status as ContentfulStatusCode);
  }
  if (err instanceof Error && userFacingErrors.has(err.constructor.name)) {
    return c.json<ErrorBody>({ error: { code: "invalid", message: err.message } }, 400);
  }
  console.error(err);
  return c.json<ErrorBody>({ error: { code: "internal", message: "Ett oväntat fel inträffade. Försök igen eller kontakta administratören." } }, 500);
}
