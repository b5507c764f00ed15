// Which projects the controller leaves out of the project accounts' subtotal (seed 001: 8938,
// whose money the board does not decide on); use-exclusions.ts keeps them per user in the database.
import type { ProjectAccountRow, ProjectAccounts } from "./types";
import { compareCodes } from "../../../core/object-codes";


export function parseExclusions(text: string | null): string[] {
  if (!text) return [];
  return [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))].sort();
}

export function toggleExclusion(current: readonly string[], code: string, excluded: boolean): string[] {
  const set = new Set(current);
  if (excluded) set.add(code);
  else set.delete(code);
  return [...set].sort();
}

/** The projects the controller may leave out: all of the table's projects, counted or not, by code. */
export function excludableProjects(table: ProjectAccounts | undefined): ProjectAccountRow[] {
  if (!table) return [];
  return [...table.rows, ...table.excludedRows].filter((r) => r.kind === "project").sort((a, b) => compareCodes(a.code, b.code));
}
