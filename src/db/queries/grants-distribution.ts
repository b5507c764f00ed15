import type { Kysely, Transaction } from "kysely";
import type { AllocationRequest } from "../../core/allocation/request";
import type { AllocationResult, Ore } from "../../core/allocation/types";
import type { AnnexLine } from "../../core/grants/annex";
import { compareWithKey, type RoundingMatch } from "../../core/grants/compare";
import { checkDistribution } from "../../core/grants/parts-check";
import type { Entitlement, Distribution } from "../../core/grants/records";
import type { Database } from "../schema";

type Conn = Kysely<Database> | Transaction<Database>;

export type { Entitlement, Distribution } from "../../core/grants/records";

async function replaceEntitlements(db: Conn, partId: number, rows: { recipientCode: string; amount: Ore; explanation: string }[]): Promise<void> {
  await db.deleteFrom("grant_entitlements").where("part_id", "=", partId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto("grant_entitlements")
    .values(rows.map((r, i) => ({ part_id: partId, recipient_code: r.recipientCode, position: i + 1, amount_ore: r.amount, explanation: r.explanation })))
    .execute();
}

async function upsertDistribution(db: Conn, partId: number, values: { mode: "key" | "annex"; request: unknown; result: unknown; comparisonRequest: unknown; comparisonResult: unknown; comparisonRoundings?: RoundingMatch[] | null; source: string | null }, userId: number | null, userName: string | null) {
  const row = {
    mode: values.mode,
    request: values.request === null ? null : JSON.stringify(values.request),
    result: values.result === null ? null : JSON.stringify(values.result),
    comparison_request: values.comparisonRequest === null ? null : JSON.stringify(values.comparisonRequest),
    comparison_result: values.comparisonResult === null ? null : JSON.stringify(values.comparisonResult),
    comparison_roundings: values.comparisonRoundings ? JSON.stringify(values.comparisonRoundings) : null,
    source: values.source,
    updated_by: userId,
    updated_by_name: userName,
    updated_at: new Date(),
  };
  await db
    .insertInto("grant_distributions")
    .values({ part_id: partId, ...row })
    .onConflict((oc) => oc.column("part_id").doUpdateSet((eb) => ({ ...row, revision: eb("grant_distributions.revision", "+", 1) })))
    .execute();
}

/** Stores a key distribution: the engine's shares become the recipients' entitlements. */
export async function saveKeyDistribution(db: Conn, partId: number, request: AllocationRequest, result: AllocationResult, userId: number | null, userName: string | null = null): Promise<void> {
  await upsertDistribution(db, partId, { mode: "key", request, result, comparisonRequest: null, comparisonResult: null, source: null }, userId, userName);
  await replaceEntitlements(
    db,
    partId,
    result.shares.map((s) => ({ recipientCode: s.key, amount: s.amount, explanation: s.explanation })),
  );
}

/** Stores the decided amounts an annex lists, and optionally what a key computes beside them. */
export async function saveAnnexDistribution(
  db: Conn,
  partId: number,
  lines: AnnexLine[],
  source: string,
  comparison: { request: AllocationRequest; result: AllocationResult; roundings?: RoundingMatch[] } | null,
  userId: number | null,
  userName: string | null = null,
): Promise<void> {
  await upsertDistribution(
    db,
    partId,
    { mode: "annex", request: null, result: null, comparisonRequest: comparison?.request ?? null, comparisonResult: comparison?.result ?? null, comparisonRoundings: comparison?.roundings ?? null, source },
    userId,
    userName,
  );
  await replaceEntitlements(
    db,
    partId,
    lines.map((l) => ({ recipientCode: l.recipientCode, amount: l.amount, explanation: `Beslutat belopp enligt bilagan (${source}, rad ${l.line}: "${l.name}").` })),
  );
}

export async function listEntitlements(db: Conn, partId: number): Promise<Entitlement[]> {
  const rows = await db
    .selectFrom("grant_entitlements as e")
    .innerJoin("organisations as o", "o.code", "e.recipient_code")
    .select(["e.recipient_code", "o.name", "e.amount_ore", "e.explanation"])
    .where("e.part_id", "=", partId)
    .orderBy("e.position")
    .execute();
  return rows.map((r) => ({ recipientCode: r.recipient_code, recipientName: r.name, amount: r.amount_ore, explanation: r.explanation }));
}

export async function getDistribution(db: Conn, partId: number, partAmount: Ore): Promise<Distribution | undefined> {
  const row = await db.selectFrom("grant_distributions").selectAll().where("part_id", "=", partId).executeTakeFirst();
  if (!row) return undefined;
  const entitlements = await listEntitlements(db, partId);
  let comparison: Distribution["comparison"] = null;
  if (row.comparison_request && row.comparison_result) {
    const names = new Map(entitlements.map((e) => [e.recipientCode, e.recipientName]));
    const result = row.comparison_result as AllocationResult;
    comparison = {
      request: row.comparison_request as AllocationRequest,
      roundings: (row.comparison_roundings as RoundingMatch[] | null | undefined) ?? [],
      ...compareWithKey(
        entitlements.map((e) => ({ recipientCode: e.recipientCode, name: e.recipientName, amount: e.amount })),
        result.shares.map((s) => ({ recipientCode: s.key, name: names.get(s.key) ?? s.label, amount: s.amount, explanation: s.explanation })),
      ),
    };
  }
  return {
    partId,
    mode: row.mode,
    request: (row.request as AllocationRequest | null) ?? null,
    result: (row.result as AllocationResult | null) ?? null,
    source: row.source,
    entitlements,
    check: checkDistribution(partAmount, entitlements),
    comparison,
    updatedAt: new Date(row.updated_at).toISOString(),
    revision: row.revision,
    updatedBy: row.updated_by_name,
  };
}
