import { describe, expect, it } from "vitest";
import type { ReportFilter } from "./api";
import { drillFilterFor, drillTitle, pageText } from "./drill";
import type { BudgetOutcomeRow } from "./types";

const row = (key: string, label: string): BudgetOutcomeRow => ({ key, label, budget: 0, outcome: 0, deviation: 0, deviationPercent: null, forecast: 0 });
const report = (by: ReportFilter["by"], extra: Partial<ReportFilter> = {}): ReportFilter => ({ organisationId: 7, year: 2023, by, ...extra });

describe("drill-down from a report row", () => {
  it("turns the row's key into the transactions filter, keeping the report's filters", () => {
    expect(drillFilterFor(report("class", { project: "none" }), row("staff", "Personal"))).toEqual({ organisationId: 7, year: 2023, project: "none", costCentre: undefined, accountClass: "staff" });
    expect(drillFilterFor(report("account"), row("7010", "7010 Löner")).account).toBe("7010");
    expect(drillFilterFor(report("project"), row("", "Utan projekt")).project).toBe("none");
    expect(drillFilterFor(report("project", { costCentre: "200" }), row("8941", "8941 K")).project).toBe("8941");
    expect(drillFilterFor(report("costcentre"), row("", "Utan kostnadsställe")).costCentre).toBe("none");
    expect(drillFilterFor(report("month"), row("03", "mars")).month).toBe(3);
    expect(drillFilterFor(report("month", { project: "8941" }), "total")).toEqual({ organisationId: 7, year: 2023, project: "8941", costCentre: undefined });
  });

  it("names the figure and the page", () => {
    expect(drillTitle({ organisationId: 7, year: 2023, project: "none", accountClass: "staff" }, "Personal")).toBe("Personal, utan projekt, 2023");
    expect(drillTitle({ organisationId: 7, year: 2023, project: "8941" }, "8941 Kunskapsstyrning")).toBe("8941 Kunskapsstyrning, 2023");
    expect(drillTitle({ organisationId: 7, year: 2023, costCentre: "200", month: 3 }, undefined)).toBe("Alla rader, mars, kostnadsställe 200, 2023");
    expect(pageText(25, 25, 120)).toBe("Rad 26–50 av 120");
    expect(pageText(0, 0, 0)).toBe("Inga rader");
  });
});
