import type { Kysely, Transaction } from "kysely";
import type { AllocationRequest } from "../../core/allocation/request";
import type { AllocationResult } from "../../core/allocation/types";
import type { SavedAllocation } from "../../core/allocation/saved";

export type { SavedAllocation };
import type { Database } from "../schema";

type Conn = Kysely<Database> | Transaction<Database>;

export interface StoredLine {
  position: number;
  label: string;
  recipientCode: string | null;
  method: string;
  basis: string | null;
  quota: { numerator: string; denominator: string };
  amountOre: number;
  remainderRank: number | null;
  explanation: string;
}

export async function insertAllocation(
  db: Conn,
  values: { organisationId: number; title: string; request: AllocationRequest; result: AllocationResult; createdBy: number | null; version?: number; previousId?: number; lineageId?: number },
): Promise<number> {
  const { id } = await db
    .insertInto("allocations")
    .values({
      organisation_id: values.organisationId,
      title: values.title,
      total_ore: values.result.total,
      spec: JSON.stringify(values.request),
      result: JSON.stringify(values.result),
      created_by: values.createdBy,
      updated_by: values.createdBy,
      version: values.version ?? 1,
      previous_id: values.previousId ?? null,
      ...(values.lineageId !== undefined ? { lineage_id: values.lineageId } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceLines(db, id, values.request, values.result);
  return id;
}

export async function replaceLines(db: Conn, allocationId: number, request: AllocationRequest, result: AllocationResult): Promise<void> {
  await db.deleteFrom("allocation_lines").where("allocation_id", "=", allocationId).execute();
  if (result.shares.length === 0) return;
  await db
    .insertInto("allocation_lines")
    .values(
      result.shares.map((share, i) => ({
        allocation_id: allocationId,
        position: i + 1,
        label: share.label,
        recipient_code: request.lines[i]?.recipientCode ?? null,
        method: share.method,
        basis: share.basis,
        quota_numerator: share.quota.numerator,
        quota_denominator: share.quota.denominator,
        amount_ore: share.amount,
        remainder_rank: share.remainderRank,
        explanation: share.explanation,
      })),
    )
    .execute();
}

function baseQuery(db: Conn) {
  return db
    .selectFrom("allocations as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("users as cu", "cu.id", "a.created_by")
    .leftJoin("users as du", "du.id", "a.decided_by")
    .leftJoin("users as uu", "uu.id", "a.updated_by")
    .select([
      "a.id",
      "a.organisation_id",
      "o.name as organisation_name",
      "a.title",
      "a.status",
      "a.version",
      "a.previous_id",
      "a.total_ore",
      "a.spec",
      "a.result",
      "cu.display_name as created_by_name",
      "a.created_at",
      "a.decided_at",
      "du.display_name as decided_by_name",
      "a.revision",
      "a.lineage_id",
      "uu.display_name as updated_by_name",
      "a.updated_at",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toSaved(r: Row): SavedAllocation {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    title: r.title,
    status: r.status,
    version: r.version,
    previousId: r.previous_id,
    totalOre: r.total_ore,
    request: r.spec as AllocationRequest,
    result: r.result as AllocationResult,
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decidedBy: r.decided_by_name,
    revision: r.revision,
    updatedBy: r.updated_by_name,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Lists allocations: decided ones of every organisation, drafts only of the given ones. */
export async function listAllocations(db: Conn, draftOrganisations: number[] | "all"): Promise<SavedAllocation[]> {
  let q = baseQuery(db).orderBy("a.id", "desc");
  if (draftOrganisations !== "all") {
    const ids = draftOrganisations.length > 0 ? draftOrganisations : [-1];
    q = q.where((eb) => eb.or([eb("a.status", "=", "decided"), eb("a.organisation_id", "in", ids)]));
  }
  return (await q.execute()).map(toSaved);
}

export async function getAllocation(db: Conn, id: number): Promise<SavedAllocation | undefined> {
  const row = await baseQuery(db).where("a.id", "=", id).executeTakeFirst();
  return row ? toSaved(row) : undefined;
}

export async function getAllocationLines(db: Conn, id: number): Promise<StoredLine[]> {
  const rows = await db.selectFrom("allocation_lines").selectAll().where("allocation_id", "=", id).orderBy("position").execute();
  return rows.map((r) => ({
    position: r.position,
    label: r.label,
    recipientCode: r.recipient_code,
    method: r.method,
    basis: r.basis,
    quota: { numerator: r.quota_numerator, denominator: r.quota_denominator },
    amountOre: r.amount_ore,
    remainderRank: r.remainder_rank,
    explanation: r.explanation,
  }));
}

/**
 * Locks an allocation's row for the rest of the transaction and reads it, so the state and
 * revision a change is checked against cannot change before it commits.
 */
export async function lockAllocation(trx: Conn, id: number): Promise<(SavedAllocation & { lineageId: number }) | undefined> {
  const locked = await trx.selectFrom("allocations").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  if (!locked) return undefined;
  const row = await baseQuery(trx).where("a.id", "=", id).executeTakeFirstOrThrow();
  return { ...toSaved(row), lineageId: row.lineage_id };
}

/** The version that follows an allocation, if one was made from it. */
export async function successorOf(db: Conn, id: number): Promise<{ id: number; version: number } | undefined> {
  return db.selectFrom("allocations").select(["id", "version"]).where("previous_id", "=", id).orderBy("id").executeTakeFirst();
}
