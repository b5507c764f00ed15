import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { decodePng, inkShare } from "../../../test/helpers/png";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoGrants } from "../../db/demo/grants";
import { grantDecisionDocumentData, internalDecisionDocumentData, type GrantDecisionDocumentData, type InternalDecisionDocumentData } from "../../db/queries/grants-document-data";
import { loadReferenceData } from "../../db/queries/reference";
import { partsTable } from "./decision-document";
import { grantDecisionFile, internalDecisionFile } from "./decision-files";

const hasPoppler = spawnSync("which", ["pdftoppm"]).status === 0 && spawnSync("which", ["pdftotext"]).status === 0;

let opened: OpenDatabase;
let seed002: GrantDecisionDocumentData;
let seed003: InternalDecisionDocumentData;

beforeAll(async () => {
  opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  await loadDemoGrants(opened.db);
  const decision = await opened.db.selectFrom("grant_decisions").select("id").where("diary_number", "=", "S2023/00488").executeTakeFirstOrThrow();
  seed002 = (await grantDecisionDocumentData(opened.db, decision.id))!;
  const internal = await opened.db.selectFrom("grant_internal_decisions").select("id").executeTakeFirstOrThrow();
  seed003 = (await internalDecisionDocumentData(opened.db, internal.id))!;
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

async function render(pdfBytes: Buffer): Promise<{ text: string; pages: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "fordela-grant-pdf-"));
  const pdf = join(dir, "beslut.pdf");
  writeFileSync(pdf, pdfBytes);
  execFileSync("pdftoppm", ["-r", "50", "-png", pdf, join(dir, "sida")]);
  // Collapsed whitespace: long headings and sentences wrap, and a check should not care where.
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");
  const pages = readdirSync(dir).filter((f) => f.startsWith("sida") && f.endsWith(".png")).sort().map((f) => join(dir, f));
  return { text, pages };
}

async function sheetValues(bytes: Buffer): Promise<{ names: string[]; values: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const values = wb.worksheets.map((ws) => {
    const out: unknown[] = [];
    ws.eachRow((row) => out.push(...(row.values as unknown[])));
    return out;
  });
  return { names: wb.worksheets.map((w) => w.name), values };
}

describe.skipIf(!hasPoppler)("grant decision documents rendered with poppler", () => {
  it("seed 002: S2023/00488, the five SKR purposes with their anslagspost, 226 000 000 in all, annex 1 summing to 62 500 000", async () => {
    const { text, pages } = await render(await grantDecisionFile(seed002, "pdf", { copyTo: ["Socialstyrelsen", "Sveriges Kommuner och Regioner"] }));
    expect(text).toContain("Utbetalning av medel i enlighet med överenskommelsen Sammanhållen, jämlik och säker vård 2023");
    expect(text).toContain("S2023/00488");
    expect(text).toContain("2023-02-02");
    expect(text).toContain("ska Kammarkollegiet betala ut totalt 226 000 000 kronor");
    expect(text).toContain("Av dessa betalas 103 500 000 kronor ut till SKR, 62 500 000 kronor till regionerna och 60 000 000 kronor till samverkansregionerna.");
    for (const ap of ["ap. 18", "God vård och folkhälsa", "ap. 5", "Kvalitetsregister", "ap. 29", "Ordnat införande", "ap. 3", "Kroniska och långvariga", "ap. 40", "Jämlik sjukvård"]) expect(text).toContain(ap);
    for (const amount of ["3 000 000 kr", "68 000 000 kr", "5 000 000 kr", "10 000 000 kr", "17 500 000 kr", "62 500 000 kr", "60 000 000 kr"]) expect(text).toContain(amount);
    expect(text).toMatch(/Summa\s+226 000 000 kr/);
    expect(text).toMatch(/Region Jämtland Härjedalen\s+787 491 kr/);
    expect(text).toMatch(/Summa\s+62 500 000 kr/);
    expect(text).toMatch(/Södra samverkansregionen\s+10 000 000 kr/);
    expect(text).toMatch(/Summa\s+60 000 000 kr/);
    expect(text).toContain("Rätten till bidrag förfaller om rekvisition inte har kommit in senast 2023-12-01.");
    expect(text).toContain("Beslutsfattare: Acko Ankarberg Johansson och Evelina Björkegren");
    expect(text).toMatch(/Kopia till\s+Socialstyrelsen\s+Sveriges Kommuner och Regioner/);
    // SKR's parts are paid to SKR alone: no recipient table for them, one each for annex 1 and 2.
    expect(text.match(/fördelning per mottagare/g)).toHaveLength(2);
    const page = decodePng(readFileSync(pages[0]!));
    expect(page.width).toBeLessThan(page.height);
    expect(inkShare(page, 0, 0.04)).toBeLessThan(0.001);
    expect(inkShare(page, 0.1, 0.2)).toBeGreaterThan(0.01);
    expect(inkShare(page, 0.35, 0.9)).toBeGreaterThan(0.01);
  });

  it("seed 002 in mkr: the annex shown in mkr carries the rounding note because its rounded lines do not add up", async () => {
    const { text } = await render(await grantDecisionFile(seed002, "pdf", { unit: "mkr" }));
    expect(text).toMatch(/Summa\s+226 mkr/);
    expect(text).toMatch(/Summa\s+63 mkr/);
    expect(text).toContain("avviker från den avrundade totalen");
    expect(text).toContain("Beloppen är avrundade var för sig till hela mkr");
  });

  it("seed 003: the internal decision with the remainder 1 416 403, delegation 4.1.19 and Regionstyrelsen 2023-08-29", async () => {
    const { text, pages } = await render(await internalDecisionFile(seed003, "pdf"));
    expect(text).toContain("Fördelning av strategiska medel från överenskommelse om ökad tillgänglighet i hälso- och sjukvården 2023");
    expect(text).toContain("Region Jämtland Härjedalen");
    expect(text).toMatch(/Öronmärkta medel för Barn och ungdomspsykiatrin\s+Öronmärkt\s+973 541 kr/);
    expect(text).toMatch(/Resten\s+1 416 403 kr/);
    expect(text).toMatch(/erhållna medel totalt\s+5 039 944 kr/);
    expect(text).toContain("5 039 944 kr − 3 623 541 kr = 1 416 403 kr");
    expect(text).toContain("Av dessa är 973 541 kronor öronmärkta");
    expect(text).toContain("Objekt 9929");
    expect(text).toContain("Delegation: punkt 4.1.19");
    expect(text).toContain("Beslutet anmäls till Regionstyrelsen 2023-08-29");
    expect(text).toContain("Beslutsfattare: Sara Lewerentz, Regiondirektör");
    expect(text).toMatch(/Utdrag till\s+Hälso- och sjukvårdsdirektör\s+Divisionscheferna/);
    expect(text).toContain("Nya aktiviteter/utvecklingsprojekt får inte beviljas");
    expect(text).toContain("till Socialstyrelsen");
    const page = decodePng(readFileSync(pages[0]!));
    expect(inkShare(page, 0.35, 0.9)).toBeGreaterThan(0.01);
  });

  it("seed 003 in tkr: lines rounded on their own add up to the shown 5 040 tkr, and the note says how the table rounds", async () => {
    const { text } = await render(await internalDecisionFile(seed003, "pdf", { unit: "tkr" }));
    // 974 + 900 + 250 + 1 500 + 1 416 = 5 040 tkr, and the exact 5 039,944 tkr rounds to 5 040 tkr too.
    expect(text).toMatch(/erhållna medel totalt\s+5 040 tkr/);
    expect(text).toMatch(/Resten\s+1 416 tkr/);
    expect(text).toContain("Beloppen är avrundade var för sig till hela tkr");
  });
});

describe("the parts table of a grant decision", () => {
  it("seed 002: each SKR purpose on its row with its anslagspost, once-only mark and amount; the total is the decision's", () => {
    const table = partsTable(seed002);
    const rows = table.rows.map((r) => [r[0], r[1], r[2], r[4]]);
    expect(rows.slice(0, 5)).toEqual([
      ["1. Insatser för att förbättra antibiotikaanvändningen", "SKR", "uo 9, anslag 1:6, ap. 18 God vård och folkhälsa\nEngångsvis", 3_000_000_00],
      ["2. Stärka arbetet med och användningen av nationella kvalitetsregister", "SKR", "uo 9, anslag 1:6, ap. 5 Kvalitetsregister\nInte engångsvis", 68_000_000_00],
      ["3. Arbetet med förbättrad läkemedelsinformation", "SKR", "uo 9, anslag 1:6, ap. 29 Ordnat införande och strukturerad uppföljning\nEngångsvis", 5_000_000_00],
      ["4. Arbetet med sällsynta hälsotillstånd", "SKR", "uo 9, anslag 1:6, ap. 3 Kroniska och långvariga sjukdomar\nEngångsvis", 10_000_000_00],
      ["5. Koordinera och stödja det nationellt gemensamma arbetet med personcentrerade och sammanhållna vårdförlopp", "SKR", "uo 9, anslag 1:6, ap. 40 Jämlik sjukvård\nEngångsvis", 17_500_000_00],
    ]);
    expect(table.rows[0]![3]).toBe("Rekvisition 2023-12-01\nRedovisning 2024-03-31\nÅterbetalning 2024-03-31\nDelrapport 2023-09-30\nSlutrapport 2024-03-31");
    expect(table.totalRow![4]).toBe(seed002.decision.total);
    expect(table.totalRow![4]).toBe(226_000_000_00);
  });
});

describe("grant decision tables as XLSX", () => {
  it("seed 002: the parts sheet and one sheet per distributed part, with exact kronor", async () => {
    const { names, values } = await sheetValues(await grantDecisionFile(seed002, "xlsx"));
    expect(names).toHaveLength(3);
    expect(names[0]).toBe("Beslutets delar");
    expect(values[0]).toContain(226_000_000);
    expect(values[0]).toContain(17_500_000);
    expect(values[1]).toContain(787_491);
    expect(values[1]).toContain(62_500_000);
    expect(values[2]).toContain(60_000_000);
  });

  it("seed 003: the lines with the remainder", async () => {
    const { values } = await sheetValues(await internalDecisionFile(seed003, "xlsx"));
    expect(values[0]).toContain(1_416_403);
    expect(values[0]).toContain(5_039_944);
  });
});
