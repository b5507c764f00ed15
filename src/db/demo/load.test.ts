import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../connect";
import { loadReferenceData } from "../queries/reference";
import { listAllocations } from "../queries/allocations";
import { loadDemoData } from "./load";

describe("demo data", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
    await loadDemoData(opened.db);
  });
  afterAll(() => opened.close());

  const find = async (title: RegExp) => (await listAllocations(opened.db, "all")).find((a) => title.test(a.title))!;

  it("has seed 002's 60 000 000 kr in equal parts to the six cooperation regions", async () => {
    const a = await find(/samverkansregionerna/);
    expect(a.status).toBe("decided");
    expect(a.result.shares.map((s) => s.amount)).toEqual(Array(6).fill(10_000_000_00));
    expect(a.result.total).toBe(60_000_000_00);
  });

  it("has seed 003's lines ending in the remainder 1 416 403 of 5 039 944", async () => {
    const a = await find(/strategiska medel/);
    expect(a.result.shares.map((s) => s.amount / 100)).toEqual([973_541, 900_000, 250_000, 1_500_000, 1_416_403]);
    expect(a.result.total).toBe(5_039_944_00);
  });

  it("has seed 000's contributions: 1 640 tkr to each of seven regions, 11 480 tkr in all", async () => {
    const a = await find(/Samverkansnämndens/);
    expect(a.result.inputTotal).toBe(11_462_500_00);
    expect(a.result.shares.map((s) => s.amount)).toEqual(Array(7).fill(1_640_000_00));
    expect(a.result.total).toBe(11_480_000_00);
    expect(a.result.difference).toBe(17_500_00);
  });

  it("loads nothing twice", async () => {
    expect(await loadDemoData(opened.db)).toEqual([]);
  });
});
