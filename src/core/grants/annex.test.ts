import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAnnexRows, parseAnnexText } from "./annex";

const seed002 = new URL("../../../test/fixtures/seeds/002-government-decision-S2023-00488.txt", import.meta.url);

function annex1Text(): string {
  const text = readFileSync(seed002, "utf8");
  const start = text.indexOf("Region\tBelopp, kr");
  const end = text.indexOf("Totalt\t62 500 000") + "Totalt\t62 500 000".length;
  return text.slice(start, end);
}

describe("parseAnnexText", () => {
  it("reads seed 002's annex 1 as pasted: 21 regions summing to 62 500 000 kr, Norrbotten included", () => {
    const lines = parseAnnexText(annex1Text(), "regions");
    expect(lines).toHaveLength(21);
    expect(lines.reduce((a, l) => a + l.amount, 0)).toBe(62_500_000_00);
    expect(lines.find((l) => l.name === "Region Norrbottens")).toMatchObject({ recipientCode: "25", amount: 1_481_762_00 });
    expect(lines.find((l) => l.recipientCode === "23")?.amount).toBe(787_491_00);
  });

  it("reads cooperation regions by the names annex 2 uses", () => {
    const lines = parseAnnexText("Norra samverkansregionen\t10 000 000\nSödra samverkansregionen\t10 000 000\nTotalt\t20 000 000", "cooperation_regions");
    expect(lines.map((l) => l.recipientCode)).toEqual(["SVR-NORRA", "SVR-SODRA"]);
  });

  it("reads amounts typed after the name with spaces", () => {
    expect(parseAnnexText("Region Gotland 363 580", "regions")).toEqual([{ recipientCode: "09", name: "Region Gotland", amount: 363_580_00, line: 1 }]);
  });

  it("rejects the whole annex and names line and field of every problem", () => {
    const text = "Region Stockholm\t14 486 584\nRegion Atlantis\t100\nRegion Gotland\tmycket\nRegion Stockholm\t1";
    expect(() => parseAnnexText(text, "regions")).toThrow(/inget sparades/);
    try {
      parseAnnexText(text, "regions");
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('rad 2, fält mottagare: "Region Atlantis" är inte en region');
      expect(message).toContain('rad 3, fält belopp: "mycket"');
      expect(message).toContain('rad 4, fält mottagare: "Region Stockholm" finns redan på rad 1');
    }
  });

  it("checks a Totalt line against the sum", () => {
    expect(() => parseAnnexText("Region Gotland\t363 580\nTotalt\t363 581", "regions")).toThrow(/rad 2, fält belopp: raden Totalt anger 363\u00a0581\u00a0kr men beloppen summerar till 363\u00a0580\u00a0kr/);
  });
});

describe("parseAnnexRows", () => {
  it("takes spreadsheet numbers as kronor, exactly", () => {
    const lines = parseAnnexRows([{ line: 1, cells: ["Mottagare", "Belopp"] }, { line: 2, cells: ["Region Halland", 2036776] }, { line: 3, cells: ["Region Skåne", 0.1] }], "regions", "bilaga.xlsx");
    expect(lines.map((l) => l.amount)).toEqual([2_036_776_00, 10]);
  });

  it("refuses a number with more than two decimals", () => {
    expect(() => parseAnnexRows([{ line: 4, cells: ["Region Halland", 1.005] }], "regions", "bilaga.xlsx")).toThrow(/bilaga.xlsx, rad 4, fält belopp/);
  });

  it("reports an empty annex", () => {
    expect(() => parseAnnexRows([], "regions", "bilaga.csv")).toThrow(/inga mottagare/);
  });
});
