import { UserFacingError } from "../../core/errors";

/** A problem in a SIE file, located so that the user can find and fix it in the file. */
export class SieError extends UserFacingError {
  constructor(
    /** The file name (or "(ström)" for an anonymous stream). */
    readonly file: string,
    /** 1-based line number; 0 when the problem concerns the whole file. */
    readonly line: number,
    /** The field or tag concerned, e.g. "#TRANS belopp"; empty when the whole line is concerned. */
    readonly field: string,
    /** What is wrong, in Swedish, without the location (see `toString`). */
    readonly detail: string,
  ) {
    super(formatLocated(file, line, field, detail), { code: "invalid_file", where: { file, line: line > 0 ? line : undefined, field: field || undefined } });
  }
}

/** A SIE file refused because of one or more errors; the first errors are listed in the message. */
export class SieFileError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly errors: readonly SieError[],
    /** How many more errors there were beyond those kept in `errors`. */
    readonly omitted = 0,
  ) {
    const shown = errors.slice(0, 5).map((e) => e.message);
    const more = errors.length - shown.length + omitted;
    super(
      `SIE-filen ${file} kan inte läsas in (${errors.length + omitted} fel):\n` +
        shown.join("\n") +
        (more > 0 ? `\n… och ${more} fel till` : ""),
      {
        code: "invalid_file",
        where: { file, line: errors[0]?.line || undefined, field: errors[0]?.field || undefined },
        details: errors.map((e) => ({ path: e.line > 0 ? `rad ${e.line}` : e.file, message: e.message })),
      },
    );
  }
}

/** Something a user should look at that does not stop the file from being read. */
export interface SieWarning {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function formatLocated(file: string, line: number, field: string, detail: string): string {
  const where = line > 0 ? `${file}, rad ${line}` : file;
  return field ? `${where} (${field}): ${detail}` : `${where}: ${detail}`;
}
