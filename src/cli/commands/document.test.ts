import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoBudgets } from "../../db/demo/budgets";
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
});
