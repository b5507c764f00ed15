import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../connect";
import { ensureReferenceData } from "./reference-state";

describe("ensureReferenceData", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(() => opened.close());

  it("loads the shipped data once, and again only when the fingerprint changes", async () => {
    expect(await ensureReferenceData(opened.db)).toBe(true);
    const regions = await opened.db.selectFrom("organisations").select("id").where("kind", "=", "region").execute();
    expect(regions).toHaveLength(21);
    expect(await ensureReferenceData(opened.db)).toBe(false);
    await sql`UPDATE reference_state SET fingerprint = 'older'`.execute(opened.db);
    expect(await ensureReferenceData(opened.db)).toBe(true);
  });
});
