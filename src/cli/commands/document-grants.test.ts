import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoGrants } from "../../db/demo/grants";
import { loadReferenceData } from "../../db/queries/reference";
import { writeDocument } from "./document";
import { listGrantDocuments } from "./document-grants";

let opened: OpenDatabase;
beforeAll(async () => {
  opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  await loadDemoGrants(opened.db);
}, 60_000);
afterAll(async () => {
  await opened?.close();
});

describe("fordela document grant-decision / internal-decision", () => {
  it("lists seed 002's decision and writes its PDF, and its tables in mkr as XLSX", async () => {
    const lines = await listGrantDocuments(opened.db, "grant-decision");
    const line = lines.find((l) => l.includes("S2023/00488"))!;
    expect(line).toMatch(/beslutat\s+S2023\/00488\s+226\s000\s000\skr/);
    const id = line.trim().split(/\s+/)[0]!;
    const dir = mkdtempSync(join(tmpdir(), "fordela-cli-grant-"));
    expect(await writeDocument(opened.db, "grant-decision", id, "pdf", join(dir, "b.pdf"), { copyTo: "Socialstyrelsen;SKR" })).toBe(
      `Skrev ${join(dir, "b.pdf")} (S2023/00488: Utbetalning av medel i enlighet med överenskommelsen Sammanhållen, jämlik och säker vård 2023, beslutat).`,
    );
    expect(readFileSync(join(dir, "b.pdf")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await writeDocument(opened.db, "grant-decision", id, "xlsx", join(dir, "b.xlsx"), { unit: "mkr" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "b.xlsx"));
    const total = wb.worksheets[0]!.getColumn(5).values.filter((v): v is number => typeof v === "number");
    expect(total.at(-1)).toBe(226_000_000);
    expect(wb.worksheets[0]!.getColumn(5).numFmt).toContain(",,");
    await expect(writeDocument(opened.db, "grant-decision", id, "pdf", join(dir, "x.pdf"), { unit: "euro" })).rejects.toThrow('--unit ska vara kr, tkr eller mkr, fick "euro".');
    await expect(writeDocument(opened.db, "grant-decision", "99999", "pdf", join(dir, "x.pdf"))).rejects.toThrow("Det finns inget regeringsbeslut med ID 99999");
  });

  it("writes seed 003's internal decision", async () => {
    const [line] = await listGrantDocuments(opened.db, "internal-decision");
    expect(line).toMatch(/beslutat\s+v1\s+5\s039\s944\skr\s+Region Jämtland Härjedalen: Fördelning av strategiska medel/);
    const id = line!.trim().split(/\s+/)[0]!;
    const dir = mkdtempSync(join(tmpdir(), "fordela-cli-internal-"));
    await writeDocument(opened.db, "internal-decision", id, "xlsx", join(dir, "i.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "i.xlsx"));
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain(1_416_403);
    await expect(writeDocument(opened.db, "beslut", id, "pdf", join(dir, "x.pdf"))).rejects.toThrow('Okänt slag "beslut"; välj allocation, budget, frame-change, joint-financing, subscription, grant-decision, internal-decision.');
  });
});
