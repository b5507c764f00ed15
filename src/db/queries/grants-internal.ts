import type { Kysely, Transaction } from "kysely";
import type { AllocationResult } from "../../core/allocation/types";
import { diffVersions } from "../../core/grants/diff";
import { earmarkedTotal, resolvedLines, type InternalLine, type InternalMetadata } from "../../core/grants/internal";
import type { InternalDecisionInput, InternalDecision } from "../../core/grants/records";
import type { Database } from "../schema";

type Conn = Kysely<Database> | Transaction<Database>;

export type { InternalDecisionInput, InternalDecision } from "../../core/grants/records";

export async function insertInternalDecision(
  db: Conn,
  values: InternalDecisionInput & { partId: number; organisationId: number; result: AllocationResult; version?: number; previousId?: number | null },
  userId: number | null,
  userName: string | null = null,
): Promise<number> {
  const { id } = await db
    .insertInto("grant_internal_decisions")
    .values({
      updated_by: userName,
      part_id: values.partId,
      organisation_id: values.organisationId,
      version: values.version ?? 1,
      previous_id: values.previousId ?? null,
      title: values.title,
      total_ore: values.total,
      metadata: JSON.stringify(values.metadata),
      lines: JSON.stringify(values.lines),
      result: JSON.stringify(values.result),
      created_by: userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes a draft; returns false when it was decided meanwhile, so the caller can refuse. */
export async function updateInternalDraft(db: Conn, id: number, values: InternalDecisionInput & { result: AllocationResult }, userName: string | null = null): Promise<boolean> {
  const res = await db
    .updateTable("grant_internal_decisions")
    .set((eb) => ({ title: values.title, total_ore: values.total, metadata: JSON.stringify(values.metadata), lines: JSON.stringify(values.lines), result: JSON.stringify(values.result), updated_at: new Date(), updated_by: userName, revision: eb("revision", "+", 1) }))
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}


function query(db: Conn) {
  return db
    .selectFrom("grant_internal_decisions as i")
    .innerJoin("organisations as o", "o.id", "i.organisation_id")
    .leftJoin("users as du", "du.id", "i.decided_by")
    .selectAll("i")
    .select(["o.name as organisation_name", "du.display_name as decided_by_name"]);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>["executeTakeFirstOrThrow"]>>;

function toDecision(r: Row, previous: Row | undefined): InternalDecision {
  const lines = r.lines as InternalLine[];
  const result = r.result as AllocationResult;
  const resolved = resolvedLines(lines, result);
  const snapshot = (row: Row) => ({ title: row.title, total: row.total_ore, metadata: row.metadata as InternalMetadata, lines: resolvedLines(row.lines as InternalLine[], row.result as AllocationResult) });
  return {
    id: r.id,
    partId: r.part_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    version: r.version,
    previousId: r.previous_id,
    status: r.status,
    title: r.title,
    total: r.total_ore,
    metadata: r.metadata as InternalMetadata,
    lines,
    resolvedLines: resolved,
    earmarked: earmarkedTotal(resolved),
    result,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decidedByUser: r.decided_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    revision: r.revision,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
    changes: previous ? diffVersions(snapshot(previous), snapshot(r)) : null,
  };
}

export async function getInternalDecision(db: Conn, id: number): Promise<InternalDecision | undefined> {
  const row = await query(db).where("i.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const previous = row.previous_id ? await query(db).where("i.id", "=", row.previous_id).executeTakeFirst() : undefined;
  return toDecision(row, previous);
}

/** Internal decisions: decided ones of everyone, drafts of the given organisations. */
export async function listInternalDecisions(db: Conn, filter: { partId?: number; organisationId?: number; draftOrganisations: number[] | "all" }): Promise<InternalDecision[]> {
  let q = query(db).orderBy("i.part_id").orderBy("i.version", "desc");
  if (filter.partId !== undefined) q = q.where("i.part_id", "=", filter.partId);
  if (filter.organisationId !== undefined) q = q.where("i.organisation_id", "=", filter.organisationId);
  if (filter.draftOrganisations !== "all") {
    const ids = filter.draftOrganisations.length > 0 ? filter.draftOrganisations : [-1];
    q = q.where((eb) => eb.or([eb("i.status", "=", "decided"), eb("i.organisation_id", "in", ids)]));
  }
  const rows = await q.execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) => toDecision(r, r.previous_id ? byId.get(r.previous_id) : undefined));
}

/** A later version of the same decision already exists: a decided version is changed only once. */
export async function hasNewerVersion(db: Conn, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom("grant_internal_decisions").select("id").where("previous_id", "=", id).executeTakeFirst());
}
