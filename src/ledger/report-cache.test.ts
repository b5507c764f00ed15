import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import { seed001Sie } from "../../test/fixtures/ledger/seed001-sie";
import type { OpenDatabase } from "../db/connect";
import { importSie } from "./import-sie";
import { budgetVsOutcomeReport } from "./report";
import { drillDown } from "./drilldown";
import { createLedgerCache, createReportCache, ledgerFingerprint } from "./report-cache";

let opened: OpenDatabase;
let org: number;

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  await importSie(opened.db, await seed001Sie(), { organisationId: org, fileName: "ssvr-2023.se" });
});
afterAll(async () => opened.close());

describe("the budget-vs-outcome report cache", () => {
  const q = () => ({ organisationId: org, year: 2023, by: "class" as const, project: "none" });

  it("serves the same report as computing it, and computes it once for many concurrent requests", async () => {
    const cache = createReportCache();
    const reports = await Promise.all(Array.from({ length: 20 }, () => cache.report(opened.db, q())));
    expect(cache.computed).toBe(1);
    const fresh = await budgetVsOutcomeReport(opened.db, q());
    for (const r of reports) expect(r).toEqual(fresh);
    await cache.report(opened.db, { ...q(), by: "month" });
    expect(cache.computed).toBe(2);
  });

  it("computes again when the account-class mapping changes, and gives the new figures", async () => {
    const cache = createReportCache();
    const before = await cache.report(opened.db, q());
    const fingerprint = await ledgerFingerprint(opened.db, org);
    await opened.db.insertInto("ledger_account_classes").values({ organisation_id: org, account_from: "3000", account_to: "3999", class: "other", joint_financing: false }).execute();
    try {
      expect(await ledgerFingerprint(opened.db, org)).not.toBe(fingerprint);
      const after = await cache.report(opened.db, q());
      expect(cache.computed).toBe(2);
      expect(after).toEqual(await budgetVsOutcomeReport(opened.db, q()));
      expect(after).not.toEqual(before);
    } finally {
      await opened.db.deleteFrom("ledger_account_classes").where("organisation_id", "=", org).execute();
    }
  });

  it("computes again after a new import of the year", async () => {
    const cache = createReportCache();
    await cache.report(opened.db, q());
    await importSie(opened.db, await seed001Sie(), { organisationId: org, fileName: "ssvr-2023-igen.se", replace: true });
    await cache.report(opened.db, q());
    expect(cache.computed).toBe(2);
  });

  it("keeps at most maxEntries reports and forgets a failed computation", async () => {
    let calls = 0;
    const cache = createReportCache({
      maxEntries: 2,
      compute: async (db, query) => {
        calls++;
        if (query.year === 1999) throw new Error("boom");
        return budgetVsOutcomeReport(db, query);
      },
    });
    await expect(cache.report(opened.db, { ...q(), year: 1999 })).rejects.toThrow("boom");
    await expect(cache.report(opened.db, { ...q(), year: 1999 })).rejects.toThrow("boom");
    expect(calls).toBe(2);
    for (const by of ["class", "month", "project"] as const) await cache.report(opened.db, { ...q(), by });
    await cache.report(opened.db, { ...q(), by: "class" });
    expect(calls).toBe(6);
  });
});

describe("the drill-down page cache", () => {
  it("serves a page as computing it does, once for many concurrent requests, the same question in any order", async () => {
    const cache = createLedgerCache(drillDown);
    const q = { organisationId: org, year: 2023, month: 3, limit: 100 };
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => cache.get(opened.db, i % 2 ? q : { limit: 100, month: 3, year: 2023, organisationId: org, project: undefined })));
    expect(cache.computed).toBe(1);
    const fresh = await drillDown(opened.db, q);
    for (const p of pages) expect(p).toEqual(fresh);
    await cache.get(opened.db, { ...q, offset: 100 });
    expect(cache.computed).toBe(2);
  });
});
