import { describe, expect, it } from "vitest";
import { kr } from "../../format";
import { defaultLedgerYear, ledgerSyncText, ledgerYears, spendingSource } from "./ledger-sync";

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("ledger sync helpers", () => {
  it("picks the grant's year from its deadlines", () => {
    expect(defaultLedgerYear({ requisitionDeadline: "2023-12-01", repaymentDeadline: "2024-03-31" }, 2025)).toBe(2023);
    expect(defaultLedgerYear({ requisitionDeadline: null, repaymentDeadline: "2024-03-31" }, 2025)).toBe(2023);
    expect(defaultLedgerYear({ requisitionDeadline: null, repaymentDeadline: null }, 2025)).toBe(2025);
  });

  it("offers the years around it up to this year, newest first", () => {
    expect(ledgerYears(2023, 2025)).toEqual([2025, 2024, 2023, 2022, 2021]);
    expect(ledgerYears(2025, 2025)).toEqual([2026, 2025, 2024, 2023]);
  });

  it("names the source of a spending row", () => {
    expect(spendingSource({ source: "ledger", sourceRef: "huvudbok:2023:9929" })).toBe("Huvudboken 2023, objekt 9929");
    expect(spendingSource({ source: "manual", sourceRef: null })).toBe("Inmatad");
    expect(spendingSource({ source: "ledger", sourceRef: "annat" })).toBe("Huvudboken (annat)");
  });

  it("says what the fetch found", () => {
    expect(nb(ledgerSyncText({ object: "9929", year: 2023, costs: 462_354_100, income: 503_994_400, rows: 4, spendingId: 1 }, kr))).toBe(
      "Förbrukat enligt huvudboken 2023: 4 623 541 kr på objekt 9929 (4 rader). Intäkter på objektet: 5 039 944 kr.",
    );
    expect(ledgerSyncText({ object: "9929", year: 2024, costs: 0, income: 0, rows: 0, spendingId: null }, kr)).toBe("Huvudboken 2024 har inga rader på objekt 9929; ingen förbrukning hämtades.");
  });
});
