import type { Kysely, Transaction } from "kysely";
import type { SavedBudgetDocument } from "../../core/budget/documents";
import type { DocumentMetadata } from "../../core/budget/specs";
import type { Database } from "../schema";
import type { BudgetDocumentKind } from "../schema-budgets";

type Conn = Kysely<Database> | Transaction<Database>;

export type { SavedBudgetDocument };

export interface NewBudgetDocument {
  kind: BudgetDocumentKind;
  organisationId: number;
  title: string;
  year: number;
  spec: unknown;
  result: unknown;
  metadata: DocumentMetadata;
  totalOre: number;
  createdBy: number | null;
  version?: number;
  previousId?: number | null;
  lineageId?: number;
}

export async function insertBudgetDocument(db: Conn, v: NewBudgetDocument): Promise<number> {
  const { id } = await db
    .insertInto("budget_documents")
    .values({
      kind: v.kind,
      organisation_id: v.organisationId,
      title: v.title,
      year: v.year,
      spec: JSON.stringify(v.spec),
      result: JSON.stringify(v.result),
      metadata: JSON.stringify(v.metadata),
      total_ore: v.totalOre,
      created_by: v.createdBy,
      updated_by: v.createdBy,
      version: v.version ?? 1,
      previous_id: v.previousId ?? null,
      ...(v.lineageId !== undefined ? { lineage_id: v.lineageId } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes a proposal and counts its revision up; false when it is decided (or gone), so a decision always wins. */
export async function updateBudgetProposal(
  db: Conn,
  id: number,
  v: Pick<NewBudgetDocument, "title" | "year" | "spec" | "result" | "metadata" | "totalOre">,
  updatedBy: number | null = null,
): Promise<boolean> {
  const updated = await db
    .updateTable("budget_documents")
    .set((eb) => ({ title: v.title, year: v.year, spec: JSON.stringify(v.spec), result: JSON.stringify(v.result), metadata: JSON.stringify(v.metadata), total_ore: v.totalOre, revision: eb("revision", "+", 1), updated_by: updatedBy, updated_at: new Date() }))
    .where("id", "=", id)
    .where("status", "=", "proposal")
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function markDecided(db: Conn, id: number, userId: number | null): Promise<boolean> {
  const updated = await db
    .updateTable("budget_documents")
    .set((eb) => ({ status: "decided", decided_by: userId, decided_at: new Date(), revision: eb("revision", "+", 1), updated_by: userId, updated_at: new Date() }))
    .where("id", "=", id)
    .where("status", "=", "proposal")
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/**
 * Locks a document's row for the rest of the transaction and reads it, so the state and
 * revision a change is checked against cannot change before it commits.
 */
export async function lockBudgetDocument(trx: Conn, id: number): Promise<(SavedBudgetDocument & { lineageId: number }) | undefined> {
  const locked = await trx.selectFrom("budget_documents").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  if (!locked) return undefined;
  const row = await baseQuery(trx).where("b.id", "=", id).executeTakeFirstOrThrow();
  return { ...toSaved(row), lineageId: row.lineage_id };
}

/** The version made from a document, if any. */
export async function budgetSuccessorOf(db: Conn, id: number): Promise<{ id: number; version: number } | undefined> {
  return db.selectFrom("budget_documents").select(["id", "version"]).where("previous_id", "=", id).orderBy("id").executeTakeFirst();
}

function baseQuery(db: Conn) {
  return db
    .selectFrom("budget_documents as b")
    .innerJoin("organisations as o", "o.id", "b.organisation_id")
    .leftJoin("users as cu", "cu.id", "b.created_by")
    .leftJoin("users as du", "du.id", "b.decided_by")
    .leftJoin("users as uu", "uu.id", "b.updated_by")
    .select([
      "b.id",
      "b.kind",
      "b.organisation_id",
      "o.code as organisation_code",
      "o.name as organisation_name",
      "b.title",
      "b.year",
      "b.status",
      "b.version",
      "b.previous_id",
      "b.total_ore",
      "b.spec",
      "b.result",
      "b.metadata",
      "cu.display_name as created_by_name",
      "b.created_at",
      "b.updated_at",
      "b.decided_at",
      "du.display_name as decided_by_name",
      "b.revision",
      "b.lineage_id",
      "uu.display_name as updated_by_name",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function toSaved(r: Row): SavedBudgetDocument {
  return {
    id: r.id,
    kind: r.kind,
    organisationId: r.organisation_id,
    organisationCode: r.organisation_code,
    organisationName: r.organisation_name,
    title: r.title,
    year: r.year,
    status: r.status,
    version: r.version,
    previousId: r.previous_id,
    totalOre: r.total_ore,
    spec: r.spec,
    result: r.result,
    metadata: r.metadata as DocumentMetadata,
    createdBy: r.created_by_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
    decidedBy: r.decided_by_name,
    revision: r.revision,
    updatedBy: r.updated_by_name,
  };
}

export async function getBudgetDocument(db: Conn, id: number): Promise<SavedBudgetDocument | undefined> {
  const row = await baseQuery(db).where("b.id", "=", id).executeTakeFirst();
  return row ? toSaved(row) : undefined;
}

/** Decided documents of every organisation, and proposals of the organisations given ("all" for admins). */
export async function listBudgetDocuments(db: Conn, kind: BudgetDocumentKind, draftOrganisations: number[] | "all"): Promise<SavedBudgetDocument[]> {
  let q = baseQuery(db).where("b.kind", "=", kind);
  if (draftOrganisations !== "all") {
    const orgs = draftOrganisations;
    q = q.where((eb) => (orgs.length > 0 ? eb.or([eb("b.status", "=", "decided"), eb("b.organisation_id", "in", orgs)]) : eb("b.status", "=", "decided")));
  }
  const rows = await q.orderBy("b.year", "desc").orderBy("b.id", "desc").execute();
  return rows.map(toSaved);
}
