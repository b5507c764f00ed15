import { describe, expect, it } from "vitest";
import { excludableProjects, parseExclusions, toggleExclusion } from "./exclusions";
import type { ProjectAccountRow, ProjectAccounts } from "./types";

describe("projects left out of the subtotal", () => {
  it("reads a stored list without blanks or repeats", () => {
    expect(parseExclusions(" 8938, ,8925,8938")).toEqual(["8925", "8938"]);
    expect(parseExclusions(null)).toEqual([]);
  });

  it("adds and removes a project", () => {
    expect(toggleExclusion([], "8938", true)).toEqual(["8938"]);
    expect(toggleExclusion(["8938"], "8938", true)).toEqual(["8938"]);
    expect(toggleExclusion(["8925", "8938"], "8925", false)).toEqual(["8938"]);
  });

  it("offers every project, counted or left out, in code order, and never the board's row", () => {
    const row = (kind: ProjectAccountRow["kind"], code: string): ProjectAccountRow => ({ kind, code, name: code, opening: 0, jointFinancing: 0, otherIncome: 0, costs: 0, closing: 0, openingSource: "none" });
    const sum = { label: "", opening: 0, jointFinancing: 0, otherIncome: 0, costs: 0, closing: 0 };
    const table: ProjectAccounts = { year: 2023, rows: [row("project", "8941"), row("project", "890"), row("board", "")], subtotal: sum, excludedRows: [row("project", "8938")], total: sum, mandatePeriod: { start: 2023, end: 2026 } };
    expect(excludableProjects(table).map((r) => r.code)).toEqual(["890", "8938", "8941"]);
    expect(excludableProjects(undefined)).toEqual([]);
  });
});
