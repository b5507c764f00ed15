import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePng, inkShare } from "../../../test/helpers/png";
import { seed004, seed004Lines } from "../../../test/fixtures/decisions/seed-004";
import { allocate } from "../../core/allocation";
import { allocationTable } from "../allocation-export";
import { renderDecisionPdf, type DecisionDocument } from "./decision";

const hasPoppler = spawnSync("which", ["pdftoppm"]).status === 0 && spawnSync("which", ["pdftotext"]).status === 0;
const skipReason = hasPoppler ? "" : " (HOPPAS ÖVER: pdftoppm/pdftotext från poppler-utils saknas på maskinen)";

function spaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

async function renderToDisk(doc: DecisionDocument): Promise<{ dir: string; pdf: string }> {
  const dir = mkdtempSync(join(tmpdir(), "fordela-pdf-"));
  const pdf = join(dir, "beslut.pdf");
  writeFileSync(pdf, await renderDecisionPdf(doc));
  return { dir, pdf };
}

function pdfText(pdf: string): string {
  return spaces(execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }));
}

describe("renderDecisionPdf", () => {
  it("makes a PDF whose metadata names the document and case", async () => {
    const bytes = await renderDecisionPdf(seed004);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The seed's nine lines are the ones the document's total is made from.
    expect(seed004Lines.reduce((sum, [, ore]) => sum + ore, 0)).toBe(19_000_000_000);
  });

  describe.skipIf(!hasPoppler)(`rendered with poppler${skipReason}`, () => {
    it("renders seed 004 with ink where the heading and the table are, on two pages", async () => {
      const { dir, pdf } = await renderToDisk(seed004);
      execFileSync("pdftoppm", ["-r", "60", "-png", pdf, join(dir, "sida")]);
      const pages = readdirSync(dir).filter((f) => f.startsWith("sida") && f.endsWith(".png")).sort();
      expect(pages).toHaveLength(2);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(info).toMatch(/Pages:\s+2/);

      const page = decodePng(readFileSync(join(dir, pages[0]!)));
      expect(page.width).toBeLessThan(page.height);
      // Top margin is blank; the title band and the table band carry text and rules.
      expect(inkShare(page, 0, 0.05)).toBeLessThan(0.001);
      expect(inkShare(page, 0.14, 0.18)).toBeGreaterThan(0.01);
      expect(inkShare(page, 0.47, 0.74)).toBeGreaterThan(0.01);
    });

    it("fits a seven-column allocation table inside the page margins", async () => {
      const MKR = 100_000_000;
      const result = allocate({
        total: 190 * MKR,
        unit: 100,
        rounding: "largest-remainder",
        lines: seed004Lines.map(([label], i) => ({ key: `l${i}`, label, method: "weight" as const, weight: i + 1 })),
      });
      const table = allocationTable(result, { title: "Fördelning efter vikt" });
      const { dir, pdf } = await renderToDisk({ ...seed004, tables: [{ table }] });
      execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", pdf, join(dir, "bred")]);
      const file = readdirSync(dir).find((f) => f.startsWith("bred") && f.endsWith(".png"))!;
      const page = decodePng(readFileSync(join(dir, file)));
      // A4 margins are 62 pt of 595: nothing may be drawn in the outer 8 % on either side.
      expect(inkShare(page, 0, 1, 0.92, 1)).toBe(0);
      expect(inkShare(page, 0, 1, 0, 0.08)).toBe(0);
      expect(inkShare(page, 0.3, 0.9, 0.1, 0.9)).toBeGreaterThan(0.01);
      const text = pdfText(pdf);
      expect(text).toContain("Exakt kvot (kr)");
      expect(text).toMatch(/Summa\s+[\d ]*?190 000 000,0000\s+190 000 000\s/);
    });

    it("carries heading, case number, the lines, Summa 190 mkr and Swedish letters as text", async () => {
      const { pdf } = await renderToDisk(seed004);
      const text = pdfText(pdf);
      expect(text).toContain("Fördelning av budgettillskott till HSN 2025");
      expect(text).toContain("HSN 1430-2024");
      expect(text).toContain("Sammanfattning");
      expect(text).toMatch(/Summa\s+190 mkr/);
      expect(text).toMatch(/Personalkostnader\s+81 mkr/);
      expect(text).toMatch(/Nya metoder och NHV i full drift\s+50 mkr/);
      expect(text).toContain("Förslag till beslut");
      expect(text).toContain("Beredningsansvariga");
      expect(text).toContain("Harriet Boström, Controllerstrateg");
      expect(text).toContain("Beslutet expedieras till");
      expect(text).toContain("Elisabeth O Karlsson, HSD");
      expect(text).toContain("HSN 746-2024, § 219");
      expect(text).toContain("Jämställdhet");
      expect(text).toContain("Sida 2 av 2");
      for (const letter of ["å", "ä", "ö", "Ä", "–", "”"]) expect(text).toContain(letter);
    });

    it("writes att-satser, decision metadata and the rounding note when shown tkr do not add up", async () => {
      const doc: DecisionDocument = {
        organisationName: "Region Jämtland Härjedalen",
        title: "Fördelning av strategiska medel 2023",
        caseNumber: "RS 123-2023",
        date: "2023-06-01",
        summary: ["Regionen erhåller 5 039 944 kronor."],
        tables: [
          {
            unit: "tkr",
            table: {
              title: "Fördelning",
              columns: [{ header: "Ändamål", kind: "text" }, { header: "Belopp", kind: "money" }],
              rows: [
                ["Öronmärkta medel BUP", 97_354_100],
                ["Tillgänglighetssamordnare", 90_000_000],
                ["Övriga kostnader", 25_000_000],
                ["Central vårdlots", 150_000_000],
                ["Övriga strategiska satsningar", 141_640_300],
              ],
              totalRow: ["Summa", 503_994_400],
            },
          },
        ],
        proposal: { attSatser: ["att godkänna fördelningen", "fastställa villkoren"] },
        decision: {
          decidedBy: "Sara Lewerentz, Regiondirektör",
          delegationPoint: "Delegationsbestämmelser för regionstyrelsen punkt 4.1.19",
          reportedTo: { body: "Regionstyrelsen", date: "2023-08-29" },
        },
        distribution: ["Hälso- och sjukvårdsdirektör", "Ekonomidirektör"],
      };
      const text = pdfText((await renderToDisk(doc)).pdf);
      // 973,541 + 900 + 250 + 1 500 + 1 416,403 shown as 974 + 900 + 250 + 1 500 + 1 416 = 5 040; total 5 040 too.
      expect(text).toMatch(/Summa\s+5 040 tkr/);
      expect(text).toMatch(/att godkänna fördelningen/);
      expect(text).toMatch(/att fastställa villkoren/);
      expect(text).toContain("Beslutsfattare: Sara Lewerentz, Regiondirektör");
      expect(text).toContain("Delegation: Delegationsbestämmelser för regionstyrelsen punkt 4.1.19");
      expect(text).toContain("Beslutet anmäls till Regionstyrelsen 2023-08-29");
      expect(text).toContain("Ekonomidirektör");
      expect(text).not.toContain("avviker");
    });

    it("prints the Swedish rounding note when the shown lines miss the shown total", async () => {
      const doc: DecisionDocument = {
        title: "Abonnemang 2023",
        caseNumber: "SN 1-2024",
        date: "2024-04-01",
        summary: ["Region Blekinges köp."],
        tables: [
          {
            unit: "tkr",
            table: {
              title: "Blekinge",
              columns: [{ header: "Säljare", kind: "text" }, { header: "Belopp", kind: "money" }],
              rows: [["Skåne", 12_854_360_000], ["Kronoberg", 2_391_130_000], ["Blekinge", 1_049_650_000]],
              totalRow: ["Summa", 16_295_140_000],
            },
          },
        ],
        proposal: { attSatser: ["att lägga redovisningen till handlingarna"] },
      };
      const text = pdfText((await renderToDisk(doc)).pdf).replace(/\s+/g, " ");
      expect(text).toContain("Summa 162 951 tkr");
      expect(text).toContain(
        "Beloppen är avrundade till tkr; summan av de avrundade beloppen, 162 952 tkr, avviker från den avrundade totalen 162 951 tkr",
      );
    });
  });
});
