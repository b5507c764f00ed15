import type { Db } from "../db/connect";
import type { AccountClassOverride } from "../core/followup/account-class";
import { LedgerFileError, type CsvMapping } from "./import-csv";

type Row = { id: number; name: string; separator: string; decimal_comma: boolean; has_header: boolean; encoding: "utf-8" | "windows-1252"; sign: "ledger" | "reversed"; columns: unknown };

const toMapping = (r: Row): CsvMapping & { id: number } => ({
  id: r.id,
  name: r.name,
  separator: r.separator,
  decimalComma: r.decimal_comma,
  hasHeader: r.has_header,
  encoding: r.encoding,
  sign: r.sign,
  columns: r.columns as CsvMapping["columns"],
});

export async function listCsvMappings(db: Db, organisationId: number): Promise<(CsvMapping & { id: number })[]> {
  const rows = await db.selectFrom("csv_mappings").selectAll().where("organisation_id", "=", organisationId).orderBy("name").execute();
  return rows.map(toMapping);
}

export async function getCsvMapping(db: Db, organisationId: number, name: string): Promise<CsvMapping & { id: number }> {
  const row = await db.selectFrom("csv_mappings").selectAll().where("organisation_id", "=", organisationId).where("name", "=", name).executeTakeFirst();
  if (!row) throw new LedgerFileError(name, 0, "mappning", `kolumnmappningen "${name}" finns inte för organisationen`);
  return toMapping(row);
}

/**
 * Creates or replaces the organisation's mapping with this name; returns it as it was before (for
 * the audit log). Call inside the change's transaction: the existing row is locked.
 */
export async function saveCsvMapping(db: Db, organisationId: number, m: CsvMapping, userId: number | null): Promise<{ id: number; before: CsvMapping | null }> {
  const before = await db.selectFrom("csv_mappings").selectAll().where("organisation_id", "=", organisationId).where("name", "=", m.name).forUpdate().executeTakeFirst();
  const values = { separator: m.separator, decimal_comma: m.decimalComma, has_header: m.hasHeader, encoding: m.encoding, sign: m.sign, columns: JSON.stringify(m.columns), updated_by: userId, updated_at: new Date() };
  const { id } = await db
    .insertInto("csv_mappings")
    .values({ organisation_id: organisationId, name: m.name, ...values })
    .onConflict((oc) => oc.columns(["organisation_id", "name"]).doUpdateSet(values))
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, before: before ? toMapping(before) : null };
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

export async function listObjectLinks(db: Db, organisationId: number): Promise<ObjectLink[]> {
  const rows = await db.selectFrom("ledger_object_links").selectAll().where("organisation_id", "=", organisationId).orderBy("dimension").orderBy("code").execute();
  return rows.map((r) => ({ dimension: r.dimension, code: r.code, grantId: r.grant_id, budgetLine: r.budget_line, label: r.label }));
}

/** Creates or replaces the link of one object; returns the link as it was before (for the audit log). */
export async function saveObjectLink(db: Db, organisationId: number, link: ObjectLink): Promise<ObjectLink | null> {
  const before = await db
    .selectFrom("ledger_object_links")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("dimension", "=", link.dimension)
    .where("code", "=", link.code)
    .forUpdate()
    .executeTakeFirst();
  const values = { grant_id: link.grantId, budget_line: link.budgetLine, label: link.label };
  await db
    .insertInto("ledger_object_links")
    .values({ organisation_id: organisationId, dimension: link.dimension, code: link.code, ...values })
    .onConflict((oc) => oc.columns(["organisation_id", "dimension", "code"]).doUpdateSet(values))
    .execute();
  return before ? { dimension: before.dimension, code: before.code, grantId: before.grant_id, budgetLine: before.budget_line, label: before.label } : null;
}
