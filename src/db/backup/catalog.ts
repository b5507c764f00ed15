import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

/** Tables a backup leaves out: the migration list travels in the header, the chain head is rebuilt. */
const NOT_BACKED_UP = new Set(["schema_migrations", "audit_chain_head"]);

export interface TableInfo {
  name: string;
  /** Stored columns in table order (generated columns are left out: the database makes them). */
  columns: string[];
  primaryKey: string[];
}

export interface SequenceInfo {
  name: string;
  /** null when nextval has never been called. */
  lastValue: string | null;
  startValue: string;
}

type Q = Kysely<Database>;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The schema's tables, parents before the tables whose foreign keys point at them, so rows can
 * be inserted in this order. Partitions are reached through their parent.
 */
export async function listTables(db: Q): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`.execute(db);
  const names = tables.rows.map((r) => r.name).filter((n) => !NOT_BACKED_UP.has(n));
  const columns = await sql<{ table: string; column: string; generated: string }>`
    SELECT c.relname AS "table", a.attname AS "column", a.attgenerated::text AS generated
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    SELECT c.relname AS "table", a.attname AS "column"
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
    WHERE n.nspname = current_schema() AND i.indisprimary
    ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const refs = await sql<{ child: string; parent: string }>`
    SELECT DISTINCT c.relname AS child, p.relname AS parent
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname <> p.relname`.execute(db);

  const info = new Map<string, TableInfo>(names.map((name) => [name, { name, columns: [], primaryKey: [] }]));
  for (const c of columns.rows) if (c.generated === "") info.get(c.table)?.columns.push(c.column);
  for (const k of keys.rows) info.get(k.table)?.primaryKey.push(k.column);

  // Depth-first: a table comes after every table it refers to.
  const parents = new Map<string, string[]>();
  for (const r of refs.rows) if (info.has(r.child) && info.has(r.parent)) parents.set(r.child, [...(parents.get(r.child) ?? []), r.parent]);
  const ordered: TableInfo[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name)) return; // done, or a cycle: leave the rest of the cycle in name order
    state.set(name, "visiting");
    for (const p of parents.get(name) ?? []) visit(p);
    state.set(name, "done");
    ordered.push(info.get(name)!);
  };
  for (const name of names) visit(name);
  return ordered;
}

export async function listSequences(db: Q): Promise<SequenceInfo[]> {
  const rows = await sql<{ name: string; last_value: string | null; start_value: string }>`
    SELECT sequencename AS name, last_value::text AS last_value, start_value::text AS start_value
    FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename`.execute(db);
  return rows.rows.map((r) => ({ name: r.name, lastValue: r.last_value, startValue: r.start_value }));
}

export async function appliedMigrations(db: Q): Promise<{ name: string; checksum: string | null }[]> {
  const rows = await sql<{ name: string; checksum: string | null }>`SELECT name, checksum FROM schema_migrations ORDER BY name`.execute(db);
  return rows.rows;
}
