import type { Insertable, Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import { BinaryCopy } from "./copy-binary";
import type { Copier } from "./rows";

/** How a column goes into COPY's binary format: its type must be the column's (see BinaryCopy). */
export type CopyField = "int4" | "int8" | "text" | "jsonb";

/**
 * Rows per statement. By COPY about what one batch of ledger rows holds the embedded database's
 * one session for; by INSERT within the driver's limit of parameters.
 */
const COPY_CHUNK = 20_000;
const INSERT_CHUNK = 1000;

/**
 * Stores rows of one of the import's tables, a chunk per statement with `between` before each:
 * by COPY when there is a copier (each row's `columns` in order), otherwise as INSERTs.
 */
export async function storeRows<T extends keyof Database & string>(
  db: Db | Transaction<Database>,
  copier: Copier | undefined,
  table: T,
  columns: readonly (readonly [keyof Insertable<Database[T]> & string, CopyField])[],
  rows: readonly Insertable<Database[T]>[],
  between: () => Promise<unknown> = async () => {},
): Promise<void> {
  const target = `${table} (${columns.map(([name]) => name).join(", ")})`;
  for (let i = 0; i < rows.length; i += copier ? COPY_CHUNK : INSERT_CHUNK) {
    await between();
    if (!copier) {
      await db.insertInto(table).values(rows.slice(i, i + INSERT_CHUNK) as never).execute();
      continue;
    }
    const out = new BinaryCopy();
    for (const row of rows.slice(i, i + COPY_CHUNK)) {
      out.tuple(columns.length);
      for (const [name, field] of columns) {
        const value = (row as Record<string, unknown>)[name];
        if (field === "int4") out.int4(value as number);
        else if (field === "int8") out.int8(value as number);
        else if (field === "text") out.text(value as string | null);
        else out.jsonb(value as string | null);
      }
    }
    await copier.copy(target, out.finish());
  }
}
