import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { writeCsv } from "./write";
import type { Table } from "../table";

const budget: Table = {
  title: "Budget och utfall 2023",
  columns: [
    { header: "Kontoklass", kind: "text" },
    { header: "Budget (kr)", kind: "money" },
    { header: "Utfall (kr)", kind: "money" },
    { header: "Invånare", kind: "integer" },
    { header: "Uppräkning", kind: "percent" },
    { header: "Kvot (kr)", kind: "decimal", decimals: 4 },
  ],
  rows: [
    ["Intäkter", 840_000_000, 834_608_900, 2_104_945, 2.5, "1234.5"],
    ["Övriga kostnader; inkl. \"licenser\"", -120_000_000, -141_734_250, null, null, "-0.25"],
  ],
  totalRow: ["Summa", 720_000_000, 692_874_650, 2_104_945, null, "1234.25"],
  notes: ["Utfall enligt bokslut"],
};

function records(csv: string, delimiter: string): string[][] {
  return parse(csv, { delimiter, bom: true, relax_column_count: true }) as string[][];
}

describe("writeCsv", () => {
  it("starts with a BOM, uses semicolons and CRLF, and writes money as plain kronor", () => {
    const csv = writeCsv(budget);
    expect(csv.startsWith("\ufeffKontoklass;Budget (kr);")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe("Intäkter;8400000;8346089;2104945;2,5;1234,5000");
    expect(records(csv, ";")).toEqual([
      ["Kontoklass", "Budget (kr)", "Utfall (kr)", "Invånare", "Uppräkning", "Kvot (kr)"],
      ["Intäkter", "8400000", "8346089", "2104945", "2,5", "1234,5000"],
      ['Övriga kostnader; inkl. "licenser"', "-1200000", "-1417342,50", "", "", "-0,2500"],
      ["Summa", "7200000", "6928746,50", "2104945", "", "1234,2500"],
    ]);
  });

  it("keeps a negative amount a number: no quote, no apostrophe", () => {
    const line = writeCsv(budget).split("\r\n")[2]!;
    expect(line).toContain(";-1200000;-1417342,50;");
    expect(line.startsWith('"Övriga kostnader; inkl. ""licenser"""')).toBe(true);
  });

  it("switches to a dot decimal sign with a comma separator so amounts stay one field", () => {
    const csv = writeCsv(budget, { separator: ",", byteOrderMark: false });
    expect(csv.startsWith("Kontoklass,")).toBe(true);
    expect(records(csv, ",")[2]).toEqual(['Övriga kostnader; inkl. "licenser"', "-1200000", "-1417342.50", "", "", "-0.2500"]);
  });

  it("puts the title first and the notes last only when asked", () => {
    const csv = writeCsv(budget, { includeTitle: true, includeNotes: true });
    const lines = csv.replace("\ufeff", "").split("\r\n");
    expect(lines[0]).toBe("Budget och utfall 2023");
    expect(lines.at(-2)).toBe("Utfall enligt bokslut");
    expect(lines.at(-3)).toBe("");
    expect(writeCsv(budget)).not.toContain("Utfall enligt bokslut");
  });

  it("neutralises text that a spreadsheet would run as a formula, full-width forms too", () => {
    const dangerous = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠A1"];
    const table: Table = {
      title: "Inmatning",
      columns: [{ header: "Text", kind: "text" }, { header: "Belopp", kind: "money" }],
      rows: [...dangerous.map((d) => [d, -100]), ["Vanlig text", 100]],
    };
    const parsed = records(writeCsv(table), ";").slice(1);
    expect(parsed.map((r) => r[0])).toEqual([...dangerous.map((d) => `'${d}`), "Vanlig text"]);
    expect(parsed.map((r) => r[1])).toEqual([...dangerous.map(() => "-1"), "1"]);
  });

  it("neutralises a dangerous header or title as well", () => {
    const table: Table = { title: "=cmd", columns: [{ header: "@x", kind: "text" }], rows: [] };
    expect(writeCsv(table, { includeTitle: true, byteOrderMark: false })).toBe("'=cmd\r\n'@x\r\n");
  });

  it("refuses a table whose row does not fit the columns", () => {
    const bad: Table = { title: "Fel", columns: [{ header: "A", kind: "money" }], rows: [["text"]] };
    expect(() => writeCsv(bad)).toThrow('Tabellen "Fel", rad 1, kolumn "A"');
  });
});
