import type { Kysely, Transaction } from "kysely";
import type { IndexValue } from "../../core/budget";
import type { Database } from "../schema";

type Conn = Kysely<Database> | Transaction<Database>;

export interface IndexSeriesRow extends IndexValue {
  code: string;
  source: string;
  /** Optimistic concurrency: a change of this year carries the revision it was based on. */
  revision: number;
  updatedBy: string | null;
  updatedAt: string;
}

export async function indexValues(db: Conn, code: string): Promise<IndexSeriesRow[]> {
  const rows = await db
    .selectFrom("index_series as i")
    .leftJoin("users as u", "u.id", "i.updated_by")
    .select(["i.code", "i.year", "i.change_percent", "i.source", "i.revision", "i.updated_at", "u.display_name"])
    .where("i.code", "=", code)
    .orderBy("i.year")
    .execute();
  return rows.map((r) => ({ code: r.code, year: r.year, changePercent: r.change_percent, source: r.source, revision: r.revision, updatedBy: r.display_name, updatedAt: new Date(r.updated_at).toISOString() }));
}

export async function indexSeriesCodes(db: Conn): Promise<{ code: string; firstYear: number; lastYear: number; count: number }[]> {
  const rows = await db
    .selectFrom("index_series")
    .select((eb) => ["code", eb.fn.min<number>("year").as("firstYear"), eb.fn.max<number>("year").as("lastYear"), eb.fn.countAll<string>().as("count")])
    .groupBy("code")
    .orderBy("code")
    .execute();
  return rows.map((r) => ({ code: r.code, firstYear: Number(r.firstYear), lastYear: Number(r.lastYear), count: Number(r.count) }));
}

export interface IndexValueWrite {
  year: number;
  changePercent: string;
  source: string;
}

/** Adds a year that must not exist yet; false when somebody added it first. */
export async function insertIndexValue(db: Conn, code: string, v: IndexValueWrite, updatedBy: number | null): Promise<boolean> {
  const inserted = await db
    .insertInto("index_series")
    .values({ code, year: v.year, change_percent: v.changePercent, source: v.source, updated_by: updatedBy })
    .onConflict((oc) => oc.columns(["code", "year"]).doNothing())
    .executeTakeFirst();
  return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Changes a year if it is still at the revision the change was based on; false otherwise. */
export async function updateIndexValue(db: Conn, code: string, v: IndexValueWrite, revision: number, updatedBy: number | null): Promise<boolean> {
  const updated = await db
    .updateTable("index_series")
    .set((eb) => ({ change_percent: v.changePercent, source: v.source, revision: eb("revision", "+", 1), updated_by: updatedBy, updated_at: new Date() }))
    .where("code", "=", code)
    .where("year", "=", v.year)
    .where("revision", "=", revision)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Sets (inserts or replaces) values of one series regardless of revision: loading demo and test data. */
export async function upsertIndexValues(db: Conn, code: string, values: IndexValueWrite[]): Promise<IndexSeriesRow[]> {
  const before = await indexValues(db, code);
  for (const v of values) {
    await db
      .insertInto("index_series")
      .values({ code, year: v.year, change_percent: v.changePercent, source: v.source })
      .onConflict((oc) => oc.columns(["code", "year"]).doUpdateSet((eb) => ({ change_percent: v.changePercent, source: v.source, updated_at: new Date(), revision: eb("index_series.revision", "+", 1) })))
      .execute();
  }
  return before;
}
