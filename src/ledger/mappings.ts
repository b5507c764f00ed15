import type { Db } from "../db/connect";
import type { AccountClassOverride } from "../core/followup/account-class";
import { LedgerFileError, type CsvMapping } from "./import-csv";

type Row = { id: number; name: string; separator: string; decimal_comma: boolean; has_header: boolean; encoding: "utf-8" | "windows-1252"; sign: "ledger" | "reversed"; columns: unknown; revision: number };

/** A saved mapping as read: its id and the revision a save must be based on. */
export type StoredCsvMapping = CsvMapping & { id: number; revision: number };

const toMapping = (r: Row): StoredCsvMapping => ({
  id: r.id,
  revision: r.revision,
  name: r.name,
  separator: r.separator,
  decimalComma: r.decimal_comma,
  hasHeader: r.has_header,
  encoding: r.encoding,
  sign: r.sign,
  columns: r.columns as CsvMapping["columns"],
});

export async function listCsvMappings(db: Db, organisationId: number): Promise<StoredCsvMapping[]> {
  const rows = await db.selectFrom("csv_mappings").selectAll().where("organisation_id", "=", organisationId).orderBy("name").execute();
  return rows.map(toMapping);
}

export async function getCsvMapping(db: Db, organisationId: number, name: string): Promise<StoredCsvMapping> {
  const row = await db.selectFrom("csv_mappings").selectAll().where("organisation_id", "=", organisationId).where("name", "=", name).executeTakeFirst();
  if (!row) throw new LedgerFileError(name, 0, "mappning", `kolumnmappningen "${name}" finns inte för organisationen`);
  return toMapping(row);
}

/** The mapping with this name as stored, locked for the change, with who saved it last. */
export async function lockCsvMapping(db: Db, organisationId: number, name: string): Promise<(StoredCsvMapping & { updatedBy: string | null; updatedAt: Date }) | null> {
  const row = await db
    .selectFrom("csv_mappings as m")
    .leftJoin("users as u", "u.id", "m.updated_by")
    .selectAll("m")
    .select("u.username")
    .where("m.organisation_id", "=", organisationId)
    .where("m.name", "=", name)
    .forUpdate("m")
    .executeTakeFirst();
  return row ? { ...toMapping(row), updatedBy: row.username, updatedAt: row.updated_at } : null;
}

/**
 * Creates or replaces the organisation's mapping with this name and returns its id and new
 * revision. Call inside the change's transaction after lockCsvMapping has checked the revision;
 * an insert that meets a row another transaction just created returns null (a stale save).
 */
export async function saveCsvMapping(db: Db, organisationId: number, m: CsvMapping, userId: number | null, revision: number): Promise<{ id: number; revision: number } | null> {
  const values = { separator: m.separator, decimal_comma: m.decimalComma, has_header: m.hasHeader, encoding: m.encoding, sign: m.sign, columns: JSON.stringify(m.columns), updated_by: userId, updated_at: new Date() };
  if (revision === 0) {
    const inserted = await db
      .insertInto("csv_mappings")
      .values({ organisation_id: organisationId, name: m.name, ...values })
      .onConflict((oc) => oc.columns(["organisation_id", "name"]).doNothing())
      .returning(["id", "revision"])
      .executeTakeFirst();
    return inserted ?? null;
  }
  return (
    (await db
      .updateTable("csv_mappings")
      .set({ ...values, revision: revision + 1 })
      .where("organisation_id", "=", organisationId)
      .where("name", "=", m.name)
      .where("revision", "=", revision)
      .returning(["id", "revision"])
      .executeTakeFirst()) ?? null
  );
}

/** The organisation's account class overrides as one set, with the revision a save must be based on. */
export interface AccountClassSet {
  overrides: AccountClassOverride[];
  revision: number;
}

export async function readAccountClassSet(db: Db, organisationId: number): Promise<AccountClassSet> {
  const [overrides, state] = await Promise.all([listAccountClasses(db, organisationId), db.selectFrom("ledger_account_class_sets").select("revision").where("organisation_id", "=", organisationId).executeTakeFirst()]);
  return { overrides, revision: state?.revision ?? 0 };
}

/**
 * Locks the organisation's set and returns its revision and last editor. Every change to the
 * overrides takes this lock first, so two saves of the set take turns and the second sees the first.
 */
export async function lockAccountClassSet(db: Db, organisationId: number): Promise<{ revision: number; updatedBy: string | null; updatedAt: Date | null }> {
  // Creating the row (revision 0 is its absence) gives the lock something to hold on the first save too.
  await db.insertInto("ledger_account_class_sets").values({ organisation_id: organisationId, revision: 0 }).onConflict((oc) => oc.column("organisation_id").doNothing()).execute();
  const row = await db.selectFrom("ledger_account_class_sets").select(["revision", "updated_by", "updated_at"]).where("organisation_id", "=", organisationId).forUpdate().executeTakeFirstOrThrow();
  return { revision: row.revision, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

/** Records a change of the set; returns its new revision. Call after lockAccountClassSet. */
export async function bumpAccountClassSet(db: Db, organisationId: number, username: string): Promise<number> {
  const row = await db
    .updateTable("ledger_account_class_sets")
    .set((eb) => ({ revision: eb("revision", "+", 1), updated_by: username, updated_at: new Date() }))
    .where("organisation_id", "=", organisationId)
    .returning("revision")
    .executeTakeFirstOrThrow();
  return row.revision;
}

export async function listAccountClasses(db: Db, organisationId: number): Promise<AccountClassOverride[]> {
  const rows = await db.selectFrom("ledger_account_classes").selectAll().where("organisation_id", "=", organisationId).orderBy("account_from").execute();
  return rows.map((r) => ({ from: r.account_from, to: r.account_to, class: r.class, jointFinancing: r.joint_financing }));
}

/**
 * Replaces the organisation's account class overrides with the given list. Two statements: call
 * it inside the change's transaction (app/ledger/set-account-classes.ts) so nobody sees half.
 */
export async function replaceAccountClasses(db: Db, organisationId: number, overrides: readonly AccountClassOverride[]): Promise<void> {
  await db.deleteFrom("ledger_account_classes").where("organisation_id", "=", organisationId).execute();
  if (overrides.length === 0) return;
  await db
    .insertInto("ledger_account_classes")
    .values(overrides.map((o) => ({ organisation_id: organisationId, account_from: o.from, account_to: o.to, class: o.class, joint_financing: o.jointFinancing ?? false })))
    .execute();
}

export interface ObjectLink {
  dimension: number;
  code: string;
  grantId: number | null;
  budgetLine: string | null;
  label: string | null;
}

/** A link as read: the revision a change of it must be based on. */
export type StoredObjectLink = ObjectLink & { revision: number };

type LinkRow = { dimension: number; code: string; grant_id: number | null; budget_line: string | null; label: string | null; revision: number };
const toLink = (r: LinkRow): StoredObjectLink => ({ dimension: r.dimension, code: r.code, grantId: r.grant_id, budgetLine: r.budget_line, label: r.label, revision: r.revision });

export async function listObjectLinks(db: Db, organisationId: number): Promise<StoredObjectLink[]> {
  const rows = await db.selectFrom("ledger_object_links").selectAll().where("organisation_id", "=", organisationId).orderBy("dimension").orderBy("code").execute();
  return rows.map(toLink);
}

/** The object's link as stored, locked for the change, with who changed it last. */
export async function lockObjectLink(db: Db, organisationId: number, dimension: number, code: string): Promise<(StoredObjectLink & { updatedBy: string | null; updatedAt: Date }) | null> {
  const row = await db
    .selectFrom("ledger_object_links")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("dimension", "=", dimension)
    .where("code", "=", code)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...toLink(row), updatedBy: row.updated_by, updatedAt: row.updated_at } : null;
}

/**
 * Creates (revision 0) or changes the link of one object, conditional on the revision it was
 * based on; null when another transaction got there first (a stale change).
 */
export async function saveObjectLink(db: Db, organisationId: number, link: ObjectLink, revision: number, username: string): Promise<number | null> {
  const values = { grant_id: link.grantId, budget_line: link.budgetLine, label: link.label, updated_by: username, updated_at: new Date() };
  const written =
    revision === 0
      ? await db
          .insertInto("ledger_object_links")
          .values({ organisation_id: organisationId, dimension: link.dimension, code: link.code, ...values })
          .onConflict((oc) => oc.columns(["organisation_id", "dimension", "code"]).doNothing())
          .returning("revision")
          .executeTakeFirst()
      : await db
          .updateTable("ledger_object_links")
          .set({ ...values, revision: revision + 1 })
          .where("organisation_id", "=", organisationId)
          .where("dimension", "=", link.dimension)
          .where("code", "=", link.code)
          .where("revision", "=", revision)
          .returning("revision")
          .executeTakeFirst();
  return written?.revision ?? null;
}
