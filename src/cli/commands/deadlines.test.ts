import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoGrants } from "../../db/demo/grants";
import { loadReferenceData } from "../../db/queries/reference";
import { deadlinesText, dueDeadlines, parseWithin } from "./deadlines";

describe("fordela deadlines", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
    await loadDemoGrants(opened.db);
  });
  afterAll(() => opened.close());

  it("reads --within as days or weeks, and refuses anything else in Swedish", () => {
    expect(parseWithin("30d")).toBe(30);
    expect(parseWithin("2w")).toBe(14);
    expect(() => parseWithin("snart")).toThrow(/--within: "snart" ska vara ett antal dagar/);
  });

  it("lists one organisation's deadlines within 30 days, with amounts and days left", async () => {
    const list = await dueDeadlines(opened.db, { today: "2023-11-20", withinDays: 30, org: "23" });
    expect(list.map((d) => [d.kind, d.daysLeft])).toEqual([["requisition", 11]]);
    const text = deadlinesText(list).replace(/\u00a0/g, " ");
    expect(text.split("\n")[0]).toMatch(/^Datum\s+Kvar\s+Vad\s+Organisation\s+Belopp\s+Bidrag$/);
    expect(text).toContain("2023-12-01  om 11 dagar  Rekvisition till Kammarkollegiet  Region Jämtland Härjedalen  787 491 kr");
  });

  it("marks overdue deadlines after the date", async () => {
    const list = await dueDeadlines(opened.db, { today: "2024-04-02", withinDays: 0, org: "23" });
    expect(list.every((d) => d.overdue)).toBe(true);
    expect(deadlinesText(list)).toContain("FÖRSENAD, 2 dagar försenad");
  });
});
