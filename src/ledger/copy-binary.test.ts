import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import type { OpenDatabase } from "../db/connect";
import { BinaryCopy, pgDays } from "./copy-binary";
import { copierFor } from "./rows";

interface Row {
  n: number;
  m: number;
  d: string;
  t: string | null;
  j: string | null;
}

const isoDate = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// PostgreSQL text never holds NUL; everything else, Swedish letters and astral characters included, must come back as written.
const text = fc.option(fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !s.includes("\u0000")), { nil: null });
const row = fc.record({
  n: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  m: fc.oneof(fc.maxSafeInteger(), fc.integer()),
  d: isoDate,
  t: text,
  j: fc.option(fc.dictionary(fc.string({ maxLength: 5 }).filter((s) => !s.includes("\u0000")), fc.integer()).map((o) => JSON.stringify(o)), { nil: null }),
});

/** Writes the rows through BinaryCopy and the product's copier, and reads them back. */
async function roundTrip(opened: OpenDatabase, rows: Row[]): Promise<Row[]> {
  return opened.db.transaction().execute(async (trx) => {
    await sql`CREATE TEMP TABLE binary_target (i int, n int, m bigint, d date, t text, j jsonb) ON COMMIT DROP`.execute(trx);
    const copier = await copierFor(opened.db, trx);
    expect(copier).toBeDefined();
    const out = new BinaryCopy(Buffer.allocUnsafe(16)); // small, so that it must grow
    rows.forEach((r, i) => {
      out.tuple(6);
      out.int4(i);
      out.int4(r.n);
      out.int8(r.m);
      out.date(pgDays(r.d));
      out.text(r.t);
      out.jsonb(r.j);
    });
    await copier!.copy("binary_target (i, n, m, d, t, j)", out.finish());
    const back = await sql<Row & { j: unknown }>`SELECT n, m, d::text AS d, t, j FROM binary_target ORDER BY i`.execute(trx);
    return back.rows.map((r) => ({ ...r, j: r.j === null ? null : JSON.stringify(r.j) }));
  });
}

describe("COPY in binary format", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(async () => opened?.close());

  it("stores integers, öre beyond 32 bits, dates, texts and JSON exactly as written", async () => {
    const rows: Row[] = [
      { n: -1, m: -1, d: "2000-01-01", t: "Kostnadsställe å ä ö \\ \t\n", j: '{"a":1}' },
      { n: 2 ** 31 - 1, m: Number.MAX_SAFE_INTEGER, d: "1999-12-31", t: "", j: null },
      { n: -(2 ** 31), m: -Number.MAX_SAFE_INTEGER, d: "2024-02-29", t: null, j: "[]" },
      { n: 0, m: 4_294_967_296, d: "2099-12-31", t: "𝄞 Göteborg", j: '{"1":"100","6":"8941"}' },
    ];
    expect(await roundTrip(opened, rows)).toEqual(rows);
  });

  it("round-trips any rows (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), async (rows) => {
        const back = await roundTrip(opened, rows);
        // JSON objects come back in jsonb's key order: compare them parsed.
        expect(back.map((r) => ({ ...r, j: r.j && JSON.parse(r.j) }))).toEqual(rows.map((r) => ({ ...r, j: r.j && JSON.parse(r.j) })));
      }),
      { numRuns: 25 },
    );
  });

  it("is refused by the server, not stored wrongly, when a field has the wrong width", async () => {
    await expect(
      opened.db.transaction().execute(async (trx) => {
        await sql`CREATE TEMP TABLE narrow_target (n int) ON COMMIT DROP`.execute(trx);
        const out = new BinaryCopy();
        out.tuple(1);
        out.int8(1); // eight bytes for a four-byte column
        await (await copierFor(opened.db, trx))!.copy("narrow_target (n)", out.finish());
      }),
    ).rejects.toThrow(/binary data format/i);
  });

  it("counts days from PostgreSQL's epoch", () => {
    expect(pgDays("2000-01-01")).toBe(0);
    expect(pgDays("2000-01-02")).toBe(1);
    expect(pgDays("1999-12-31")).toBe(-1);
    expect(pgDays("2024-01-01")).toBe(8766);
  });
});
