import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { allocate } from "../core/allocation";
import type { AllocationInput } from "../core/allocation/types";
import { allocationTable, toCsv, toXlsx } from "./allocation-export";
import { readXlsxTable } from "./xlsx/read";

const KR = 100;
const TKR = 100_000;

// Seed 003: Region Jämtland Härjedalen's 5 039 944 kr, fixed lines and a remainder line.
const seed003: AllocationInput = {
  total: 5_039_944 * KR,
  unit: KR,
  rounding: "largest-remainder",
  lines: [
    { key: "bup", label: "Öronmärkta medel för Barn och ungdomspsykiatrin", method: "fixed", amount: 973_541 * KR },
    { key: "hospa", label: "Tillgänglighetssamordnare, HOSPA", method: "fixed", amount: 900_000 * KR },
    { key: "ovrigt", label: "Övriga kostnader", method: "fixed", amount: 250_000 * KR },
    { key: "lots", label: "Central vårdlots", method: "fixed", amount: 1_500_000 * KR },
    { key: "rest", label: "=Övriga strategiska tillgänglighetssatsningar", method: "remainder" },
  ],
};

// Seed 000: 11 462,5 tkr in equal parts to 7 regions, each rounded up to whole 10 tkr.
const seed000: AllocationInput = {
  total: 11_462_500 * KR,
  unit: 10 * TKR,
  rounding: "up",
  lines: ["03", "04", "17", "18", "19", "20", "21"].map((key) => ({ key, label: `Region ${key}`, method: "equal" as const })),
};

const byPopulation: AllocationInput = {
  total: 100 * KR,
  unit: KR,
  rounding: "largest-remainder",
  lines: [
    { key: "a", label: "Region A", method: "weight", weight: 1, basis: "Folkmängd" },
    { key: "b", label: "Region B", method: "weight", weight: 1, basis: "Folkmängd" },
    { key: "c", label: "Region C", method: "weight", weight: 1, basis: "Folkmängd" },
  ],
};

describe("allocationTable", () => {
  it("lays out seed 003 with exact quotas, amounts, total and a passing check row", () => {
    const result = allocate(seed003);
    const table = allocationTable(result, { title: "Strategiska medel 2023", keyDescription: "Fasta belopp och rest" });
    expect(table.columns.map((c) => c.header)).toEqual([
      "Mottagare", "Underlag/vikt", "Exakt kvot (kr)", "Belopp (kr)", "Avrundning (kr)", "Restrang", "Förklaring",
    ]);
    expect(table.rows.map((r) => r[3])).toEqual([97_354_100, 90_000_000, 25_000_000, 150_000_000, 141_640_300]);
    expect(table.rows[4]![2]).toBe("1416403.0000");
    expect(table.totalRow).toEqual(["Summa", null, "5039944.0000", 503_994_400, "0.0000", null, null]);
    expect(table.footerRows?.[0]?.[3]).toBe(0);
    expect(String(table.footerRows?.[0]?.[6]).replace(/\u00a0/g, " ")).toBe("Summa stämmer med totalen 5 039 944 kr");
    expect(table.notes).toContain("Fördelningsnyckel: Fasta belopp och rest");
  });

  it("shows seed 000's rounding up to 10 tkr: 1 640 tkr each, 17 500 kr over, and says so", () => {
    const result = allocate(seed000);
    const table = allocationTable(result, { title: "Budget 2024", lines: seed000.lines });
    expect(table.rows.every((r) => r[3] === 1_640 * TKR)).toBe(true);
    expect(table.rows[0]![2]).toBe("1637500.0000");
    expect(table.rows[0]![4]).toBe("2500.0000");
    expect(table.totalRow?.[3]).toBe(11_480 * TKR);
    expect(table.totalRow?.[2]).toBe("11462500.0000");
    expect(table.totalRow?.[4]).toBe("17500.0000");
    const check = table.footerRows?.[0];
    expect(check?.[3]).toBe(17_500 * KR);
    expect(String(check?.[6]).replace(/\u00a0/g, " ")).toBe(
      "Summan 11 480 000 kr avviker från totalen 11 462 500 kr med 17 500 kr (avrundning av varje andel)",
    );
    expect(table.notes?.some((n) => n.replace(/\u00a0/g, " ") === "Avrundningsenhet: 10 tkr")).toBe(true);
  });

  it("shows weights from the input lines and flags quotas that are not exact", () => {
    const result = allocate(byPopulation);
    const table = allocationTable(result, { title: "Per invånare", lines: byPopulation.lines });
    expect(table.rows.map((r) => r[1])).toEqual([1, 1, 1]);
    expect(table.rows.map((r) => r[2])).toEqual(["33.3333", "33.3333", "33.3333"]);
    expect(table.rows.map((r) => r[3])).toEqual([3_400, 3_300, 3_300]);
    expect(table.rows.map((r) => r[4])).toEqual(["0.6667", "-0.3333", "-0.3333"]);
    expect(table.rows[0]![5]).toBe(1);
    expect(table.totalRow?.slice(0, 5)).toEqual(["Summa", 3, "100.0000", 10_000, "0.0000"]);
    expect(table.notes?.some((n) => n.startsWith("Exakt kvot och avrundning visas med 4 decimaler"))).toBe(true);
  });
});

describe("allocation files", () => {
  it("writes seed 003 to CSV with kronor, quotas with decimal comma and a neutralised label", () => {
    const csv = toCsv(allocate(seed003), { title: "Strategiska medel 2023", organisationName: "Region Jämtland Härjedalen" });
    const rows = parse(csv, { delimiter: ";", bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(["Mottagare", "Underlag/vikt", "Exakt kvot (kr)", "Belopp (kr)", "Avrundning (kr)", "Restrang", "Förklaring"]);
    expect(rows[1]!.slice(0, 5)).toEqual(["Öronmärkta medel för Barn och ungdomspsykiatrin", "", "973541,0000", "973541", "0,0000"]);
    expect(rows[5]![0]).toBe("'=Övriga strategiska tillgänglighetssatsningar");
    expect(rows[5]![3]).toBe("1416403");
    expect(rows[6]!.slice(0, 4)).toEqual(["Summa", "", "5039944,0000", "5039944"]);
    expect(rows[7]![0]).toBe("Kontroll");
    expect(rows.some((r) => r[0] === "Organisation: Region Jämtland Härjedalen")).toBe(true);
  });

  it("writes seed 000 to XLSX with numeric kronor and reads it back", async () => {
    const created = new Date("2023-03-01T08:00:00Z");
    const buffer = await toXlsx(allocate(seed000), { title: "Budget 2024 Samverkansnämnden", organisationName: "Samverkansnämnden", createdAt: created });
    const { name, rows } = await readXlsxTable(buffer);
    expect(name).toBe("Fördelning");
    expect(rows[0]![0]).toBe("Budget 2024 Samverkansnämnden");
    expect(rows[2]!.slice(0, 6)).toEqual(["Region 03", null, 1_637_500, 1_640_000, 2_500, null]);
    expect(rows[9]!.slice(0, 5)).toEqual(["Summa", null, 11_462_500, 11_480_000, 17_500]);
    expect(rows[10]![0]).toBe("Kontroll");
    expect(rows[10]![3]).toBe(17_500);
  });
});
