import { budgetTotalWarnings } from "./budget-check";
import type { BalanceRow, PeriodAmount } from "./balances";
import type { Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import { readSie, SieError, SieFileError, type SieInput, type SieObjectRef, type SieRecord, type SieSummary, type SieWarning } from "../formats/sie";
import { accountClassOverrides, storeClassTotals } from "./class-totals";
import { buildBudgetTotals } from "./budget-totals";

import { AmountBound, amountLimitMessage } from "./amount-bound";
import { copierFor, LedgerRowWriter } from "./rows";
import { letOthersIn, removeStagedImport, stagedPgliteCopier } from "./staged-import";
import { embeddedClient } from "../db/connect";
import { replacePreviousImports, upsertChart, type ChartData } from "./chart";
import { compareImports, currentImportOf, ReplaceNeedsConsentError } from "./replace-check";

export interface ImportProgress {
  linesRead: number;
  bytesRead: number;
  /** The input's size when known (a path or bytes), for a percentage. */
  totalBytes?: number;
  transactions: number;
}

export interface SieImportOptions {
  organisationId: number;
  /** Name for messages and the import record; defaults to the file's base name. */
  fileName?: string;
  importedBy?: number | null;
  /**
   * Yes to replacing the year's current SIE import. Without it an import that would replace one
   * is rolled back with a ReplaceNeedsConsentError carrying the before/after comparison.
   */
  replace?: boolean;
  /** The input's size in bytes, when it is a stream. */
  totalBytes?: number;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Awaited after every 20 ms of parsing, so that others get their turn: by default the event
   * loop turns once; the server waits a little longer while it has other requests in progress.
   */
  giveWay?: () => Promise<unknown>;
  /** Runs with the failed import's record, in its transaction (the audit entry). */
  onFailed?: (trx: Transaction<Database>, importId: number) => Promise<void>;
  /** Runs inside the import's transaction after the rows are stored (the audit entry). */
  beforeCommit?: (trx: Transaction<Database>, result: SieImportResult) => Promise<void>;
}

export interface SieImportResult {
  importId: number;
  year: number;
  vouchers: number;
  transactions: number;
  balances: number;
  budgets: number;
  periodBalances: number;
  /** Parser warnings and one per disagreement of #UB/#RES with the transactions. */
  warnings: SieWarning[];
  disagreements: SieSummary["balanceDisagreements"];
  ksumma: SieSummary["ksumma"];
  /** Earlier imports of the same organisation and year that this one replaced. */
  replaced: number[];
}

/** The longest the import parses before it lets the event loop answer others. */
const YIELD_EVERY_MS = 20;

/** Cost centre is dimension 1, project dimension 6 (SIE convention); the full list is kept when it holds others. */
export function splitObjects(objects: readonly SieObjectRef[]): { costCentre: string | null; project: string | null; objects: string | null } {
  let costCentre: string | null = null;
  let project: string | null = null;
  let other = false;
  for (const o of objects) {
    if (o.dimension === 1) costCentre = o.code;
    else if (o.dimension === 6) project = o.code;
    else other = true;
  }
  return { costCentre, project, objects: other ? JSON.stringify(objects) : null };
}

// "YYYY-MM-DD" → YYYYMM from the character codes: called once per row.
const periodOf = (date: string) =>
  (date.charCodeAt(0) - 48) * 100000 + (date.charCodeAt(1) - 48) * 10000 + (date.charCodeAt(2) - 48) * 1000 + (date.charCodeAt(3) - 48) * 100 + (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);

/**
 * Imports a SIE 4 file into the ledger tables, all or nothing: on PostgreSQL in one transaction,
 * on the embedded database staged under an 'importing' record that no report counts until the
 * last, short transaction (staged-import.ts). On a
 * SieFileError (malformed records, an unbalanced voucher, a wrong #KSUMMA) everything is rolled
 * back, a failed import is recorded with the error, and the error is thrown on. The year's earlier
 * SIE import for the organisation is replaced, so importing a new export of the year never counts
 * twice. Disagreements of #UB/#RES with the transactions are stored as warnings.
 */
export async function importSie(db: Db, input: SieInput, options: SieImportOptions): Promise<SieImportResult> {
  const fileName = options.fileName ?? (typeof input === "string" ? input.split("/").pop()! : "(ström)");
  const totalBytes = options.totalBytes ?? (input instanceof Uint8Array ? input.byteLength : undefined) ?? (typeof input === "string" ? await fileSize(input) : undefined);
  const lite = embeddedClient(db);
  try {
    if (!lite) {
      // PostgreSQL: one transaction, on a connection of its own; others use the pool's other connections.
      return await db.transaction().execute(async (trx) => {
        const importId = await insertImportRecord(trx, options, fileName, "done");
        const staged = await stageRows(new LedgerRowWriter(trx, importId, await copierFor(db, trx)), input, fileName, totalBytes, options);
        return await finishImport(trx, importId, staged, fileName, totalBytes, options);
      });
    }
    // The embedded database: rows staged with the one session free between COPYs (staged-import.ts).
    const importId = await insertImportRecord(db, options, fileName, "importing");
    try {
      const staged = await stageRows(new LedgerRowWriter(db, importId, stagedPgliteCopier(db, lite)), input, fileName, totalBytes, options);
      // Before the last transaction, in pieces: after the rows, these are the longest statements
      // (summed in SQL, the reference ledger's budgets counted once and class sums took 4 s; now
      // COPYs of what the import holds).
      const giveWay = options.giveWay ?? letOthersIn;
      const budgets = await buildBudgetTotals(db, importId, staged.periodAmounts, staged.writer.copier, giveWay);
      await storeClassTotals(db, importId, await accountClassOverrides(db, options.organisationId), staged.writer.storedTotals(), budgets, staged.writer.copier, giveWay);
      await letOthersIn();
      return await db.transaction().execute((trx) => finishImport(trx, importId, { ...staged, storedBeforeFinish: true }, fileName, totalBytes, options));
    } catch (err) {
      await removeStagedImport(db, importId);
      throw err;
    }
  } catch (err) {
    if (err instanceof SieFileError) await recordFailedImport(db, options, fileName, "sie", err.message, options.onFailed);
    throw err;
  }
}

async function insertImportRecord(db: Db | Transaction<Database>, options: SieImportOptions, fileName: string, status: "done" | "importing"): Promise<number> {
  const { id } = await db
    .insertInto("ledger_imports")
    .values({ organisation_id: options.organisationId, file_name: fileName, kind: "sie", year: 0, status, imported_by: options.importedBy ?? null, error: null, summary: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** What the file held besides its rows, which the writer has stored by the time this is returned. */
interface StagedFile {
  writer: LedgerRowWriter;
  summary: SieSummary;
  chart: ChartData;
  balances: BalanceRow[];
  periodAmounts: PeriodAmount[];
  year: number | undefined;
  firstDate: string | undefined;
  /** Staged: budget and class totals were stored before the last transaction. */
  storedBeforeFinish?: boolean;
}

/** Reads the file, writing its vouchers and rows (and their totals) through `writer`. */
async function stageRows(writer: LedgerRowWriter, input: SieInput, fileName: string, totalBytes: number | undefined, options: SieImportOptions): Promise<StagedFile> {
  const importId = writer.importId;
  const chart: ChartData = { accounts: new Map(), dimensions: new Map(), objects: new Map() };
  const balances: BalanceRow[] = [];
  const periodAmounts: PeriodAmount[] = [];
  let year: number | undefined;
  let firstDate: string | undefined;
  const bound = new AmountBound();
  const within = (amount: number, line: number, field: string) => {
    if (!bound.add(amount)) throw new SieFileError(fileName, [new SieError(fileName, line, field, amountLimitMessage)]);
  };
  const onRecord = (r: SieRecord) => {
    switch (r.type) {
      case "VER": {
        firstDate ??= r.date;
        writer.startVoucher({ series: r.series, number: r.number, date: r.date, text: r.text, line: r.line });
        for (const t of r.transactions) {
          if (t.kind !== "TRANS") continue;
          within(t.amount, t.line, "#TRANS belopp");
          const date = t.date ?? r.date;
          // splitObjects inline: no object per row for the million-row case.
          let costCentre: string | null = null;
          let project: string | null = null;
          let other = false;
          for (const o of t.objects) {
            if (o.dimension === 1) costCentre = o.code;
            else if (o.dimension === 6) project = o.code;
            else other = true;
          }
          writer.addRow(periodOf(date), date, t.account, costCentre, project, other ? JSON.stringify(t.objects) : null, t.amount, t.text ?? null);
        }
        return;
      }
      case "RAR": if (r.yearIndex === 0) year = Number(r.start.slice(0, 4)); return;
      case "KONTO": chart.accounts.set(r.account, { name: r.name, type: chart.accounts.get(r.account)?.type ?? null }); return;
      case "KTYP": chart.accounts.set(r.account, { name: chart.accounts.get(r.account)?.name ?? "", type: r.accountType }); return;
      case "DIM": chart.dimensions.set(r.dimension, { name: r.name, parent: null }); return;
      case "UNDERDIM": chart.dimensions.set(r.dimension, { name: r.name, parent: r.parent }); return;
      case "OBJEKT": chart.objects.set(`${r.dimension}\u0000${r.code}`, r.name); return;
      case "IB": case "UB": case "RES":
        within(r.amount, r.line, `#${r.type} saldo`);
        balances.push({ import_id: importId, kind: r.type, year_index: r.yearIndex, account: r.account, cost_centre: null, project: null, objects: "[]", amount_ore: r.amount });
        return;
      case "OIB": case "OUB": {
        within(r.amount, r.line, `#${r.type} saldo`);
        const s = splitObjects(r.objects);
        balances.push({ import_id: importId, kind: r.type, year_index: r.yearIndex, account: r.account, cost_centre: s.costCentre, project: s.project, objects: JSON.stringify(r.objects), amount_ore: r.amount });
        return;
      }
      case "PSALDO": case "PBUDGET": {
        within(r.amount, r.line, `#${r.type} belopp`);
        const s = splitObjects(r.objects);
        periodAmounts.push({ import_id: importId, kind: r.type, year_index: r.yearIndex, period: Number(r.period), account: r.account, cost_centre: s.costCentre, project: s.project, objects: JSON.stringify(r.objects), amount_ore: r.amount });
        return;
      }
      default:
    }
  };
  let turned = performance.now();
  let balancesSent = 0;
  let periodAmountsSent = 0;
  const onRecords = async (records: SieRecord[]) => {
    for (const r of records) onRecord(r);
    if (balances.length > balancesSent || periodAmounts.length > periodAmountsSent) {
      writer.addBalances(balances.slice(balancesSent), periodAmounts.slice(periodAmountsSent));
      balancesSent = balances.length;
      periodAmountsSent = periodAmounts.length;
    }
    if (writer.full) await writer.flush();
    // Bytes already in memory (an upload) are parsed without ever waiting for I/O, and PGlite's
    // COPY settles without it too: the server would read no request until the file's end.
    if (performance.now() - turned > YIELD_EVERY_MS) {
      await (options.giveWay ?? letOthersIn)();
      turned = performance.now();
    }
  };
  let summary: SieSummary;
  try {
    summary = await readSie(input, {
      name: fileName,
      onRecords,
      onProgress: (linesRead, bytesRead) => options.onProgress?.({ linesRead, bytesRead, transactions: writer.rowCount, ...(totalBytes === undefined ? {} : { totalBytes }) }),
    });
    await writer.finish();
  } catch (err) {
    await writer.settle();
    throw err;
  }
  return { writer, summary, chart, balances, periodAmounts, year, firstDate };
}

/** Budgets counted once, the chart and class totals; the replace check; the record marked done. In `trx`. */
async function finishImport(trx: Transaction<Database>, importId: number, staged: StagedFile, fileName: string, totalBytes: number | undefined, options: SieImportOptions): Promise<SieImportResult> {
  const { writer, summary, chart, balances, periodAmounts, year, firstDate } = staged;
  const resolvedYear = year ?? (firstDate ? Number(firstDate.slice(0, 4)) : new Date().getFullYear());
  // Summed in this process: others get their turn between the steps, as while the file is read.
  const giveWay = options.giveWay ?? letOthersIn;
  const budgetTotals = staged.storedBeforeFinish ? [] : await buildBudgetTotals(trx, importId, periodAmounts, writer.copier, giveWay);
  await upsertChart(trx, options.organisationId, chart);
  const overrides = await accountClassOverrides(trx, options.organisationId);
  if (!staged.storedBeforeFinish) await storeClassTotals(trx, importId, overrides, writer.storedTotals(), budgetTotals, writer.copier, giveWay);
  const previous = await currentImportOf(trx, options.organisationId, resolvedYear, "sie", importId);
  if (previous !== undefined && !options.replace) {
    throw new ReplaceNeedsConsentError(await compareImports(trx, resolvedYear, previous, importId, { vouchers: writer.voucherCount, transactions: writer.rowCount }, overrides));
  }
  const replaced = await replacePreviousImports(trx, options.organisationId, resolvedYear, "sie", importId);
  const budgets = periodAmounts.filter((p) => p.kind === "PBUDGET").length;
  const warnings = [...summary.warnings, ...budgetTotalWarnings(periodAmounts, fileName)];
  await trx
    .updateTable("ledger_imports")
    .set({
      status: "done",
      year: resolvedYear,
      voucher_count: writer.voucherCount,
      transaction_count: writer.rowCount,
      balance_count: balances.length,
      budget_count: budgets,
      warnings: JSON.stringify(warnings),
      summary: JSON.stringify(summaryFor(summary)),
    })
    .where("id", "=", importId)
    .execute();
  options.onProgress?.({ linesRead: summary.linesRead, bytesRead: summary.bytesRead, transactions: writer.rowCount, ...(totalBytes === undefined ? {} : { totalBytes }) });
  const result: SieImportResult = {
    importId,
    year: resolvedYear,
    vouchers: writer.voucherCount,
    transactions: writer.rowCount,
    balances: balances.length,
    budgets,
    periodBalances: periodAmounts.length - budgets,
    warnings,
    disagreements: summary.balanceDisagreements,
    ksumma: summary.ksumma,
    replaced,
  };
  await options.beforeCommit?.(trx, result);
  return result;
}

function summaryFor(s: SieSummary) {
  return {
    encoding: s.encoding,
    sieType: s.sieType ?? null,
    program: s.program ?? null,
    generated: s.generated ?? null,
    company: s.company,
    years: s.years,
    ksumma: s.ksumma,
    firstVoucherDate: s.firstVoucherDate ?? null,
    lastVoucherDate: s.lastVoucherDate ?? null,
    warningsOmitted: s.warningsOmitted,
    debitTotal: s.debitTotal,
  };
}

export async function recordFailedImport(
  db: Db,
  options: { organisationId: number; importedBy?: number | null },
  fileName: string,
  kind: "sie" | "csv",
  error: string,
  onFailed?: (trx: Transaction<Database>, importId: number) => Promise<void>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await insertFailed(trx, options, fileName, kind, error);
    await onFailed?.(trx, id);
    return id;
  });
}

async function insertFailed(db: Transaction<Database>, options: { organisationId: number; importedBy?: number | null }, fileName: string, kind: "sie" | "csv", error: string): Promise<number> {
  const { id } = await db
    .insertInto("ledger_imports")
    .values({ organisation_id: options.organisationId, file_name: fileName, kind, year: 0, status: "failed", imported_by: options.importedBy ?? null, error, summary: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function fileSize(path: string): Promise<number | undefined> {
  const { stat } = await import("node:fs/promises");
  return stat(path).then((s) => s.size).catch(() => undefined);
}

