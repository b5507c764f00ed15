import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { writeXlsx } from "./write";
import { readXlsxTable } from "./read";
import type { Table } from "../table";

const projects: Table = {
  title: "Projektredovisning 2023",
  columns: [
    { header: "Projekt", kind: "text" },
    { header: "IB (kr)", kind: "money" },
    { header: "Kostnader (kr)", kind: "money" },
    { header: "Andel", kind: "percent" },
  ],
  rows: [
    ["8925", 17_677_900, -51_062_100, 12.5],
    ["=8930+1", 353_442_400, -285_748_750, null],
  ],
  totalRow: ["Summa", 371_120_300, -336_810_850, null],
  footerRows: [["Kontroll", null, null, null]],
  notes: ["Källa: bokslut 2023", "-fotnot som ser ut som en formel"],
};

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

describe("writeXlsx", () => {
  it("writes title, header, numeric kronor, total, footer and notes, and reads them back", async () => {
    const buffer = await writeXlsx([{ table: projects }], { creator: "Region Test", created: new Date("2024-03-31T10:00:00Z") });
    const { name, rows } = await readXlsxTable(buffer);
    expect(name).toBe("Projektredovisning 2023");
    expect(rows).toEqual([
      ["Projektredovisning 2023", null, null, null],
      ["Projekt", "IB (kr)", "Kostnader (kr)", "Andel"],
      ["8925", 176_779, -510_621, 0.125],
      ["'=8930+1", 3_534_424, -2_857_487.5, null],
      ["Summa", 3_711_203, -3_368_108.5, null],
      ["Kontroll", null, null, null],
      [null, null, null, null],
      ["Källa: bokslut 2023", null, null, null],
      ["'-fotnot som ser ut som en formel", null, null, null],
    ]);
  });

  it("stores money as number cells with a Swedish grouped format and never a formula", async () => {
    const wb = await load(await writeXlsx([{ table: projects }]));
    const ws = wb.worksheets[0]!;
    const amount = ws.getCell("C3");
    expect(amount.type).toBe(ExcelJS.ValueType.Number);
    expect(amount.value).toBe(-510_621);
    expect(ws.getCell("B3").numFmt).toBe("#,##0;-#,##0");
    // A column with öre shows two decimals.
    expect(ws.getCell("C4").numFmt).toBe("#,##0.00;-#,##0.00");
    const injected = ws.getCell("A4");
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.formula).toBeUndefined();
  });

  it("makes the header bold and frozen, the total bold, and sets widths and metadata", async () => {
    const created = new Date("2024-03-31T10:00:00Z");
    const wb = await load(await writeXlsx([{ table: projects }], { title: "Årsredovisning", creator: "Region Test", created }));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell("A5").font?.bold).toBe(true);
    expect(ws.getCell("A3").font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual("Kostnader (kr)".length);
    expect(wb.title).toBe("Årsredovisning");
    expect(wb.creator).toBe("Region Test");
    expect(wb.created.toISOString()).toBe(created.toISOString());
  });

  it("keeps exact kronor in tkr columns and only scales the display", async () => {
    const table: Table = {
      title: "Abonnemang",
      columns: [{ header: "Region", kind: "text" }, { header: "Belopp (tkr)", kind: "money", unit: "tkr" }],
      rows: [["Blekinge", 16_295_100_000]],
    };
    const wb = await load(await writeXlsx([{ table }]));
    const cell = wb.worksheets[0]!.getCell("B3");
    expect(cell.value).toBe(162_951_000);
    expect(cell.numFmt).toBe("#,##0,;-#,##0,");
  });

  it("writes several sheets with unique, valid names and picks a sheet by name or position", async () => {
    const other: Table = { title: "Projektredovisning 2023", columns: [{ header: "A", kind: "integer" }], rows: [[7]] };
    const odd: Table = { title: "Budget: 2024/2025 [utkast]", columns: [{ header: "B", kind: "integer" }], rows: [[1]] };
    const buffer = await writeXlsx([{ table: projects }, { table: other }, { table: odd }]);
    const wb = await load(buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Projektredovisning 2023", "Projektredovisning 2023 (2)", "Budget  2024 2025  utkast"]);
    expect((await readXlsxTable(buffer, 2)).rows[2]).toEqual([7]);
    expect((await readXlsxTable(buffer, "Budget  2024 2025  utkast")).rows[2]).toEqual([1]);
    await expect(readXlsxTable(buffer, "Saknas")).rejects.toThrow('Bladet "Saknas" finns inte');
  });

  it("refuses an empty workbook and a table that does not fit its columns", async () => {
    await expect(writeXlsx([])).rejects.toThrow("minst ett blad");
    const bad: Table = { title: "Fel", columns: [{ header: "Belopp", kind: "money" }], rows: [["x"]] };
    await expect(writeXlsx([{ table: bad }])).rejects.toThrow('Tabellen "Fel", rad 1, kolumn "Belopp"');
  });
});
