import type { PGlite } from "@electric-sql/pglite";
import { sql, type Transaction } from "kysely";
import type pg from "pg";
import { embeddedClient, postgresClient, type Db } from "../db/connect";
import { BinaryCopy, pgDays } from "./copy-binary";
import { copyIn } from "./copy-postgres";
import { RunningTotals } from "./running-totals";
import { storeBalances, type BalanceRow, type PeriodAmount } from "./balances";
import type { AccountSum } from "../core/followup/class-sums";
import type { Database } from "../db/schema";

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

// Rows per COPY. Each COPY statement costs the server a fixed amount (planning, opening the
// table and its indexes): at 1M rows, batches of 5 000 cost PostgreSQL's backend 2.9 s of CPU
// and the import 4.1–5.2 s, batches of 20 000 1.9–2.1 s and 2.9–3.4 s. A batch is one reused
// binary buffer (about 1.6 MB), so its size no longer shows in the peak memory.
const BATCH = 20_000;
// PGlite has no background checkpointer: a CHECKPOINT every 200 000 rows bounds its WAL (~30 MB).
const CHECKPOINT_EVERY = 200_000 / BATCH;
/** Rows per COPY or INSERT of the totals, written at the end: small enough that building the next overlaps storing this one. */
const TOTALS_CHUNK = 10_000;

/** Where COPY input goes: PGlite reads it from a blob, PostgreSQL from the connection (STDIN). */
export interface Copier {
  /** `target` is `table (columns…)`; `data` is in COPY's binary format (see BinaryCopy). */
  copy(target: string, data: Uint8Array): Promise<void>;
  /** After each batch of rows. */
  afterBatch(): Promise<void>;
}

/**
 * PGlite: COPY from a blob, twice as fast there as unnest, and a CHECKPOINT every few batches:
 * PGlite has no background checkpointer, so the WAL of a large import would otherwise stay in memory.
 * `hold` runs each statement: as it is inside a transaction, or with the session taken for it
 * alone (a staged import, see staged-import.ts).
 */
export function pgliteCopier(client: PGlite, hold: <T>(statement: () => Promise<T>) => Promise<T> = (statement) => statement()): Copier {
  let batches = 0;
  return {
    copy: async (target, data) => void (await hold(() => client.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT binary)`, [], { blob: blobOf(data) }))),
    afterBatch: async () => void (++batches % CHECKPOINT_EVERY === 0 && (await hold(() => client.query("CHECKPOINT")))),
  };
}

/**
 * What PGlite reads a COPY's input from: it only asks the blob for its bytes (arrayBuffer()). A
 * real Blob keeps them in memory V8 does not count, so the garbage collector felt no need to run
 * and a million-row import left 250 MB of spent Blobs behind (process peak 650 MB; 400 MB with
 * collections forced). An ArrayBuffer is counted.
 */
function blobOf(data: Uint8Array): Blob {
  const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  return { size: bytes.byteLength, type: "", arrayBuffer: async () => bytes } as Blob;
}

/** PostgreSQL: COPY FROM STDIN on the transaction's own connection (see postgresClient). */
export function postgresCopier(client: pg.ClientBase): Copier {
  return { copy: (target, data) => copyIn(client, `COPY ${target} FROM STDIN WITH (FORMAT binary)`, data), afterBatch: async () => {} };
}

/** COPY on the transaction's connection when it can be reached; undefined (INSERT … unnest) otherwise. */
export async function copierFor(db: Db, trx: Trx): Promise<Copier | undefined> {
  const lite = embeddedClient(db);
  if (lite) return pgliteCopier(lite);
  const client = await postgresClient(db, trx);
  return client ? postgresCopier(client) : undefined;
}

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
  /** The UTF-8 bytes, for COPY (position 0, null, has none). */
  readonly encoded: Buffer[] = [Buffer.alloc(0)];
  private readonly index = new Map<string, number>();

  of(value: string | null): number {
    if (value === null) return 0;
    let i = this.index.get(value);
    if (i === undefined) {
      this.values.push(value);
      this.literals.push(element(value));
      this.encoded.push(Buffer.from(value, "utf8"));
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
  /** The rows as COPY input, made as they come when rows go in by COPY (the columns then stay empty). */
  rowsCopy: BinaryCopy | null = null;
  /** The voucher heads as COPY input, likewise (`vouchers` then stays empty). */
  vouchersCopy: BinaryCopy | null = null;
  /** The file's balances and period amounts read since the last batch. */
  balances: BalanceRow[] = [];
  periodAmounts: PeriodAmount[] = [];
}

/** A batch of rows of about 80 bytes; a buffer grows when it must. */
const COPY_BUFFER_BYTES = 1 << 21;

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
  private readonly totals = new RunningTotals();
  private rowNo = 0;
  /** Buffers of sent batches, reused: at most four are ever in use (rows and heads of the batch filling and of the one in flight). */
  private readonly spare: Buffer[] = [];
  /** Days since 2000-01-01 by position in `dates`, for COPY. */
  private readonly days: number[] = [];
  rowCount = 0;
  voucherCount = 0;

  /** With a `copier` (on the connection of `trx`) rows go in by COPY, otherwise by INSERT … unnest. */
  constructor(
    private readonly trx: Trx | Db,
    readonly importId: number,
    /** Also for the import's other tables (the budgets counted once). */
    readonly copier?: Copier,
  ) {}

  /** Starts a voucher; its rows follow with addRow. */
  startVoucher(v: VoucherHead): void {
    const seq = ++this.voucherCount;
    this.rowNo = 0;
    if (this.copier) {
      // Written at once rather than kept as an object until the batch is sent: a kept head holds
      // its texts, and they (sliced from the reader's chunk) hold the whole chunk, so every batch
      // carried its chunks into the old generation; at a million rows that was 150 MB of heap.
      const out = (this.batch.vouchersCopy ??= this.newCopy());
      out.tuple(7);
      out.int4(this.importId);
      out.int4(seq);
      out.text(v.series);
      out.text(v.number);
      out.date(this.daysOf(v.date));
      out.text(v.text);
      out.int4(v.line);
    } else this.batch.vouchers.push({ seq, ...v });
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
      // Straight to the COPY input: no columns to fill and walk again, codes as cached bytes.
      const out = (b.rowsCopy ??= this.newCopy());
      const codes = this.codes.encoded;
      out.tuple(11);
      out.int4(this.importId);
      out.int4(this.voucherCount);
      out.int4(rowNo);
      out.int4(period);
      out.date(this.daysOf(date));
      out.bytes(this.accounts.encoded[a]!);
      if (c === 0) out.null();
      else out.bytes(codes[c]!);
      if (p === 0) out.null();
      else out.bytes(codes[p]!);
      out.jsonb(objects);
      out.int8(amount);
      out.text(text);
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
    this.totals.add(month, a, 0, 0, amount);
    this.totals.add(month, a, 2, p, amount);
    this.totals.add(this.periods.of(Math.floor(period / 100) * 100), a, 1, c, amount);
  }

  /**
   * Balances and period amounts, stored with the next batch. A file gives them before its
   * vouchers, so they go in while the rest is read instead of after it (600 ms of the reference
   * ledger's import on PostgreSQL when they waited for the end).
   */
  addBalances(balances: readonly BalanceRow[], periodAmounts: readonly PeriodAmount[]): void {
    this.batch.balances.push(...balances);
    this.batch.periodAmounts.push(...periodAmounts);
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
    await storeBalances(this.trx, this.copier, b.balances, b.periodAmounts);
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
    if (b.vouchersCopy !== null) {
      await copier.copy("ledger_vouchers (import_id, seq, series, number, voucher_date, text, line)", b.vouchersCopy.finish());
      this.spare.push(b.vouchersCopy.release());
    }
    if (b.rowsCopy !== null) {
      await copier.copy("ledger_transactions (import_id, voucher_seq, row_no, period, trans_date, account, cost_centre, project, objects, amount_ore, text)", b.rowsCopy.finish());
      // Sent and stored (PGlite copied it into a blob): the next batch may write over it.
      this.spare.push(b.rowsCopy.release());
    }
    await copier.afterBatch();
  }

  /**
   * Waits for the write in flight to end, however it ends. A failed import must call this before
   * its transaction rolls back: a COPY still running would otherwise finish on the pooled
   * connection after the ROLLBACK and store its rows outside any transaction.
   */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => {});
  }

  /** Writes what is left and the totals; call once, at the end. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
    if (this.copier) await this.copyTotals(this.copier);
    else await this.insertTotals();
  }

  /** The totals as COPY input in the reused buffers, a chunk at a time, one chunk in flight while the next is written. */
  private async copyTotals(copier: Copier): Promise<void> {
    let out = this.newCopy();
    let inFlight: Promise<void> = Promise.resolve();
    const send = async () => {
      await inFlight;
      const sent = out;
      inFlight = copier.copy("ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)", sent.finish()).then(() => void this.spare.push(sent.release()));
      inFlight.catch(() => {});
      out = this.newCopy();
    };
    for (const t of this.totals.rows()) {
      out.tuple(7);
      out.int4(this.importId);
      out.int4(this.periods.values[t.periodIndex - 1]!);
      out.bytes(this.accounts.encoded[t.accountIndex]!);
      out.int4(t.dimension);
      out.bytes(this.codes.encoded[t.objectIndex]!);
      out.int8(t.amount);
      out.int4(t.count);
      if (out.tuples === TOTALS_CHUNK) await send();
    }
    if (out.tuples > 0) await send();
    await inFlight;
  }

  /** The totals as ledger_totals holds them, codes as text ("" for no object); after finish(). Each row is new. */
  *storedTotals(): Generator<AccountSum> {
    for (const t of this.totals.rows()) {
      yield { dimension: t.dimension, period: this.periods.values[t.periodIndex - 1]!, object: t.objectIndex === 0 ? "" : this.codes.values[t.objectIndex - 1]!, account: this.accounts.values[t.accountIndex - 1]!, amount: t.amount };
    }
  }

  private newCopy(): BinaryCopy {
    return new BinaryCopy(this.spare.pop() ?? Buffer.allocUnsafe(COPY_BUFFER_BYTES));
  }

  private daysOf(date: string): number {
    const d = this.dates.of(date);
    return (this.days[d] ??= pgDays(date));
  }

  private async insertTotals(): Promise<void> {
    const empty = element("");
    const columns = () => ({ period: [] as number[], account: [] as string[], dimension: [] as number[], object: [] as string[], amount: [] as number[], count: [] as number[] });
    let c = columns();
    const insert = async () => {
      await sql`INSERT INTO ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)
        SELECT ${this.importId}, * FROM unnest(${literal(c.period)}::int[], ${literal(c.account)}::text[], ${literal(c.dimension)}::int[],
          ${literal(c.object)}::text[], ${literal(c.amount)}::bigint[], ${literal(c.count)}::int[])`.execute(this.trx);
      c = columns();
    };
    for (const t of this.totals.rows()) {
      c.period.push(this.periods.values[t.periodIndex - 1]!);
      c.account.push(this.accounts.literals[t.accountIndex]!);
      c.dimension.push(t.dimension);
      c.object.push(t.objectIndex === 0 ? empty : this.codes.literals[t.objectIndex]!);
      c.amount.push(t.amount);
      c.count.push(t.count);
      if (c.period.length === TOTALS_CHUNK) await insert();
    }
    if (c.period.length > 0) await insert();
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
