import type { PGlite } from "@electric-sql/pglite";
import { sql, type Transaction } from "kysely";
import type pg from "pg";
import { copyIn } from "../copy-postgres";
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

// Small batches keep the live set (and so the peak memory) small at no cost in speed: at 1M rows
// 5 000 gave PGlite 539 MB / 7.9 s and PostgreSQL 442 MB / 5.8 s, where 50 000 gave 735 MB /
// 8.8 s and 560 MB / 6.2 s. A CHECKPOINT still follows every 200 000 rows.
const BATCH = 5_000;
const CHECKPOINT_EVERY = 40;
/** Rows per COPY or INSERT of the totals, written once at the end. */
const TOTALS_CHUNK = 50_000;

/** Where COPY text goes: PGlite reads it from a blob, PostgreSQL from the connection (STDIN). */
export interface Copier {
  /** `target` is `table (columns…)`; `data` is COPY text, or its UTF-8 bytes. */
  copy(target: string, data: string | Uint8Array): Promise<void>;
  /** After each batch of rows. */
  afterBatch(): Promise<void>;
}

/**
 * PGlite: COPY from a blob, twice as fast there as unnest, and a CHECKPOINT every few batches:
 * PGlite has no background checkpointer, so the WAL of a large import would otherwise stay in memory.
 */
export function pgliteCopier(client: PGlite): Copier {
  let batches = 0;
  return {
    copy: async (target, data) => void (await client.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([data as BlobPart]) })),
    // Every 200 000 rows: often enough to bound the WAL (~30 MB), rarely enough to cost little.
    afterBatch: async () => void (++batches % CHECKPOINT_EVERY === 0 && (await client.query("CHECKPOINT"))),
  };
}

/** PostgreSQL: COPY FROM STDIN on the transaction's own connection (see postgresClient). */
export function postgresCopier(client: pg.ClientBase): Copier {
  return { copy: (target, data) => copyIn(client, `COPY ${target} FROM STDIN`, data), afterBatch: async () => {} };
}

/** A value as an element of an array literal ('{…}'): quoted, with `"` and `\` escaped; NULL for null. */
function element(value: string | null): string {
  return value === null ? "NULL" : `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** A value as a field of COPY's text format: \\N for null, backslash, tab and line ends escaped. */
function copyField(value: string | null): string {
  if (value === null) return "\\N";
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
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
  /** The COPY text form (PGlite's bulk path). */
  readonly copies: string[] = ["\\N"];
  private readonly index = new Map<string, number>();

  of(value: string | null): number {
    if (value === null) return 0;
    let i = this.index.get(value);
    if (i === undefined) {
      this.values.push(value);
      this.literals.push(element(value));
      this.copies.push(copyField(value));
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

/** Rows of one batch, column by column: codes as dictionary positions, free texts as they are. */
class Batch {
  readonly seq: number[] = [];
  readonly rowNo: number[] = [];
  readonly period: number[] = [];
  readonly date: number[] = [];
  readonly account: number[] = [];
  readonly costCentre: number[] = [];
  readonly project: number[] = [];
  readonly objects: (string | null)[] = [];
  readonly amount: number[] = [];
  readonly text: (string | null)[] = [];
  readonly vouchers: (VoucherHead & { seq: number })[] = [];
  /** Rows in the batch. */
  rows = 0;
  /** The rows as COPY text, made as they come when rows go in by COPY (the columns then stay empty). */
  copyText: CopyText | null = null;
}

/**
 * COPY text written as UTF-8 bytes, a row at a time. Only the buffer outlives the row: a string
 * per row kept until the batch is sent would survive the young generation, and the collector's
 * copying of those strings was the largest cost of a big import.
 */
class CopyText {
  private buffer: Buffer;
  length = 0;

  constructor(buffer: Buffer) {
    this.buffer = buffer;
  }

  append(s: string): void {
    // At most 3 bytes per UTF-16 unit.
    if (this.length + s.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + s.length * 3));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(s, this.length, "utf8");
  }

  /** The text so far; valid until the buffer is reused. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** The whole buffer, to be reused for a later batch. */
  release(): Buffer {
    return this.buffer;
  }
}

/** 5 000 rows of about 80 bytes. */
const COPY_BUFFER_BYTES = 1 << 19;

/** Distinct periods (YYYYMM, or YYYY00 for a year) with their 1-based positions, without a string per row. */
class PeriodDictionary {
  readonly values: number[] = [];
  private readonly index = new Map<number, number>();

  of(period: number): number {
    let i = this.index.get(period);
    if (i === undefined) {
      this.values.push(period);
      this.index.set(period, (i = this.values.length));
    }
    return i;
  }
}

/** Free texts repeat ("Motkonto"): each distinct one is encoded once per batch. */
function memo(encode: (value: string | null) => string): (value: string | null) => string {
  const seen = new Map<string, string>();
  return (value) => {
    if (value === null) return encode(null);
    let e = seen.get(value);
    if (e === undefined) seen.set(value, (e = encode(value)));
    return e;
  };
}

// Totals are kept per dimension and object position, keyed by period and account position in
// one small integer: V8 hashes such keys fast and without allocating.
const PERIODS = 4096;
const ACCOUNTS = 65536;
const DIMENSIONS = [0, 1, 6] as const;

/**
 * Collects rows and voucher heads and writes them a batch at a time: by COPY through a Copier,
 * otherwise with `INSERT … SELECT FROM unnest(…)`, each column sent as one array literal. One write is kept in flight
 * while the next batch fills, so that parsing and the database work at the same time. Also
 * keeps the per-import totals (see ledger_totals) in memory: a few per account and object.
 */
export class LedgerRowWriter {
  private batch = new Batch();
  private inFlight: Promise<unknown> = Promise.resolve();
  private readonly accounts = new Dictionary();
  private readonly codes = new Dictionary();
  private readonly dates = new Dictionary();
  private readonly periods = new PeriodDictionary();
  private readonly totals: Map<number, { amount: number; count: number }>[][] = [[], [], []];
  private rowNo = 0;
  /** Buffers of sent batches, reused: at most two are ever in use (one filling, one in flight). */
  private readonly spare: Buffer[] = [];
  /** The import id and a tab, leading every COPY line. */
  private readonly lead: string;
  rowCount = 0;
  voucherCount = 0;

  /** With a `copier` (on the connection of `trx`) rows go in by COPY, otherwise by INSERT … unnest. */
  constructor(
    private readonly trx: Trx,
    private readonly importId: number,
    private readonly copier?: Copier,
  ) {
    this.lead = `${importId}\t`;
  }

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
    const rowNo = ++this.rowNo;
    this.rowCount++;
    b.rows++;
    if (this.copier) {
      // Straight to the COPY text: no columns to fill and walk again. Dates need no escaping.
      const codes = this.codes.copies;
      b.copyText ??= new CopyText(this.spare.pop() ?? Buffer.allocUnsafe(COPY_BUFFER_BYTES));
      b.copyText.append(
        `${this.lead}${this.voucherCount}\t${rowNo}\t${period}\t${date}\t${this.accounts.copies[a]}\t${codes[c]}\t${codes[p]}\t${copyField(objects)}\t${amount}\t${copyField(text)}\n`,
      );
    } else {
      b.seq.push(this.voucherCount);
      b.rowNo.push(rowNo);
      b.period.push(period);
      b.date.push(this.dates.of(date));
      b.account.push(a);
      b.costCentre.push(c);
      b.project.push(p);
      b.objects.push(objects);
      b.amount.push(amount);
      b.text.push(text);
    }
    const month = this.periods.of(period);
    this.count(month, a, 0, 0, amount);
    this.count(month, a, 2, p, amount);
    this.count(this.periods.of(Math.floor(period / 100) * 100), a, 1, c, amount);
  }

  /** True when a batch is full and flush() should be awaited. */
  get full(): boolean {
    return this.batch.rows >= BATCH;
  }

  async addVoucher(v: VoucherHead, rows: Omit<LedgerRow, "voucherSeq" | "rowNo">[]): Promise<void> {
    this.startVoucher(v);
    for (const r of rows) this.addRow(r.period, r.date, r.account, r.costCentre, r.project, r.objects, r.amount, r.text);
    if (this.full) await this.flush();
  }

  /** `dimension` is the position in DIMENSIONS: 0 none, 1 cost centre (per year), 2 project. */
  private count(periodIndex: number, accountIndex: number, dimension: number, objectIndex: number, amount: number): void {
    if (periodIndex >= PERIODS || accountIndex >= ACCOUNTS) {
      throw new RangeError(`Filen har för många perioder eller konton för en import (${periodIndex} perioder, ${accountIndex} konton)`);
    }
    const byObject = this.totals[dimension]!;
    let sums = byObject[objectIndex];
    if (sums === undefined) byObject[objectIndex] = sums = new Map();
    const key = periodIndex + PERIODS * accountIndex;
    const t = sums.get(key);
    if (t) {
      t.amount += amount;
      t.count++;
    } else sums.set(key, { amount, count: 1 });
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
    if (this.copier) await this.copy(this.copier, b);
    else await this.insert(b);
  }

  private async insert(b: Batch): Promise<void> {
    const id = this.importId;
    const v = b.vouchers;
    const text = memo(element);
    if (v.length > 0) {
      await sql`INSERT INTO ledger_vouchers (import_id, seq, series, number, voucher_date, text, line)
        SELECT ${id}, * FROM unnest(${literal(v.map((x) => x.seq))}::int[], ${literal(v.map((x) => text(x.series)))}::text[],
          ${literal(v.map((x) => text(x.number)))}::text[], ${literal(v.map((x) => x.date))}::date[], ${literal(v.map((x) => text(x.text)))}::text[],
          ${literal(v.map((x) => x.line))}::int[])`.execute(this.trx);
    }
    if (b.seq.length > 0) {
      const codes = (xs: number[], d: Dictionary) => literal(xs.map((i) => d.literals[i]!));
      await sql`INSERT INTO ledger_transactions (import_id, voucher_seq, row_no, period, trans_date, account, cost_centre, project, objects, amount_ore, text)
        SELECT ${id}, s, r, p, d, a, c, pr, o::jsonb, m, t
        FROM unnest(${literal(b.seq)}::int[], ${literal(b.rowNo)}::int[], ${literal(b.period)}::int[], ${codes(b.date, this.dates)}::date[], ${codes(b.account, this.accounts)}::text[],
          ${codes(b.costCentre, this.codes)}::text[], ${codes(b.project, this.codes)}::text[], ${literal(b.objects.map(text))}::text[], ${literal(b.amount)}::bigint[],
          ${literal(b.text.map(text))}::text[])
          AS u(s, r, p, d, a, c, pr, o, m, t)`.execute(this.trx);
    }
  }

  private async copy(copier: Copier, b: Batch): Promise<void> {
    const id = this.importId;
    const text = memo(copyField);
    if (b.vouchers.length > 0) {
      const lines = b.vouchers.map((v) => `${id}\t${v.seq}\t${text(v.series)}\t${text(v.number)}\t${v.date}\t${text(v.text)}\t${v.line}\n`);
      await copier.copy("ledger_vouchers (import_id, seq, series, number, voucher_date, text, line)", lines.join(""));
    }
    if (b.copyText !== null) {
      await copier.copy("ledger_transactions (import_id, voucher_seq, row_no, period, trans_date, account, cost_centre, project, objects, amount_ore, text)", b.copyText.bytes());
      // Sent and stored (PGlite copied it into a blob): the next batch may write over it.
      this.spare.push(b.copyText.release());
    }
    await copier.afterBatch();
  }

  /** Writes what is left and the totals; call once, at the end. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
    const period: number[] = [];
    const account: number[] = [];
    const dimension: number[] = [];
    const object: number[] = [];
    const amount: number[] = [];
    const count: number[] = [];
    const empty = element("");
    this.totals.forEach((byObject, d) =>
      byObject.forEach((sums, o) => {
        for (const [key, t] of sums) {
          period.push(this.periods.values[(key % PERIODS) - 1]!);
          account.push(Math.floor(key / PERIODS));
          dimension.push(DIMENSIONS[d]!);
          object.push(o);
          amount.push(t.amount);
          count.push(t.count);
        }
      }),
    );
    if (this.copier) {
      for (let i = 0; i < period.length; i += TOTALS_CHUNK) {
        const lines: string[] = [];
        for (let k = i; k < Math.min(i + TOTALS_CHUNK, period.length); k++) {
          lines.push(`${this.importId}\t${period[k]}\t${this.accounts.copies[account[k]!]}\t${dimension[k]}\t${object[k] === 0 ? "" : this.codes.copies[object[k]!]}\t${amount[k]}\t${count[k]}\n`);
        }
        await this.copier.copy("ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)", lines.join(""));
      }
      return;
    }
    for (let i = 0; i < period.length; i += TOTALS_CHUNK) {
      const part = (xs: readonly (number | string)[]) => literal(xs.slice(i, i + TOTALS_CHUNK));
      await sql`INSERT INTO ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)
        SELECT ${this.importId}, * FROM unnest(${part(period)}::int[], ${part(account.map((a) => this.accounts.literals[a]!))}::text[], ${part(dimension)}::int[],
          ${part(object.map((o) => (o === 0 ? empty : this.codes.literals[o]!)))}::text[], ${part(amount)}::bigint[], ${part(count)}::int[])`.execute(this.trx);
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
