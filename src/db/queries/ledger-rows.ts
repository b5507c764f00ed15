import { sql, type Transaction } from "kysely";
import type { Database } from "../schema";

type Trx = Transaction<Database>;

/** A ledger row on its way to ledger_transactions. */
export interface LedgerRow {
  voucherSeq: number;
  rowNo: number;
  /** YYYYMM. */
  period: number;
  date: string;
  account: string;
  costCentre: string | null;
  project: string | null;
  /** JSON of the full object list when it holds dimensions other than 1 and 6. */
  objects: string | null;
  amount: number;
  text: string | null;
}

const BATCH = 50_000;

/** A value as an element of an array literal ('{…}'): quoted, with `"` and `\` escaped; NULL for null. */
function element(value: string | null): string {
  return value === null ? "NULL" : `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** A column as one array literal: the server's array_in parses it far faster than the driver encodes an array. */
const literal = (xs: readonly (number | string)[]) => `{${xs.join(",")}}`;

/**
 * Distinct values with their 1-based positions (0 is null) and their array-literal form, so
 * that a value repeated on many rows is escaped once and the totals are keyed by position.
 */
class Dictionary {
  readonly values: string[] = [];
  readonly literals: string[] = ["NULL"];
  private readonly index = new Map<string, number>();

  of(value: string | null): number {
    if (value === null) return 0;
    let i = this.index.get(value);
    if (i === undefined) {
      this.values.push(value);
      this.literals.push(element(value));
      this.index.set(value, (i = this.values.length));
    }
    return i;
  }
}

interface VoucherHead {
  series: string;
  number: string;
  date: string;
  text: string;
  line: number;
}

/** Rows of one batch, column by column; text columns already as array-literal elements. */
class Batch {
  readonly seq: number[] = [];
  readonly rowNo: number[] = [];
  readonly period: number[] = [];
  readonly date: string[] = [];
  readonly account: string[] = [];
  readonly costCentre: string[] = [];
  readonly project: string[] = [];
  readonly objects: string[] = [];
  readonly amount: number[] = [];
  readonly text: string[] = [];
  readonly vouchers: (VoucherHead & { seq: number })[] = [];
  /** Free texts repeat ("Motkonto"): escaped once per batch. */
  private readonly texts = new Map<string, string>();

  literal(value: string | null): string {
    if (value === null) return "NULL";
    let l = this.texts.get(value);
    if (l === undefined) this.texts.set(value, (l = element(value)));
    return l;
  }
}

// Totals are keyed by one safe integer built from dictionary positions, not by joined strings.
const PERIODS = 4096;
const ACCOUNTS = 65536;
const MAX_OBJECTS = Math.floor(Number.MAX_SAFE_INTEGER / (PERIODS * 3 * ACCOUNTS));
const DIMENSIONS = [0, 1, 6] as const;

/**
 * Collects rows and voucher heads and writes them with `INSERT … SELECT FROM unnest(…)`: one
 * statement per 50 000 rows, each column sent as one array literal. One write is kept in flight
 * while the next batch fills, so that parsing and the database work at the same time. Also
 * keeps the per-import totals (see ledger_totals) in memory: a few per account and object.
 */
export class LedgerRowWriter {
  private batch = new Batch();
  private inFlight: Promise<unknown> = Promise.resolve();
  private readonly accounts = new Dictionary();
  private readonly codes = new Dictionary();
  private readonly dates = new Dictionary();
  private readonly periods = new Dictionary();
  private readonly totals = new Map<number, { amount: number; count: number }>();
  private rowNo = 0;
  rowCount = 0;
  voucherCount = 0;

  /** `checkpoints`: ask for CHECKPOINT after each batch (PGlite, see isEmbedded). */
  constructor(
    private readonly trx: Trx,
    private readonly importId: number,
    private readonly checkpoints = false,
  ) {}

  /** Starts a voucher; its rows follow with addRow. */
  startVoucher(v: VoucherHead): void {
    const seq = ++this.voucherCount;
    this.batch.vouchers.push({ seq, ...v });
    this.rowNo = 0;
  }

  /** A row of the voucher last started. `period` is YYYYMM, `objects` the JSON kept when other dimensions are used. */
  addRow(period: number, date: string, account: string, costCentre: string | null, project: string | null, objects: string | null, amount: number, text: string | null): void {
    const b = this.batch;
    const a = this.accounts.of(account);
    const c = this.codes.of(costCentre);
    const p = this.codes.of(project);
    b.seq.push(this.voucherCount);
    b.rowNo.push(++this.rowNo);
    b.period.push(period);
    b.date.push(this.dates.literals[this.dates.of(date)]!);
    b.account.push(this.accounts.literals[a]!);
    b.costCentre.push(this.codes.literals[c]!);
    b.project.push(this.codes.literals[p]!);
    b.objects.push(b.literal(objects));
    b.amount.push(amount);
    b.text.push(b.literal(text));
    this.rowCount++;
    const month = this.periods.of(String(period));
    this.count(month, a, 0, 0, amount);
    this.count(month, a, 2, p, amount);
    this.count(this.periods.of(String(Math.floor(period / 100) * 100)), a, 1, c, amount);
  }

  /** True when a batch is full and flush() should be awaited. */
  get full(): boolean {
    return this.batch.seq.length >= BATCH;
  }

  async addVoucher(v: VoucherHead, rows: Omit<LedgerRow, "voucherSeq" | "rowNo">[]): Promise<void> {
    this.startVoucher(v);
    for (const r of rows) this.addRow(r.period, r.date, r.account, r.costCentre, r.project, r.objects, r.amount, r.text);
    if (this.full) await this.flush();
  }

  /** `dimension` is the position in DIMENSIONS: 0 none, 1 cost centre (per year), 2 project. */
  private count(periodIndex: number, accountIndex: number, dimension: number, objectIndex: number, amount: number): void {
    if (periodIndex >= PERIODS || accountIndex >= ACCOUNTS || objectIndex >= MAX_OBJECTS) {
      throw new RangeError(`Filen har för många perioder, konton eller objekt för en import (${periodIndex} perioder, ${accountIndex} konton, ${objectIndex} objekt)`);
    }
    const key = periodIndex + PERIODS * (dimension + 3 * (accountIndex + ACCOUNTS * objectIndex));
    const t = this.totals.get(key);
    if (t) {
      t.amount += amount;
      t.count++;
    } else this.totals.set(key, { amount, count: 1 });
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = new Batch();
    await this.inFlight;
    this.inFlight = this.write(batch);
    // A failed write must surface: keep the promise, but also attach a no-op so Node does not
    // report it as unhandled before the next flush awaits it.
    this.inFlight.catch(() => {});
  }

  private async write(b: Batch): Promise<void> {
    const id = this.importId;
    const v = b.vouchers;
    if (v.length > 0) {
      await sql`INSERT INTO ledger_vouchers (import_id, seq, series, number, voucher_date, text, line)
        SELECT ${id}, * FROM unnest(${literal(v.map((x) => x.seq))}::int[], ${literal(v.map((x) => b.literal(x.series)))}::text[],
          ${literal(v.map((x) => b.literal(x.number)))}::text[], ${literal(v.map((x) => x.date))}::date[], ${literal(v.map((x) => b.literal(x.text)))}::text[],
          ${literal(v.map((x) => x.line))}::int[])`.execute(this.trx);
    }
    if (b.seq.length > 0) {
      await sql`INSERT INTO ledger_transactions (import_id, voucher_seq, row_no, period, trans_date, account, cost_centre, project, objects, amount_ore, text)
        SELECT ${id}, s, r, p, d, a, c, pr, o::jsonb, m, t
        FROM unnest(${literal(b.seq)}::int[], ${literal(b.rowNo)}::int[], ${literal(b.period)}::int[], ${literal(b.date)}::date[], ${literal(b.account)}::text[],
          ${literal(b.costCentre)}::text[], ${literal(b.project)}::text[], ${literal(b.objects)}::text[], ${literal(b.amount)}::bigint[], ${literal(b.text)}::text[])
          AS u(s, r, p, d, a, c, pr, o, m, t)`.execute(this.trx);
    }
    if (this.checkpoints) await sql`CHECKPOINT`.execute(this.trx);
  }

  /** Writes what is left and the totals; call once, at the end. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
    const period: number[] = [];
    const account: string[] = [];
    const dimension: number[] = [];
    const object: string[] = [];
    const amount: number[] = [];
    const count: number[] = [];
    const empty = element("");
    for (const [key, t] of this.totals) {
      period.push(Number(this.periods.values[(key % PERIODS) - 1]));
      let rest = Math.floor(key / PERIODS);
      dimension.push(DIMENSIONS[rest % 3]!);
      rest = Math.floor(rest / 3);
      account.push(this.accounts.literals[rest % ACCOUNTS]!);
      const o = Math.floor(rest / ACCOUNTS);
      // '' for no object: the column is NOT NULL.
      object.push(o === 0 ? empty : this.codes.literals[o]!);
      amount.push(t.amount);
      count.push(t.count);
    }
    for (let i = 0; i < period.length; i += BATCH) {
      const part = (xs: readonly (number | string)[]) => literal(xs.slice(i, i + BATCH));
      await sql`INSERT INTO ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)
        SELECT ${this.importId}, * FROM unnest(${part(period)}::int[], ${part(account)}::text[], ${part(dimension)}::int[], ${part(object)}::text[],
          ${part(amount)}::bigint[], ${part(count)}::int[])`.execute(this.trx);
    }
  }
}

/** Recomputes an import's totals from its rows (after a CSV re-import removed some of them). */
export async function rebuildTotals(trx: Trx, importId: number): Promise<void> {
  await sql`DELETE FROM ledger_totals WHERE import_id = ${importId}`.execute(trx);
  // The sums per class are made again from the new totals when a report next needs them.
  await sql`DELETE FROM ledger_class_totals_state WHERE import_id = ${importId}`.execute(trx);
  await sql`INSERT INTO ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)
    SELECT import_id, period, account, 0, '', sum(amount_ore), count(*) FROM ledger_transactions WHERE import_id = ${importId} GROUP BY import_id, period, account
    UNION ALL
    SELECT import_id, period, account, 6, coalesce(project, ''), sum(amount_ore), count(*) FROM ledger_transactions WHERE import_id = ${importId} GROUP BY import_id, period, account, coalesce(project, '')
    UNION ALL
    SELECT import_id, (period / 100) * 100, account, 1, coalesce(cost_centre, ''), sum(amount_ore), count(*) FROM ledger_transactions WHERE import_id = ${importId} GROUP BY import_id, (period / 100) * 100, account, coalesce(cost_centre, '')`.execute(trx);
}
