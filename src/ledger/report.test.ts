import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import { seed001Sie } from "../../test/fixtures/ledger/seed001-sie";
import type { OpenDatabase } from "../db/connect";
import { annualBudgetTable } from "../core/followup/annual-report";
import { checkNarrative } from "../core/followup/narrative";
import { SEED001_NARRATIVE } from "../core/followup/seed001.fixture";
import { readSie, writeSie4 } from "../formats/sie";
import { exportBudgetSie } from "./budget-export";
import { costsOnObject, drillDown } from "./drilldown";
import { importSie } from "./import-sie";
import { projectAccountsReport } from "./projects";
import { budgetVsOutcomeReport } from "./report";

const kr = (n: number) => n * 100;
let opened: OpenDatabase;
let org: number;

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  await opened.db.insertInto("ledger_account_classes").values({ organisation_id: org, account_from: "3010", account_to: "3019", class: "income", joint_financing: true }).execute();
  const result = await importSie(opened.db, await seed001Sie(), { organisationId: org, fileName: "ssvr-2023.se" });
  expect(result.ksumma).toBe("verified");
  expect(result.warnings).toEqual([]);
});
afterAll(async () => opened.close());

describe("seed 001 from an imported SIE file", () => {
  it("gives the annual report's budget vs outcome table (the board's operations, no project)", async () => {
    const report = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2023, by: "class", project: "none" });
    const table = annualBudgetTable(report).map((r) => [r.label, r.budget / 100, r.outcome / 100, r.deviation / 100]);
    expect(table).toEqual([
      ["Intäkter", 8_400_000, 8_346_089, -53_911],
      ["Personal", -7_600_000, -7_592_487, 7_513],
      ["Övriga verksamhetskostnader och finansiella poster", -1_200_000, -1_417_342, -217_342],
      ["Summa", -400_000, -663_740, -263_740],
    ]);
    expect(report.total.deviationPercent).toBe("-65,9");
    expect(report.asOfMonth).toBe(12);
    expect(report.total.forecast).toBe(kr(-663_740));
  });

  it("gives the project accounts with the subtotal excluding 8938 and the total", async () => {
    const t = await projectAccountsReport(opened.db, { organisationId: org, year: 2023, excludeFromSubtotal: ["8938"] });
    const row = (code: string) => [...t.rows, ...t.excludedRows].find((r) => r.code === code)!;
    expect([row("8925").opening, row("8925").jointFinancing, row("8925").otherIncome, row("8925").costs, row("8925").closing]).toEqual([kr(176_779), kr(332_040), kr(600_000), kr(510_621), kr(598_198)]);
    expect([row("8930").opening, row("8930").jointFinancing, row("8930").costs, row("8930").closing]).toEqual([kr(3_534_424), kr(1_052_472), kr(2_857_487), kr(1_729_409)]);
    expect([row("8941").opening, row("8941").jointFinancing, row("8941").otherIncome, row("8941").costs, row("8941").closing]).toEqual([kr(33_913_851), kr(1_249_108), kr(10_000_000), kr(10_539_502), kr(34_623_457)]);
    expect([row("8938").opening, row("8938").otherIncome, row("8938").costs, row("8938").closing]).toEqual([kr(18_690_849), kr(11_829_337), kr(13_534_611), kr(16_985_575)]);
    expect(t.rows.at(-1)).toMatchObject({ kind: "board", name: "Resultat nämnden 2023–2026", costs: kr(663_740), closing: kr(-663_740) });
    expect(t.subtotal).toMatchObject({ opening: kr(37_625_054), costs: kr(14_571_350), closing: kr(36_287_324) });
    expect([t.total.opening, t.total.closing]).toEqual([kr(56_315_903), kr(53_272_899)]);
    expect(checkNarrative(SEED001_NARRATIVE, t).mismatches.map((m) => `${m.project} ${m.field}`)).toEqual(["8941 costs", "8941 closing"]);
  });

  it("drills down to the vouchers behind a figure", async () => {
    const staff = await drillDown(opened.db, { organisationId: org, year: 2023, accountClass: "staff", project: "none" });
    expect(staff.total).toBe(2);
    expect(staff.sum).toBe(kr(7_592_487));
    expect(staff.rows.map((r) => [r.voucher, r.date, r.account, r.text ?? r.voucherText])).toEqual([
      ["A 4", "2023-08-31", "7010", "Löner kansliet"],
      ["A 3", "2023-02-28", "7010", "Löner kansliet"],
    ]);
    const march = await drillDown(opened.db, { organisationId: org, year: 2023, month: 3, project: "8941" });
    expect(march.rows.map((r) => r.amount)).toEqual([kr(-1_249_108)]);
  });

  it("counts and sums each drill-down as its rows do, from the kept sums or the rows, and pages without gaps", async () => {
    const all = await drillDown(opened.db, { organisationId: org, year: 2023, limit: 1000 });
    expect(all.rows).toHaveLength(all.total);
    const projects = [undefined, "none", ...new Set(all.rows.map((r) => r.project).filter((p): p is string => p !== null))];
    const centres = [undefined, "none", ...new Set(all.rows.map((r) => r.costCentre).filter((c): c is string => c !== null))];
    const accounts = [undefined, ...new Set(all.rows.map((r) => r.account))].slice(0, 4);
    for (const month of [undefined, 2, 3, 8]) {
      for (const project of projects) {
        for (const costCentre of centres) {
          for (const account of accounts) {
            const q = { organisationId: org, year: 2023, month, project, costCentre, account, limit: 1000 };
            const page = await drillDown(opened.db, q);
            const label = JSON.stringify(q);
            expect(page.total, label).toBe(page.rows.length);
            expect(page.sum, label).toBe(page.rows.reduce((a, r) => a + r.amount, 0));
          }
        }
      }
    }
    const first = await drillDown(opened.db, { organisationId: org, year: 2023, limit: 5 });
    const second = await drillDown(opened.db, { organisationId: org, year: 2023, limit: 5, offset: 5 });
    expect([...first.rows, ...second.rows]).toEqual(all.rows.slice(0, 10));
  });

  it("reports by project, cost centre and month from the same data", async () => {
    const byProject = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2023, by: "project" });
    expect(byProject.rows.map((r) => [r.key, r.outcome / 100])).toEqual([
      ["", -663_740],
      ["8925", 421_419],
      ["8930", -1_805_015],
      ["8938", -1_705_274],
      ["8941", 709_606],
    ]);
    const byCc = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2023, by: "costcentre" });
    // The budget has no cost centre: it stands on its own row.
    expect(byCc.rows.map((r) => [r.key, r.budget !== 0])).toEqual([["", true], ["100", false], ["200", false], ["300", false]]);
    expect(byCc.total.outcome).toBe(byProject.total.outcome);
    const byMonth = await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2023, by: "month", project: "none" });
    expect(byMonth.rows.find((r) => r.key === "01")).toMatchObject({ outcome: kr(4_000_000), budget: 70_000_000 - 63_333_333 - 10_000_000 });
  });

  it("feeds a grant's accounting object with its costs", async () => {
    expect(await costsOnObject(opened.db, { organisationId: org, object: "8941", year: 2023 })).toEqual({ object: "8941", year: 2023, costs: kr(10_539_502), income: kr(11_249_108), rows: 4 });
    expect((await costsOnObject(opened.db, { object: "8941", year: 2022 })).costs).toBe(0);
  });

  it("exports the budget as SIE #PBUDGET that reads back to the same figures", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const written = await exportBudgetSie(opened.db, { organisationId: org, year: 2023 }, out);
    expect(written.budgets).toBe(36);
    const budgets: Record<string, number> = {};
    const summary = await readSie(Buffer.concat(chunks), {
      onRecord: (r) => {
        if (r.type === "PBUDGET") budgets[r.account] = (budgets[r.account] ?? 0) + r.amount;
      },
    });
    expect(summary.ksumma).toBe("verified");
    expect(budgets).toEqual({ "3020": kr(-8_400_000), "7010": kr(7_600_000), "5410": kr(1_200_000) });
  });

  it("rolls 2023's closing balances into 2024 and carries the board's result", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await writeSie4(out, {
      program: { name: "test", version: "1" },
      generated: "2025-01-10",
      company: { name: "Södra regionvårdsnämnden" },
      years: [{ yearIndex: 0, start: "2024-01-01", end: "2024-12-31" }],
      vouchers: [
        { series: "A", number: "1", date: "2024-03-01", text: "Kostnad", transactions: [
          { kind: "TRANS", account: "5410", objects: [{ dimension: 6, code: "8941" }], amount: kr(1_000_000) },
          { kind: "TRANS", account: "1930", objects: [], amount: kr(-1_000_000) },
        ] },
      ],
    });
    await importSie(opened.db, Buffer.concat(chunks), { organisationId: org, fileName: "ssvr-2024.se" });
    const t = await projectAccountsReport(opened.db, { organisationId: org, year: 2024, excludeFromSubtotal: ["8938"] });
    expect(t.rows.find((r) => r.code === "8941")).toMatchObject({ opening: kr(34_623_457), openingSource: "previous_year", costs: kr(1_000_000), closing: kr(33_623_457) });
    expect(t.rows.find((r) => r.kind === "board")).toMatchObject({ opening: kr(-663_740), closing: kr(-663_740) });
    expect(t.subtotal.opening).toBe(kr(36_287_324));
    expect(t.total.opening).toBe(kr(53_272_899));
  });
});
