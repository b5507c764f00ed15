import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePng, inkShare } from "../../test/helpers/png";
import { allocate } from "../core/allocation/allocate";
import type { SavedAllocation } from "../core/allocation/saved";
import { REGIONS } from "../core/reference/regions";
import { allocationDecisionDocument, allocationDecisionSheets, allocationMethodParagraph } from "./allocation-document";
import { renderDecisionPdf } from "./pdf/decision";
import { readReferenceFiles } from "./reference/reference-files";

// Issue 12 item 2: the allocation decision as a registrar files it, compared with seed 002's
// annex 1: one compact table of region and amount with its total, the method in one paragraph,
// and the calculation per recipient in an appendix that can be left out.

const hasPoppler = spawnSync("which", ["pdftoppm"]).status === 0 && spawnSync("which", ["pdftotext"]).status === 0;
const expectedText = (name: string) => readFileSync(new URL(`../../test/fixtures/documents/${name}`, import.meta.url), "utf8");

function seed002Annex1(): SavedAllocation {
  const file = readReferenceFiles().populations.find((p) => p.file === "population-2022-11-01-counties.csv")!;
  const population = new Map(file.rows.map((r) => [r.areaCode, r.population]));
  const result = allocate({
    total: 62_500_000 * 100,
    unit: 100,
    rounding: "nearest-largest",
    lines: REGIONS.map((r) => ({ key: r.countyCode, label: r.name, method: "weight", weight: population.get(r.countyCode)!, basis: "Folkmängd 2022-11-01 (SCB)" })),
  });
  return {
    id: 1,
    organisationId: 1,
    organisationName: "Regeringen (Socialdepartementet)",
    title: "Sammanhållen, jämlik och säker vård 2023 – medel till regionerna",
    status: "decided",
    version: 1,
    previousId: null,
    totalOre: result.total,
    request: { title: "", total: result.inputTotal, unit: 100, rounding: "nearest-largest", pool: null, key: { kind: "population", date: "2022-11-01", basis: "membership" }, lines: [] } as unknown as SavedAllocation["request"],
    result,
    createdBy: "handläggare",
    createdAt: "2023-03-01T09:00:00Z",
    decidedAt: "2023-03-02T10:00:00Z",
    decidedBy: "beslutsfattare",
    revision: 2,
    updatedBy: "beslutsfattare",
    updatedAt: "2023-03-02T10:00:00Z",
  };
}

const options = { caseNumber: "S2023/00488", date: "2023-03-02" };

/** Writes the expected text when asked (FORDELA_WRITE_EXPECTED=1), to be read and committed. */
function compareText(actual: string, name: string) {
  if (process.env.FORDELA_WRITE_EXPECTED === "1") writeFileSync(new URL(`../../test/fixtures/documents/${name}`, import.meta.url), actual);
  expect(actual).toBe(expectedText(name));
}

async function render(appendix: boolean): Promise<{ dir: string; pdf: string; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), "fordela-beslut-"));
  const pdf = join(dir, "beslut.pdf");
  writeFileSync(pdf, await renderDecisionPdf(allocationDecisionDocument(seed002Annex1(), { ...options, appendix })));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/[\u00a0\u202f]/g, " ");
  return { dir, pdf, text };
}

describe("the allocation decision document", () => {
  it("says the method in one paragraph: amount, key with its date and source, rounding rule", () => {
    expect(allocationMethodParagraph(seed002Annex1()).replace(/[\u00a0\u202f]/g, " ")).toBe(
      "62 500 000 kr fördelas efter folkmängden 2022-11-01 enligt SCB. Varje andel är avrundad till närmaste krona och avrundningsdifferensen är dragen från (eller lagd till) den största andelen, så att summan blir exakt 62 500 000 kr.",
    );
  });

  it("gives XLSX the same compact sheet, and the calculation as a second sheet only when asked", () => {
    const without = allocationDecisionSheets(seed002Annex1(), { appendix: false });
    expect(without.map((s) => s.name)).toEqual(["Fördelning"]);
    expect(without[0]!.table.columns.map((c) => c.header)).toEqual(["Mottagare", "Belopp (kr)"]);
    expect(without[0]!.table.totalRow).toEqual(["Summa", 6_250_000_000]);
    expect(allocationDecisionSheets(seed002Annex1(), { appendix: true }).map((s) => s.name)).toEqual(["Fördelning", "Beräkning"]);
  });

  describe.skipIf(!hasPoppler)("rendered with poppler", () => {
    it("prints seed 002's annex 1 on one page, as the stored text says, with nothing past the margins", async () => {
      const { dir, pdf, text } = await render(false);
      compareText(text, "allocation-seed-002-annex-1.txt");
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Pages:\s+1\n/);
      execFileSync("pdftoppm", ["-r", "60", "-png", pdf, join(dir, "sida")]);
      const page = decodePng(readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith("sida"))!)));
      expect(inkShare(page, 0, 1, 0.92, 1)).toBe(0);
      expect(inkShare(page, 0, 1, 0, 0.08)).toBe(0);
      // The compact table is as wide as its contents: its right half of the page is blank.
      expect(inkShare(page, 0.35, 0.8, 0.6, 0.92)).toBe(0);
    });

    it("adds the calculation per recipient as an appendix on pages of its own, inside the margins", async () => {
      const { dir, pdf, text } = await render(true);
      // The decision itself reads as without the appendix; the appendix follows on pages of its own.
      const firstPage = text.split("\f")[0]!;
      expect(firstPage.replace(/Sida 1 av \d+/, "Sida 1 av 1")).toBe(expectedText("allocation-seed-002-annex-1.txt").split("\f")[0]);
      expect(text).toContain("Bilaga: beräkning per mottagare");
      expect(text).toMatch(/Region Stockholm\s+2 437 158\s+14 486 585,4237\s+14 486 584\s+-1,4237/);
      execFileSync("pdftoppm", ["-r", "60", "-png", pdf, join(dir, "sida")]);
      for (const file of readdirSync(dir).filter((f) => f.startsWith("sida"))) {
        const page = decodePng(readFileSync(join(dir, file)));
        expect(inkShare(page, 0, 1, 0.92, 1), file).toBe(0);
        expect(inkShare(page, 0, 1, 0, 0.08), file).toBe(0);
      }
      // No developer's notes or file paths anywhere in what a registrar files.
      expect(text).not.toMatch(/\.csv|data\/reference|andrahandsk|ofullständig|Seed \d/);
    });
  });
});
