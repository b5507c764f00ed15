import { UserFacingError } from "../core/errors";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import { LedgerRowWriter, rebuildTotals } from "./rows";
import { AmountBound, amountLimitMessage } from "./amount-bound";
import { recordFailedImport } from "./import-sie";

/** A column by header text or 1-based position. */
export type ColumnRef = string | number;

export interface CsvMapping {
  name: string;
  separator: string;
  decimalComma: boolean;
  hasHeader: boolean;
  encoding: "utf-8" | "windows-1252";
  /** "ledger": costs positive, income negative (as in the ledger); "reversed": income positive. */
  sign: "ledger" | "reversed";
  columns: { account: ColumnRef; amount: ColumnRef; period?: ColumnRef; date?: ColumnRef; costCentre?: ColumnRef; project?: ColumnRef; text?: ColumnRef };
}

/** A CSV outcome file that cannot be read: what and where, in Swedish. */
export class LedgerFileError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}${line > 0 ? `, rad ${line}` : ""}${field ? ` (${field})` : ""}: ${detail}`, { code: "invalid_file", where: { file, line: line > 0 ? line : undefined, field: field || undefined } });
  }
}

export interface CsvRow {
  line: number;
  period: number;
  date: string;
  account: string;
  costCentre: string | null;
  project: string | null;
  amount: number;
  text: string | null;
}

const FIELD_NAMES: Record<keyof CsvMapping["columns"], string> = { account: "konto", amount: "belopp", period: "period", date: "datum", costCentre: "kostnadsställe", project: "projekt", text: "text" };

/** Reads an amount exactly ("-1 234,50", "1234.5" with decimal point) as öre. */
export function parseCsvAmount(text: string, decimalComma: boolean): number | null {
  const t = text.replace(/[\s\u00a0]/gu, "").replace(/^−/u, "-");
  const re = decimalComma ? /^([-+]?)(\d+)(?:,(\d{1,2}))?$/u : /^([-+]?)(\d+)(?:\.(\d{1,2}))?$/u;
  const m = re.exec(decimalComma ? t.replaceAll(".", "") : t.replaceAll(",", ""));
  if (!m) return null;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(ore)) return null;
  return m[1] === "-" ? -ore : ore;
}

/** Parses a CSV outcome file with a mapping; every problem is collected with its line and field. */
export function parseOutcomeCsv(bytes: Uint8Array, mapping: CsvMapping, file: string): CsvRow[] {
  const text = mapping.encoding === "windows-1252" ? iconv.decode(Buffer.from(bytes), "win1252") : Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/u, "");
  let records: string[][];
  try {
    records = parse(text, { delimiter: mapping.separator, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new LedgerFileError(file, (e as { lines?: number }).lines ?? 0, "", `filen är inte giltig CSV (${(e as Error).message})`);
  }
  const header = mapping.hasHeader ? (records[0] ?? []) : [];
  const index = (field: keyof CsvMapping["columns"]): number | undefined => {
    const ref = mapping.columns[field];
    if (ref === undefined || ref === "") return undefined;
    if (typeof ref === "number" || /^\d+$/.test(ref)) return Number(ref) - 1;
    const i = header.findIndex((h) => h.toLowerCase() === ref.toLowerCase());
    if (i < 0) throw new LedgerFileError(file, 1, FIELD_NAMES[field], `kolumnen "${ref}" finns inte i rubrikraden (${header.join(", ")})`);
    return i;
  };
  const col = { account: index("account")!, amount: index("amount")!, period: index("period"), date: index("date"), costCentre: index("costCentre"), project: index("project"), text: index("text") };
  if (col.period === undefined && col.date === undefined) throw new LedgerFileError(file, 0, "period", "mappningen anger varken period eller datum");
  const rows: CsvRow[] = [];
  const errors: LedgerFileError[] = [];
  const bound = new AmountBound();
  let boundPassed = false;
  records.slice(mapping.hasHeader ? 1 : 0).forEach((r, i) => {
    const line = i + (mapping.hasHeader ? 2 : 1);
    const get = (c: number | undefined) => (c === undefined ? "" : (r[c] ?? ""));
    const account = get(col.account);
    if (!account) errors.push(new LedgerFileError(file, line, "konto", "kontot saknas"));
    const amount = parseCsvAmount(get(col.amount), mapping.decimalComma);
    if (amount === null) errors.push(new LedgerFileError(file, line, "belopp", `"${get(col.amount)}" är inte ett belopp${mapping.decimalComma ? " med decimalkomma" : ""}`));
    else if (!boundPassed && !bound.add(amount)) {
      boundPassed = true;
      errors.push(new LedgerFileError(file, line, "belopp", amountLimitMessage));
    }
    let date = get(col.date);
    let period: number | null = null;
    if (col.period !== undefined) {
      const m = /^(\d{4})-?(\d{2})$/.exec(get(col.period));
      if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) period = Number(m[1]) * 100 + Number(m[2]);
      else errors.push(new LedgerFileError(file, line, "period", `"${get(col.period)}" är ingen period (ÅÅÅÅMM eller ÅÅÅÅ-MM)`));
    }
    if (col.date !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.push(new LedgerFileError(file, line, "datum", `"${date}" är inget datum (ÅÅÅÅ-MM-DD)`));
      else period ??= Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
    }
    if (period !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) date = `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}-01`;
    if (!account || amount === null || period === null) return;
    rows.push({
      line,
      period,
      date,
      account,
      costCentre: get(col.costCentre) || null,
      project: get(col.project) || null,
      amount: mapping.sign === "reversed" ? -amount : amount,
      text: get(col.text) || null,
    });
  });
  if (errors.length > 0) {
    const err = new LedgerFileError(file, errors[0]!.line, errors[0]!.field, errors[0]!.detail);
    err.message = `${file} kan inte läsas in (${errors.length} fel):\n` + errors.slice(0, 10).map((e) => e.message).join("\n") + (errors.length > 10 ? `\n… och ${errors.length - 10} fel till` : "");
    throw err;
  }
  return rows;
}

export interface CsvImportResult {
  importId: number;
  year: number;
  rows: number;
  periods: number[];
  /** Rows of earlier CSV imports for the same periods that this import replaced. */
  replacedRows: number;
}

/**
 * Imports CSV outcome rows in one transaction. The periods the file holds replace the same
 * periods of the organisation's earlier CSV imports, so re-importing a month never duplicates it.
 */
export interface CsvImportOptions {
  organisationId: number;
  fileName: string;
  importedBy?: number | null;
  beforeCommit?: (trx: Transaction<Database>, result: CsvImportResult) => Promise<void>;
  onFailed?: (trx: Transaction<Database>, importId: number) => Promise<void>;
}

export async function importOutcomeCsv(db: Db, bytes: Uint8Array, mapping: CsvMapping, options: CsvImportOptions): Promise<CsvImportResult> {
  let rows: CsvRow[];
  try {
    rows = parseOutcomeCsv(bytes, mapping, options.fileName);
    if (rows.length === 0) throw new LedgerFileError(options.fileName, 0, "", "filen innehåller inga rader att importera");
  } catch (e) {
    if (e instanceof LedgerFileError) await recordFailedImport(db, options, options.fileName, "csv", e.message, options.onFailed);
    throw e;
  }
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  const year = Math.floor(periods[0]! / 100);
  return db.transaction().execute(async (trx) => {
    const earlier = await trx.selectFrom("ledger_imports").select("id").where("organisation_id", "=", options.organisationId).where("kind", "=", "csv").where("status", "=", "done").execute();
    let replacedRows = 0;
    if (earlier.length > 0) {
      const ids = earlier.map((e) => e.id);
      const deleted = await trx.deleteFrom("ledger_transactions").where("import_id", "in", ids).where("period", "in", periods).executeTakeFirst();
      replacedRows = Number(deleted.numDeletedRows);
      for (const id of ids) {
        await rebuildTotals(trx, id);
        const left = await trx.selectFrom("ledger_transactions").select("import_id").where("import_id", "=", id).limit(1).executeTakeFirst();
        if (!left) await trx.updateTable("ledger_imports").set({ status: "replaced" }).where("id", "=", id).execute();
      }
    }
    const { id: importId } = await trx
      .insertInto("ledger_imports")
      .values({ organisation_id: options.organisationId, file_name: options.fileName, kind: "csv", year, status: "done", imported_by: options.importedBy ?? null, error: null, summary: JSON.stringify({ mapping: mapping.name, periods }) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const writer = new LedgerRowWriter(trx, importId);
    // One voucher per file: a CSV of outcomes has no vouchers of its own.
    await writer.addVoucher({ series: "CSV", number: String(importId), date: rows[0]!.date, text: `${options.fileName} (mappning ${mapping.name})`, line: 0 }, rows.map((r) => ({ ...r, objects: null })));
    await writer.finish();
    await trx.updateTable("ledger_imports").set({ voucher_count: 1, transaction_count: rows.length }).where("id", "=", importId).execute();
    const result = { importId, year, rows: rows.length, periods, replacedRows };
    await options.beforeCommit?.(trx, result);
    return result;
  });
}
