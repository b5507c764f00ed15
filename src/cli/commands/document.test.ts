import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoBudgets } from "../../db/demo/budgets";
import { loadDemoData } from "../../db/demo/load";
import { loadReferenceData } from "../../db/queries/reference";
import { writeDocument } from "./document";

let opened: OpenDatabase;
beforeAll(async () => {
  opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  await loadDemoBudgets(opened.db);
}, 60_000);
afterAll(async () => {
  await opened?.close();
});

describe("fordela document", () => {
  it("writes the frame change's PDF and XLSX, and names a wrong kind or id", async () => {
    const { id } = await opened.db.selectFrom("budget_documents").select("id").where("kind", "=", "frame_change").executeTakeFirstOrThrow();
    const dir = mkdtempSync(join(tmpdir(), "fordela-cli-doc-"));
    const line = await writeDocument(opened.db, "frame-change", String(id), "pdf", join(dir, "b.pdf"));
    expect(line).toContain("Fördelning av budgettillskott till HSN 2025");
    expect(readFileSync(join(dir, "b.pdf")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await writeDocument(opened.db, "frame-change", String(id), "xlsx", join(dir, "b.xlsx"));
    expect(readFileSync(join(dir, "b.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
    await expect(writeDocument(opened.db, "budget", String(id), "pdf", join(dir, "x.pdf"))).rejects.toThrow(`Det finns ingen budget med ID ${id}`);
    await expect(writeDocument(opened.db, "ram", String(id), "pdf", join(dir, "x.pdf"))).rejects.toThrow('Okänt slag "ram"');
  });

  it("writes an allocation's decision with or without the calculation appendix, and audits the export", async () => {
    await loadDemoData(opened.db);
    const annex = await opened.db.selectFrom("allocations").select("id").where("title", "like", "%bilaga 1)").executeTakeFirstOrThrow();
    const dir = mkdtempSync(join(tmpdir(), "fordela-cli-doc-"));
    const line = await writeDocument(opened.db, "allocation", String(annex.id), "pdf", join(dir, "a.pdf"), { appendix: false });
    expect(line).toMatch(/medel till regionerna \(S2023\/00488, bilaga 1\), beslutad, version 1, utan bilaga\)\.$/);
    const short = readFileSync(join(dir, "a.pdf"));
    await writeDocument(opened.db, "allocation", String(annex.id), "pdf", join(dir, "b.pdf"));
    expect(readFileSync(join(dir, "b.pdf")).length).toBeGreaterThan(short.length);
    await writeDocument(opened.db, "allocation", String(annex.id), "xlsx", join(dir, "a.xlsx"));
    expect(readFileSync(join(dir, "a.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
    const audit = await opened.db.selectFrom("audit_log").select(["username", "action"]).where("entity", "=", "allocation").where("entity_id", "=", String(annex.id)).where("action", "=", "export").execute();
    expect(audit).toHaveLength(3);
    await expect(writeDocument(opened.db, "allocation", "999999", "pdf", join(dir, "x.pdf"))).rejects.toThrow(/999999/);
  });
});
