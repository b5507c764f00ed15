import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../connect";
import { loadReferenceData } from "../queries/reference";
import { getDistribution } from "../queries/grants-distribution";
import { listDecisions } from "../queries/grants-decisions";
import { listInternalDecisions } from "../queries/grants-internal";
import { collectDeadlines, recipientGrants } from "../queries/grants-recipients";
import { calendar } from "../../core/grants/deadlines";
import { createTestDatabase } from "../../../test/helpers/db";
import { loadDemoGrants } from "./grants";

const kr = (n: number) => n * 100;
const nb = (s: string) => s.replace(/\u00a0/g, " ");

describe("grant demo data (seeds 002 and 003)", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
    expect(await loadDemoGrants(opened.db)).toHaveLength(2);
  });
  afterAll(() => opened.close());

  it("loads once", async () => {
    expect(await loadDemoGrants(opened.db)).toEqual([]);
  });

  it("enters S2023/00488 whole: 103 500 000 + 62 500 000 + 60 000 000 = 226 000 000, decided", async () => {
    const [decision] = (await listDecisions(opened.db, "all")).filter((d) => d.diaryNumber === "S2023/00488");
    expect(decision).toMatchObject({ status: "decided", decisionDate: "2023-02-02", ministry: "Socialdepartementet", payerName: "Kammarkollegiet", signatories: ["Acko Ankarberg Johansson", "Evelina Björkegren"] });
    expect(decision!.check).toMatchObject({ sum: kr(226_000_000), balanced: true });
    const skr = decision!.parts.filter((p) => p.recipientGroup === "skr");
    expect(skr.map((p) => [p.appropriationItem, p.amount / 100, p.oneTime])).toEqual([
      ["18", 3_000_000, true],
      ["5", 68_000_000, false],
      ["29", 5_000_000, true],
      ["3", 10_000_000, true],
      ["40", 17_500_000, true],
    ]);
    expect(skr.reduce((a, p) => a + p.amount, 0)).toBe(kr(103_500_000));
    expect(skr[0]!.activityReports).toEqual([
      { kind: "partial", deadline: "2023-09-30", recipient: "Regeringskansliet (Socialdepartementet)" },
      { kind: "final", deadline: "2024-03-31", recipient: "Regeringskansliet (Socialdepartementet)" },
    ]);
    for (const p of decision!.parts) expect(p.distributedTotal).toBe(p.amount);
  });

  it("stores annex 1 to the krona beside a population key, and annex 2 beside equal shares", async () => {
    const [decision] = (await listDecisions(opened.db, "all")).filter((d) => d.diaryNumber === "S2023/00488");
    const regions = decision!.parts.find((p) => p.recipientGroup === "regions")!;
    const d1 = (await getDistribution(opened.db, regions.id, regions.amount))!;
    expect(d1.entitlements).toHaveLength(21);
    expect(d1.entitlements.find((e) => e.recipientCode === "25")!.amount).toBe(kr(1_481_762));
    expect(d1.check.balanced).toBe(true);
    expect(d1.comparison!.computedTotal).toBe(kr(62_500_000));
    expect(d1.comparison!.rows.every((r) => r.difference === r.decided! - r.computed!)).toBe(true);
    // The decision's own key: the population of 2022-11-01, rounded the Government Offices' way.
    expect(d1.comparison!.request.key).toEqual({ kind: "population", date: "2022-11-01", basis: "membership" });
    expect(d1.comparison!.request.rounding).toBe("nearest-largest");
    expect(d1.comparison!.differing).toEqual([]);
    expect(d1.comparison!.roundings).toEqual([
      { rounding: "largest-remainder", differing: 2 },
      { rounding: "nearest-largest", differing: 0 },
    ]);
    const coop = decision!.parts.find((p) => p.recipientGroup === "cooperation_regions")!;
    const d2 = (await getDistribution(opened.db, coop.id, coop.amount))!;
    expect(d2.entitlements.map((e) => e.amount)).toEqual(Array(6).fill(kr(10_000_000)));
    expect(d2.comparison!.differing).toEqual([]);
  });

  it("shows Region Jämtland Härjedalen's received grant from seed 003 with its status and internal decision", async () => {
    const grants = await recipientGrants(opened.db, { recipientCodes: ["23"], draftOrganisations: "all" }, "2024-01-15");
    const access = grants.find((g) => g.agreementName === "Ökad tillgänglighet i hälso- och sjukvården 2023")!;
    expect(access.figures).toMatchObject({ entitled: kr(5_039_944), received: kr(5_039_944), spent: 0, unspent: kr(5_039_944), toRepay: kr(5_039_944) });
    expect(access.receipt.accountingObject).toBe("9929");
    expect(nb(access.status.text)).toBe("Redovisa till Socialstyrelsen och återbetala 5 039 944 kr till Kammarkollegiet senast 2024-03-31");
    const annex = grants.find((g) => g.diaryNumber === "S2023/00488")!;
    expect(annex.entitled).toBe(kr(787_491));
    const [internal] = await listInternalDecisions(opened.db, { partId: access.partId, draftOrganisations: "all" });
    expect(internal!.status).toBe("decided");
    expect(internal!.resolvedLines.map((l) => l.amount / 100)).toEqual([973_541, 900_000, 250_000, 1_500_000, 1_416_403]);
    expect(internal!.earmarked).toBe(kr(973_541));
    expect(internal!.metadata).toMatchObject({ decidedBy: "Sara Lewerentz", delegationPoint: "4.1.19", reportedTo: "Regionstyrelsen", reportedOn: "2023-08-29", accountingObject: "9929" });
    expect(internal!.metadata.conditions).toHaveLength(4);
    expect(internal!.metadata.distributionList).toContain("Samordnare riktade statsbidrag");
  });

  it("puts every recipient's deadlines in one calendar", async () => {
    const all = calendar(await collectDeadlines(opened.db, { draftOrganisations: "all" }, "2023-11-20"), { today: "2023-11-20", withinDays: 30 });
    const requisitions = all.filter((d) => d.kind === "requisition");
    // 21 regions, 6 cooperation regions, SKR once per each of its five parts.
    expect(requisitions).toHaveLength(21 + 6 + 5);
    expect(requisitions.every((d) => d.daysLeft === 11 && d.counterpart === "Kammarkollegiet")).toBe(true);
  });
});
