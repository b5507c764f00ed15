import type { DrillFilter, ReportFilter } from "./api";
import { MONTH_LONG } from "./chart";
import type { BudgetOutcomeRow } from "./types";

/** The transactions behind a row of the report: the row's key plus the report's own filters. */
export function drillFilterFor(report: ReportFilter, row: BudgetOutcomeRow | "total"): DrillFilter {
  const base: DrillFilter = { organisationId: report.organisationId, year: report.year, project: report.project, costCentre: report.costCentre };
  if (row === "total") return base;
  switch (report.by) {
    case "class":
      return { ...base, accountClass: row.key };
    case "account":
      return { ...base, account: row.key };
    case "costcentre":
      return { ...base, costCentre: row.key === "" ? "none" : row.key };
    case "project":
      return { ...base, project: row.key === "" ? "none" : row.key };
    case "month":
      return { ...base, month: Number(row.key) };
  }
}

/** A heading for the drill-down, naming what the figure is: "Personal, utan projekt, 2023". */
export function drillTitle(filter: DrillFilter, rowLabel: string | undefined): string {
  const parts = [rowLabel ?? "Alla rader"];
  if (filter.month && !rowLabel) parts.push(MONTH_LONG[filter.month - 1] ?? "");
  if (filter.project === "none") parts.push("utan projekt");
  else if (filter.project && !rowLabel?.startsWith(filter.project)) parts.push(`projekt ${filter.project}`);
  if (filter.costCentre === "none") parts.push("utan kostnadsställe");
  else if (filter.costCentre && !rowLabel?.startsWith(filter.costCentre)) parts.push(`kostnadsställe ${filter.costCentre}`);
  parts.push(String(filter.year));
  return parts.filter(Boolean).join(", ");
}

export const PAGE_SIZE = 25;

/** "Rad 26–50 av 120". */
export function pageText(offset: number, shown: number, total: number): string {
  if (total === 0) return "Inga rader";
  return `Rad ${offset + 1}–${offset + shown} av ${total}`;
}
