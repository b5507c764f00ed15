import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../connect";
import { getBudgetDocument, insertBudgetDocument, listBudgetDocuments, markDecided, updateBudgetProposal } from "./budgets";
import { computeBudgetDocument } from "./budgets-compute";
import { upsertIndexValues } from "./index-series";
import { loadReferenceData } from "./reference";

let opened: OpenDatabase;
let orgId: number;
beforeAll(async () => {
  opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  orgId = (await opened.db.selectFrom("organisations").select("id").where("code", "=", "SVR-SODRA").executeTakeFirstOrThrow()).id;
}, 600_000);
afterAll(async () => {
  await opened?.close();
});

const spec = { buyers: [{ key: "10", label: "Blekinge" }], sellers: [{ key: "SUS", label: "SUS" }], cells: [{ buyer: "10", seller: "SUS", amount: 1_000_000 }], baseSharePercent: "50", uprating: { kind: "series" as const, code: "LPIK", fromYear: 2023, toYear: 2024 } };

describe("budget document queries", () => {
  it("uprates by the stored index series, saves, and never changes a decided row", async () => {
    await upsertIndexValues(opened.db, "LPIK", [{ year: 2024, changePercent: "4", source: "Test" }]);
    const { result, totalOre } = await computeBudgetDocument(opened.db, "subscription", spec);
    expect(result.matrix.upratedTotal).toBe(1_040_000);
    const id = await insertBudgetDocument(opened.db, { kind: "subscription", organisationId: orgId, title: "Abonnemang", year: 2024, spec, result, metadata: {}, totalOre, createdBy: null });
    expect(await updateBudgetProposal(opened.db, id, { title: "Abonnemang 2024", year: 2024, spec, result, metadata: {}, totalOre })).toBe(true);
    expect(await markDecided(opened.db, id, null)).toBe(true);
    expect(await markDecided(opened.db, id, null)).toBe(false);
    expect(await updateBudgetProposal(opened.db, id, { title: "Ändrad", year: 2024, spec, result, metadata: {}, totalOre })).toBe(false);
    const saved = await getBudgetDocument(opened.db, id);
    expect(saved).toMatchObject({ title: "Abonnemang 2024", status: "decided", totalOre: 1_000_000, organisationCode: "SVR-SODRA" });
    expect((await listBudgetDocuments(opened.db, "subscription", [])).map((d) => d.id)).toEqual([id]);
    expect(await listBudgetDocuments(opened.db, "budget", "all")).toEqual([]);
  });
});
