import { UserFacingError } from "../../core/errors";

/** Where in a population file something is wrong: a line (CSV) or a JSON path (JSON-stat). */
export interface PopulationFileLocation {
  file: string;
  line?: number;
  path?: string;
  field?: string;
}

/** A population file that cannot be read; the message is Swedish and names file, place and field. */
export class PopulationFileError extends UserFacingError {
  readonly location: PopulationFileLocation;

  constructor(location: PopulationFileLocation, problem: string) {
    super(`${describeLocation(location)}: ${problem}`, { code: "invalid_file", where: location });
    this.location = location;
  }
}

export function describeLocation(location: PopulationFileLocation): string {
  const parts = [location.file];
  if (location.line !== undefined) parts.push(`rad ${location.line}`);
  if (location.path !== undefined) parts.push(location.path);
  if (location.field !== undefined) parts.push(`fält "${location.field}"`);
  return parts.join(", ");
}
