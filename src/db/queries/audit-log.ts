import { sql } from "kysely";
import type { AuditEntry, AuditFilter } from "../../core/audit/entry";
import type { Db } from "../connect";

/**
 * Dates in a filter are days in Swedish time: "to 2024-03-31" includes the whole of that day
 * however the server's clock is set.
 */
const TIME_ZONE = "Europe/Stockholm";

function filtered(db: Db, filter: AuditFilter) {
  let q = db.selectFrom("audit_log").selectAll();
  if (filter.username) q = q.where(sql<boolean>`lower(username) = lower(${filter.username})`);
  if (filter.userId !== undefined) q = q.where("user_id", "=", filter.userId);
  if (filter.entity) q = q.where("entity", "=", filter.entity);
  if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
  if (filter.action) q = q.where("action", "=", filter.action);
  if (filter.from) q = q.where(sql<boolean>`at >= (${filter.from}::date)::timestamp AT TIME ZONE ${TIME_ZONE}`);
  if (filter.to) q = q.where(sql<boolean>`at < (${filter.to}::date + 1)::timestamp AT TIME ZONE ${TIME_ZONE}`);
  return q;
}

type Row = Awaited<ReturnType<ReturnType<typeof filtered>["execute"]>>[number];

function toEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    username: r.username,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    organisationId: r.organisation_id,
    before: r.before,
    after: r.after,
    hash: r.hash,
  };
}

/** One page of entries matching the filter, newest first, older than the entry `before`. */
export async function listAuditEntries(db: Db, filter: AuditFilter, page: { limit: number; before?: number }): Promise<AuditEntry[]> {
  let q = filtered(db, filter).orderBy("id", "desc").limit(page.limit);
  if (page.before !== undefined) q = q.where("id", "<", page.before);
  return (await q.execute()).map(toEntry);
}

/** How many entries match, for "sida 2 av 7". */
export async function countAuditEntries(db: Db, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every entry matching the filter, newest first, read in pages (for export). */
export async function* allAuditEntries(db: Db, filter: AuditFilter, pageSize = 1000): AsyncGenerator<AuditEntry> {
  let before: number | undefined;
  for (;;) {
    const page = await listAuditEntries(db, filter, { limit: pageSize, before });
    yield* page;
    if (page.length < pageSize) return;
    before = page[page.length - 1]!.id;
  }
}
