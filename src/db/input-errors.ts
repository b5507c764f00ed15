import { ConflictError, UserFacingError } from "../core/errors";

/**
 * The last line of defence: a database error that the client's input caused (an impossible
 * date, a duplicate, a text too long for an index…) becomes a Swedish 400 or 409 naming what,
 * instead of a 500. Validation should have caught it first; this only keeps a slip from
 * looking like a crash. Returns undefined for errors that are not the input's fault.
 */
export function inputErrorFromDatabase(err: unknown): UserFacingError | undefined {
  if (!(err instanceof Error) || !("code" in err) || typeof err.code !== "string" || !/^[0-9A-Z]{5}$/.test(err.code)) return undefined;
  const e = err as Error & { code: string; detail?: string; column?: string; constraint?: string; table?: string };
  const quoted = /"([^"]*)"/.exec(e.message)?.[1];
  const value = quoted !== undefined ? ` "${quoted.slice(0, 80)}"` : "";
  switch (e.code) {
    case "22007":
    case "22008":
      return new UserFacingError(`Ogiltigt datum${value}: datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern.`, { code: "invalid_date" });
    case "22P02":
      return new UserFacingError(`Ogiltigt värde${value}.`, { code: "invalid_value" });
    case "22003":
      return new UserFacingError("Ett tal är för stort eller för litet för att sparas.", { code: "out_of_range" });
    case "22001":
      return new UserFacingError("En text är för lång för att sparas.", { code: "too_long", where: e.column ? { field: e.column } : undefined });
    case "54000":
      return new UserFacingError(`En text är för lång för att sparas${e.table ? ` (${e.table})` : ""}.`, { code: "too_long" });
    case "22021":
    case "22P05":
      return new UserFacingError("En text innehåller ett tecken som inte kan sparas (till exempel NUL).", { code: "invalid_character" });
    case "23502":
      return new UserFacingError(`Värde saknas${e.column ? ` för ${e.column}` : ""}.`, { code: "missing_value", where: e.column ? { field: e.column } : undefined });
    case "23505": {
      const key = /Key \((.*)\)=\((.*)\) already exists/.exec(e.detail ?? "");
      const what = key ? `${key[1]} = ${key[2]}` : (e.constraint ?? "samma nyckel");
      return new ConflictError(`Det finns redan en post med ${what}.`, "duplicate");
    }
    case "23503": {
      const missing = /Key \((.*)\)=\((.*)\) is not present in table "(.*)"/.exec(e.detail ?? "");
      if (missing) return new UserFacingError(`${missing[1]} = ${missing[2]} finns inte (${missing[3]}).`, { code: "not_found_reference", where: { field: missing[1] } });
      const used = /is still referenced from table "(.*)"/.exec(e.detail ?? "");
      return new ConflictError(`Posten används fortfarande${used ? ` (${used[1]})` : ""} och kan inte tas bort.`, "in_use");
    }
    case "23514":
      // A trigger guarding a decided record raises check_violation without a constraint name.
      if (!e.constraint) return new ConflictError(`Ändringen är inte tillåten: ${e.message}`, "refused");
      return new UserFacingError(`Värdet bryter mot regeln ${e.constraint}.`, { code: "check", where: e.table ? { field: e.table } : undefined });
    case "40001":
    case "40P01":
      return new ConflictError("Någon annan ändrade samtidigt. Försök igen.", "retry");
    default:
      return undefined;
  }
}
