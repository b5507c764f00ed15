import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { decodePng, inkShare } from "../../../test/helpers/png";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoBudgets } from "../../db/demo/budgets";
import { getBudgetDocument, type SavedBudgetDocument } from "../../db/queries/budgets";
import { loadReferenceData } from "../../db/queries/reference";
import { budgetDocumentPdf, budgetDocumentXlsx } from "./document";

const hasPoppler = spawnSync("which", ["pdftoppm"]).status === 0 && spawnSync("which", ["pdftotext"]).status === 0;

let opened: OpenDatabase;
const docs = new Map<string, SavedBudgetDocument>();

beforeAll(async () => {
  opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  await loadDemoBudgets(opened.db);
  for (const row of await opened.db.selectFrom("budget_documents").select(["id", "kind"]).execute()) docs.set(row.kind, (await getBudgetDocument(opened.db, row.id))!);
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

async function render(doc: SavedBudgetDocument): Promise<{ dir: string; text: string; pages: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "fordela-budget-pdf-"));
  const pdf = join(dir, "beslut.pdf");
  writeFileSync(pdf, await budgetDocumentPdf(doc));
  execFileSync("pdftoppm", ["-r", "50", "-png", pdf, join(dir, "sida")]);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/[\u00a0\u202f]/g, " ");
  const pages = readdirSync(dir).filter((f) => f.startsWith("sida") && f.endsWith(".png")).sort().map((f) => join(dir, f));
  return { dir, text, pages };
}

describe.skipIf(!hasPoppler)("budget decision documents rendered with poppler", () => {
  it("seed 004: heading, case number, the nine lines summing to 190 mkr, proposal, preparer and distribution", async () => {
    const { text, pages } = await render(docs.get("frame_change")!);
    expect(text).toContain("Fördelning av budgettillskott till HSN 2025");
    expect(text).toContain("HSN 1430-2024");
    expect(text).toMatch(/Förstärkning av ramen\s+214 mkr/);
    expect(text).toMatch(/Kvar att fördela\s+190 mkr/);
    expect(text).toMatch(/Summa\s+190 mkr/);
    expect(text).toContain("Förslag till beslut");
    expect(text).toContain("Harriet Boström, Controllerstrateg har berett ärendet.");
    expect(text).toContain("Yvonne Nygren, Stabschef HSF");
    expect(text).toContain("Elisabeth O Karlsson, HSD");
    expect(text).toContain("HSN 746-2024, § 219");
    const page = decodePng(readFileSync(pages[0]!));
    expect(page.width).toBeLessThan(page.height);
    expect(inkShare(page, 0, 0.04)).toBeLessThan(0.001);
    expect(inkShare(page, 0.1, 0.2)).toBeGreaterThan(0.01);
    expect(inkShare(page, 0.35, 0.9)).toBeGreaterThan(0.01);
  });

  it("seed 000: the cost table in tkr with its rounding note, and the exact proposal calculation", async () => {
    const { text } = await render(docs.get("budget")!);
    expect(text).toMatch(/Summa\s+7 455 tkr\s+8 313 tkr\s+10 500 tkr\s+11 480 tkr/);
    expect(text).toContain("avrundade var för sig till hela tkr");
    expect(text).toMatch(/Ny total, exakt\s+11 462 500,00/);
    expect(text).toMatch(/Summa\s+11 462 500,00\s+11 480 tkr\s+17 500,00/);
    expect(text).toContain("Samverkansnämnden 2023-02-17");
    expect(text).toContain("Mikael Köhler, Ordförande Ledningsgruppen");
    expect(text).toContain("Budget 2024 summerar till");
  });

  it("seed 001: the subscription matrix notes where the printed totals disagree with the cells", async () => {
    const { text } = await render(docs.get("subscription")!);
    expect(text).toContain("162 952 tkr, källan anger 162 951 tkr");
    expect(text).toMatch(/Blekinge\s+128 544 tkr\s+23 911 tkr\s+10 497 tkr\s+162 952 tkr/);
    expect(text).toMatch(/Summa\s+400 171 tkr\s+74 890 tkr\s+10 497 tkr\s+52 099 tkr\s+537 657 tkr/);
  });
});

describe("budget document tables as XLSX", () => {
  it("seed 001 joint financing: one sheet with the parts adding up to 1 052 472 kr and the explanation", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await budgetDocumentXlsx(docs.get("joint_financing")!)) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const values: unknown[] = [];
    sheet.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain(1_052_472);
    expect(values).toContain(2_104_945);
    expect(values.some((v) => typeof v === "string" && v.includes("avrundat nedåt till hela 1"))).toBe(true);
  });
});
