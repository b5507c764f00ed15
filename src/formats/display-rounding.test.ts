import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundTableForDisplay } from "./display-rounding";
import type { Table } from "./table";

const nbsp = /\u00a0/g;
const TKR = 100_000;

function subscriptionRow(): Table {
  // Blekinge's row of seed 001's subscription matrix, with öre behind the shown tkr figures.
  const lines = [12_854_360_000, 2_391_130_000, 1_049_650_000];
  return {
    title: "Abonnemang 2023, Region Blekinge",
    columns: [
      { header: "Säljande enhet", kind: "text" },
      { header: "Belopp", kind: "money" },
    ],
    rows: [
      ["Region Skåne", lines[0]!],
      ["Region Kronoberg", lines[1]!],
      ["Region Blekinge", lines[2]!],
    ],
    totalRow: ["Summa", lines.reduce((a, b) => a + b, 0)],
  };
}

describe("roundTableForDisplay", () => {
  it("rounds lines and total independently and explains seed 001's Blekinge gap in Swedish", () => {
    const shown = roundTableForDisplay(subscriptionRow(), "tkr");
    expect(shown.rows.map((r) => r[1])).toEqual([12_854_400_000, 2_391_100_000, 1_049_700_000]);
    expect(shown.totalRow?.[1]).toBe(16_295_100_000);
    expect(shown.columns[1]!.unit).toBe("tkr");
    expect(shown.notes?.map((n) => n.replace(nbsp, " "))).toEqual([
      "Beloppen är avrundade till tkr; summan av de avrundade beloppen, 162 952 tkr, avviker från den avrundade totalen 162 951 tkr",
    ]);
  });

  it("says how it rounds, without a warning, when the rounded lines add up", () => {
    const table: Table = {
      title: "Budgettillskott",
      columns: [
        { header: "Ändamål", kind: "text" },
        { header: "Belopp", kind: "money" },
      ],
      rows: [
        ["Personalkostnader", 8_100_000_000],
        ["Nya metoder", 5_000_000_000],
      ],
      totalRow: ["Summa", 13_100_000_000],
      notes: ["Befintlig not"],
    };
    const shown = roundTableForDisplay(table, "mkr");
    expect(shown.notes?.[0]).toBe("Befintlig not");
    expect(shown.notes?.[1]).toMatch(/^Beloppen är avrundade var för sig till hela mkr/);
    expect(shown.notes).toHaveLength(2);
  });

  it("names the column when several money columns disagree", () => {
    const table: Table = {
      title: "Två kolumner",
      columns: [
        { header: "Post", kind: "text" },
        { header: "Budget", kind: "money" },
        { header: "Utfall", kind: "money" },
      ],
      rows: [
        ["A", 150_000, 100_000],
        ["B", 150_000, 100_000],
      ],
      totalRow: ["Summa", 300_000, 200_000],
    };
    const notes = roundTableForDisplay(table, "tkr").notes ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]!.replace(nbsp, " ")).toBe(
      'Beloppen i kolumnen "Budget" är avrundade till tkr; summan av de avrundade beloppen, 4 tkr, avviker från den avrundade totalen 3 tkr',
    );
  });

  it("rounds each cell to the nearest whole unit, exact halves away from zero", () => {
    const cells = [150_000, 149_999, -150_000, -149_999, 0];
    const table: Table = { title: "Halvor", columns: [{ header: "Belopp", kind: "money" }], rows: cells.map((c) => [c]) };
    expect(roundTableForDisplay(table, "tkr").rows.map((r) => r[0])).toEqual([200_000, 100_000, -200_000, -100_000, 0]);
  });

  it("keeps every shown cell within half a unit of the exact amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom("kr" as const, "tkr" as const, "mkr" as const), (ore, unit) => {
        const step = { kr: 100, tkr: TKR, mkr: 100_000_000 }[unit];
        const table: Table = { title: "T", columns: [{ header: "Belopp", kind: "money" }], rows: [[ore]] };
        const shown = roundTableForDisplay(table, unit).rows[0]![0] as number;
        expect(shown % step === 0).toBe(true);
        expect(Math.abs(shown - ore) * 2 <= step).toBe(true);
      }),
    );
  });

  it("warns exactly when the rounded lines miss the rounded total", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 12 }), (lines) => {
        const table: Table = {
          title: "T",
          columns: [{ header: "Belopp", kind: "money" }],
          rows: lines.map((l) => [l]),
          totalRow: [lines.reduce((a, b) => a + b, 0)],
        };
        const shown = roundTableForDisplay(table, "tkr");
        const sum = shown.rows.reduce((a, r) => a + (r[0] as number), 0);
        const warned = (shown.notes ?? []).some((n) => n.includes("avviker"));
        expect(warned).toBe(sum !== shown.totalRow?.[0]);
      }),
    );
  });

  it("rejects a money cell that is not whole öre, naming table, row and column", () => {
    const table: Table = {
      title: "Fel",
      columns: [{ header: "Belopp", kind: "money" }],
      rows: [[12.5]],
    };
    expect(() => roundTableForDisplay(table, "tkr")).toThrow('Tabellen "Fel", rad 1, kolumn "Belopp"');
  });
});
