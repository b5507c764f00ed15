import type { Kysely, Transaction } from "kysely";
import type { IndexValue } from "../../core/budget";
import type { Database } from "../schema";

type Conn = Kysely<Database> | Transaction<Database>;

export interface IndexSeriesRow extends IndexValue {
  code: string;
  source: string;
}

export async function indexValues(db: Conn, code: string): Promise<IndexSeriesRow[]> {
  const rows = await db.selectFrom("index_series").select(["code", "year", "change_percent", "source"]).where("code", "=", code).orderBy("year").execute();
  return rows.map((r) => ({ code: r.code, year: r.year, changePercent: r.change_percent, source: r.source }));
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

/** Sets (inserts or replaces) values of one series; returns the values there before, for the audit log. */
export async function upsertIndexValues(db: Conn, code: string, values: { year: number; changePercent: string; source: string }[]): Promise<IndexSeriesRow[]> {
  const before = await indexValues(db, code);
  for (const v of values) {
    await db
      .insertInto("index_series")
      .values({ code, year: v.year, change_percent: v.changePercent, source: v.source })
      .onConflict((oc) => oc.columns(["code", "year"]).doUpdateSet({ change_percent: v.changePercent, source: v.source, updated_at: new Date() }))
      .execute();
  }
  return before;
}
