import { describe, expect, it } from "vitest";
import { suggestAccountClasses, type ChartAccount } from "./account-suggestion";

// Seed 001's chart as its SIE file has it (test/fixtures/ledger/seed001-sie.ts).
const seed001: ChartAccount[] = [
  { account: "1930", name: "Bank" },
  { account: "2990", name: "Projektmedel" },
  { account: "3010", name: "Solidarisk finansiering" },
  { account: "3020", name: "Ramanslag" },
  { account: "3120", name: "Statsbidrag" },
  { account: "3510", name: "Kursavgifter" },
  { account: "3920", name: "Övriga intäkter" },
  { account: "5410", name: "Förbrukningsinventarier" },
  { account: "6550", name: "Konsulter" },
  { account: "7010", name: "Löner" },
  { account: "8410", name: "Räntekostnader" },
];

describe("suggestAccountClasses", () => {
  it("suggests seed 001's 3010 as joint financing and shows its other income accounts as they count already", () => {
    const s = suggestAccountClasses(seed001, []);
    expect(s.rows.map((r) => [r.account, r.treatment, r.change])).toEqual([
      ["3010", "jointFinancing", true],
      ["3020", "otherIncome", false],
      ["3120", "otherIncome", false],
      ["3510", "otherIncome", false],
      ["3920", "otherIncome", false],
    ]);
    expect(s.rows[0]!.reason).toBe("namnet innehåller ”solidarisk finansiering”");
    expect(s.additions).toEqual([{ from: "3010", to: "3010", class: "income", jointFinancing: true }]);
    expect(s.basis).toBe("3010:J");
  });

  it("leaves accounts inside the organisation's own ranges as the user set them", () => {
    const s = suggestAccountClasses(seed001, [{ from: "3000", to: "3099", class: "income", jointFinancing: false }]);
    expect(s.rows.map((r) => r.account)).toEqual(["3120", "3510", "3920"]);
    expect(s.additions).toEqual([]);
    expect(s.basis).toBe("");
  });

  it("finds income outside class 3 by name or #KTYP I, never a balance account, and the other names of joint financing", () => {
    const s = suggestAccountClasses(
      [
        { account: "2991", name: "Förutbetalda samverkansmedel" },
        { account: "3011", name: "Samverkansmedel från regionerna" },
        { account: "3012", name: "Medfinansiering kommuner" },
        { account: "4990", name: "Bidrag från EU" },
        { account: "6990", name: "Övrigt", type: "I" },
        { account: "5010", name: "Lokalhyra" },
        { account: "7690", name: "Samverkansmedel", type: "K" },
      ],
      [],
    );
    expect(s.rows.map((r) => [r.account, r.treatment, r.change])).toEqual([
      ["3011", "jointFinancing", true],
      ["3012", "jointFinancing", true],
      ["4990", "otherIncome", true],
      ["6990", "otherIncome", true],
    ]);
    expect(s.rows[2]!.reason).toBe("namnet innehåller ”bidrag”; BAS räknar kontot som övriga verksamhetskostnader");
    expect(s.rows[3]!.reason).toContain("kontotypen i filen är I (intäkt)");
    expect(s.additions.map((a) => [a.from, a.class, a.jointFinancing])).toEqual([
      ["3011", "income", true],
      ["3012", "income", true],
      ["4990", "income", false],
      ["6990", "income", false],
    ]);
  });
});
