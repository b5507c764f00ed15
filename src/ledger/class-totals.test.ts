import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import { accountClassifier } from "../core/followup/account-class";
import { budgetVsOutcome, type BudgetOutcomeReport } from "../core/followup/budget-outcome";
import { generateSieFile } from "../formats/sie";
import type { OpenDatabase } from "../db/connect";
import { importSie } from "./import-sie";
import { importOutcomeCsv } from "./import-csv";
import { replaceAccountClasses } from "./mappings";
import { accountClassOverrides, buildClassTotals } from "./class-totals";
import { budgetCellsFromLines, budgetVsOutcomeReport, objectNames, outcomeCells, type BudgetOutcomeQuery } from "./report";

let opened: OpenDatabase;
let org: number;

async function generated(transactions: number): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await generateSieFile(out, { seed: 7, transactions, accounts: 40, costCentres: 15, projects: 9, year: 2024 });
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  await importSie(opened.db, await generated(4000), { organisationId: org, fileName: "gen.se" });
});
afterAll(async () => opened.close());

/** The same report summed per account from ledger_totals and the budget lines, the way it was made before the class and budget sums. */
async function fromAccountTotals(q: BudgetOutcomeQuery): Promise<BudgetOutcomeReport> {
  const [outcome, budget, overrides, labels] = await Promise.all([
    outcomeCells(opened.db, q),
    budgetCellsFromLines(opened.db, q),
    accountClassOverrides(opened.db, q.organisationId),
    objectNames(opened.db, q.organisationId, q.by),
  ]);
  // Cost centres' sums are per year: the month the books are closed through comes from the months.
  const months = q.by === "costcentre" ? await fromAccountTotals({ ...q, by: "month" }) : undefined;
  return budgetVsOutcome({ year: q.year, by: q.by, outcome, budget, classify: accountClassifier(overrides), labels, ...(months ? { asOfMonth: months.asOfMonth } : {}) });
}

describe("budget vs outcome from the sums per account class and the budgets kept at import", () => {
  it("stores at import the class sums that summing its stored totals in SQL gives", async () => {
    const { id } = await opened.db.selectFrom("ledger_imports").select("id").where("organisation_id", "=", org).executeTakeFirstOrThrow();
    const stored = () => opened.db.selectFrom("ledger_class_totals").select(["dimension", "period", "object", "class", "kind", "amount_ore"]).where("import_id", "=", id).orderBy(["kind", "dimension", "period", "object", "class"]).execute();
    const atImport = await stored();
    expect(atImport.length).toBeGreaterThan(100);
    await opened.db.transaction().execute(async (trx) => {
      await buildClassTotals(trx, id, await accountClassOverrides(trx, org));
    });
    expect(await stored()).toEqual(atImport);
  });

  it("gives the report the per-account sums give, for every grouping, and follows a changed class mapping", async () => {
    for (const step of ["BAS", "changed"] as const) {
      if (step === "changed") {
        // Some costs become income and some result accounts balance accounts: the sums must follow.
        await replaceAccountClasses(opened.db, org, [
          { from: "4000", to: "5999", class: "income" },
          { from: "8000", to: "8999", class: "balance" },
        ]);
      }
      for (const by of ["class", "account", "month", "project", "costcentre"] as const) {
        const q = { organisationId: org, year: 2024, by };
        const report = await budgetVsOutcomeReport(opened.db, q);
        expect(report, `${step} ${by}`).toEqual(await fromAccountTotals(q));
        expect(report.rows.length, `${step} ${by}`).toBeGreaterThan(1);
      }
    }
    const state = await opened.db.selectFrom("ledger_class_totals_state").select("classing").execute();
    expect(state.map((s) => JSON.parse(s.classing))).toEqual([[["4000", "5999", "income"], ["8000", "8999", "balance"]]]);
  });

  it("adds up the cells of two live imports of the year, a CSV of outcome beside the SIE file", async () => {
    const mapping = { name: "utfall", separator: ";", decimalComma: true, hasHeader: true, encoding: "utf-8", sign: "ledger", columns: { account: "Konto", costCentre: "Ansvar", project: "Projekt", period: "Period", amount: "Belopp" } } as const;
    // Outcome by project and cost centre in the last two months, summed with the SIE file's own.
    const lines = ["Konto;Ansvar;Projekt;Period;Belopp", "5010;;P1;202411;1 000,00", "3010;K1;;202411;-250,00", "5010;K1;P1;202412;75,25"];
    await importOutcomeCsv(opened.db, Buffer.from(lines.join("\n"), "utf8"), mapping, { organisationId: org, fileName: "extra.csv" });
    const live = await opened.db.selectFrom("ledger_imports").select("id").where("organisation_id", "=", org).where("status", "=", "done").execute();
    expect(live.length).toBe(2);
    for (const by of ["class", "account", "month", "project", "costcentre"] as const) {
      const q = { organisationId: org, year: 2024, by };
      expect(await budgetVsOutcomeReport(opened.db, q), by).toEqual(await fromAccountTotals(q));
    }
  });
});
