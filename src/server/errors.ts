import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { UserFacingError, type ErrorDetail, type ErrorLocation } from "../core/errors";
import { inputErrorFromDatabase } from "../db/input-errors";

/** An error only the HTTP layer can see (authentication, CSRF, request shape). */
export class ApiError extends UserFacingError {
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: ErrorDetail[], where?: ErrorLocation) {
    super(message, { status, code, details, where });
  }
}

export interface ErrorBody {
  error: { code: string; message: string; where?: ErrorLocation; details?: ErrorDetail[] };
}

function userFacing(err: unknown): UserFacingError | undefined {
  if (err instanceof UserFacingError) return err;
  // Hono's own refusals (a body validator's malformed JSON, a body limit) carry a 4xx status.
  if (err instanceof HTTPException && err.status < 500) {
    if (err.status === 413) return new ApiError(413, "too_large", "Förfrågan är för stor.");
    return new ApiError(err.status as ContentfulStatusCode, "bad_request", err.status === 400 ? "Förfrågan kan inte läsas (ogiltig JSON eller ogiltigt formulär)." : "Förfrågan kan inte tas emot.");
  }
  return inputErrorFromDatabase(err);
}

export function toErrorResponse(err: unknown, c: Context) {
  const known = userFacing(err);
  if (known) {
    return c.json<ErrorBody>({ error: { code: known.code, message: known.message, where: known.where, details: known.details } }, known.status as ContentfulStatusCode);
  }
  console.error(err);
  return c.json<ErrorBody>({ error: { code: "internal", message: "Ett oväntat fel inträffade. Försök igen eller kontakta administratören." } }, 500);
}
