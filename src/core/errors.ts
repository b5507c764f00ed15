/**
 * Where a user's input went wrong, as precisely as the source allows: a file and line for an
 * import, a field name for a form, a JSON path for an API body.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
  path?: string;
}

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * The one base class for errors a user may see. The message is Swedish and fit to show as it
 * is; status is the HTTP answer the server gives (the CLI prints the message and exits 1, a
 * CliError with its own exit code, 2 for usage).
 * Server and CLI recognise these by `instanceof`, never by name: anything else is a bug and
 * becomes 500 / a stack trace.
 */
export class UserFacingError extends Error {
  readonly status: number;
  readonly code: string;
  readonly where?: ErrorLocation;
  readonly details?: ErrorDetail[];

  constructor(message: string, options: { status?: number; code?: string; where?: ErrorLocation; details?: ErrorDetail[] } = {}) {
    super(message);
    this.name = new.target.name;
    this.status = options.status ?? 400;
    this.code = options.code ?? "invalid";
    this.where = options.where;
    this.details = options.details;
  }
}

export class NotFoundError extends UserFacingError {
  constructor(message: string) {
    super(message, { status: 404, code: "not_found" });
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(message: string) {
    super(message, { status: 403, code: "forbidden" });
  }
}

/** The record's state does not allow the change (decided, already decided, not balanced…). */
export class ConflictError extends UserFacingError {
  constructor(message: string, code = "conflict") {
    super(message, { status: 409, code });
  }
}

/**
 * The client based its change on a revision that is no longer current: somebody else saved in
 * between. Says who and when, so the user can reload and redo their change.
 */
export class StaleRevisionError extends UserFacingError {
  readonly currentRevision: number;

  constructor(what: string, current: { revision: number; updatedBy: string | null; updatedAt: Date | string | null }) {
    const when = current.updatedAt ? formatTimestamp(current.updatedAt) : "nyss";
    const who = current.updatedBy ?? "någon annan";
    super(`${what} har ändrats av ${who} ${when} efter att du öppnade sidan. Ladda om och gör din ändring igen.`, { status: 409, code: "stale" });
    this.currentRevision = current.revision;
  }
}

function formatTimestamp(value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  // Swedish local time, written the ISO way the UI uses: 2024-03-31 14:05.
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(d);
  return parts;
}
