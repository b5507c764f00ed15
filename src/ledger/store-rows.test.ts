import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import type { BalanceRow } from "./balances";
import { copierFor } from "./rows";
import { storeRows } from "./store-rows";

let opened: OpenDatabase;
let org: number;
beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
});
afterAll(async () => opened.close());

async function newImport(): Promise<number> {
  const { id } = await opened.db
    .insertInto("ledger_imports")
    .values({ organisation_id: org, file_name: "x.se", kind: "sie", year: 2024, status: "done", imported_by: null, error: null, summary: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

const columns = [["import_id", "int4"], ["kind", "text"], ["year_index", "int4"], ["account", "text"], ["cost_centre", "text"], ["project", "text"], ["objects", "jsonb"], ["amount_ore", "int8"]] as const;
const rowsOf = (importId: number, n: number): BalanceRow[] =>
  Array.from({ length: n }, (_, i) => ({
    import_id: importId,
    kind: i % 2 ? "OIB" : "UB",
    year_index: -(i % 3),
    account: String(1000 + (i % 50)),
    cost_centre: i % 4 ? `K "${i}", {å}` : null,
    project: i % 5 ? null : "P\\1",
    objects: i % 4 ? JSON.stringify([{ dimension: 1, code: `K "${i}", {å}` }]) : "[]",
    // Beyond 32 bits and negative: int8 written as two halves.
    amount_ore: (i % 2 ? -1 : 1) * (2 ** 48 + i),
  }));

async function stored(importId: number) {
  const rows = await opened.db.selectFrom("ledger_balances").selectAll().where("import_id", "=", importId).execute();
  return rows.map(({ import_id: _, ...r }) => r).sort((a, b) => a.amount_ore - b.amount_ore);
}

describe("storeRows", () => {
  it("stores the same rows by COPY as by INSERT, a chunk at a time, with `between` before each chunk", async () => {
    const byCopy = await newImport();
    const byInsert = await newImport();
    let chunks = 0;
    await opened.db.transaction().execute(async (trx) => {
      await storeRows(trx, await copierFor(opened.db, trx), "ledger_balances", columns, rowsOf(byCopy, 20_005), async () => chunks++);
    });
    expect(chunks).toBe(2);
    chunks = 0;
    await storeRows(opened.db, undefined, "ledger_balances", columns, rowsOf(byInsert, 20_005), async () => chunks++);
    expect(chunks).toBe(21);
    const copied = await stored(byCopy);
    expect(copied).toHaveLength(20_005);
    expect(copied).toEqual(await stored(byInsert));
    expect(copied.find((r) => r.amount_ore === -(2 ** 48 + 1))).toMatchObject({ kind: "OIB", cost_centre: 'K "1", {å}', objects: [{ dimension: 1, code: 'K "1", {å}' }] });
  });
});
