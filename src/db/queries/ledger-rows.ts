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

const BATCH = 25_000;

/**
 * Collects rows and voucher heads and writes them with `INSERT … SELECT FROM unnest(array …)`:
 * one statement per 25 000 rows, each column sent as one array parameter. One write is kept in
 * flight while the next batch fills, so that parsing and the database work at the same time.
 * Also keeps the per-import totals (see ledger_totals) in memory.
 */
export class LedgerRowWriter {
  private rows: LedgerRow[] = [];
  private vouchers: { seq: number; series: string; number: string; date: string; text: string; line: number }[] = [];
  private inFlight: Promise<unknown> = Promise.resolve();
  readonly totals = new Map<string, { amount: number; count: number }>();
  rowCount = 0;
  voucherCount = 0;

  constructor(
    private readonly trx: Trx,
    private readonly importId: number,
  ) {}

  async addVoucher(v: { series: string; number: string; date: string; text: string; line: number }, rows: Omit<LedgerRow, "voucherSeq" | "rowNo">[]): Promise<void> {
    const seq = ++this.voucherCount;
    this.vouchers.push({ seq, ...v });
    rows.forEach((r, i) => {
      this.rows.push({ ...r, voucherSeq: seq, rowNo: i + 1 });
      this.count(r.period, r.account, 0, "", r.amount);
      this.count(r.period, r.account, 6, r.project ?? "", r.amount);
      this.count(Math.floor(r.period / 100) * 100, r.account, 1, r.costCentre ?? "", r.amount);
    });
    this.rowCount += rows.length;
    if (this.rows.length >= BATCH) await this.flush();
  }

  private count(period: number, account: string, dimension: number, object: string, amount: number): void {
    const key = `${period}\u0000${account}\u0000${dimension}\u0000${object}`;
    const t = this.totals.get(key);
    if (t) {
      t.amount += amount;
      t.count++;
    } else this.totals.set(key, { amount, count: 1 });
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    const vouchers = this.vouchers;
    this.rows = [];
    this.vouchers = [];
    await this.inFlight;
    this.inFlight = this.write(rows, vouchers);
    // A failed write must surface: keep the promise, but also attach a no-op so Node does not
    // report it as unhandled before the next flush awaits it.
    this.inFlight.catch(() => {});
  }

  private async write(rows: LedgerRow[], vouchers: LedgerRowWriter["vouchers"]): Promise<void> {
    const id = this.importId;
    if (vouchers.length > 0) {
      await sql`INSERT INTO ledger_vouchers (import_id, seq, series, number, voucher_date, text, line)
        SELECT ${id}, * FROM unnest(${vouchers.map((v) => v.seq)}::int[], ${vouchers.map((v) => v.series)}::text[], ${vouchers.map((v) => v.number)}::text[],
          ${vouchers.map((v) => v.date)}::date[], ${vouchers.map((v) => v.text)}::text[], ${vouchers.map((v) => v.line)}::int[])`.execute(this.trx);
    }
    if (rows.length > 0) {
      await sql`INSERT INTO ledger_transactions (import_id, voucher_seq, row_no, period, trans_date, account, cost_centre, project, objects, amount_ore, text)
        SELECT ${id}, s, r, p, d, a, c, pr, o::jsonb, m, t FROM unnest(
          ${rows.map((r) => r.voucherSeq)}::int[], ${rows.map((r) => r.rowNo)}::int[], ${rows.map((r) => r.period)}::int[], ${rows.map((r) => r.date)}::date[],
          ${rows.map((r) => r.account)}::text[], ${rows.map((r) => r.costCentre)}::text[], ${rows.map((r) => r.project)}::text[],
          ${rows.map((r) => r.objects)}::text[], ${rows.map((r) => r.amount)}::bigint[], ${rows.map((r) => r.text)}::text[]
        ) AS u(s, r, p, d, a, c, pr, o, m, t)`.execute(this.trx);
    }
  }

  /** Writes what is left and the totals; call once, at the end. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
    const entries = [...this.totals.entries()];
    for (let i = 0; i < entries.length; i += BATCH) {
      const part = entries.slice(i, i + BATCH).map(([k, v]) => [...k.split("\u0000"), v.amount, v.count] as const);
      await sql`INSERT INTO ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)
        SELECT ${this.importId}, * FROM unnest(${part.map((p) => Number(p[0]))}::int[], ${part.map((p) => p[1])}::text[], ${part.map((p) => Number(p[2]))}::int[],
          ${part.map((p) => p[3])}::text[], ${part.map((p) => p[4])}::bigint[], ${part.map((p) => p[5])}::int[])`.execute(this.trx);
    }
  }
}

/** Recomputes an import's totals from its rows (after a CSV re-import removed some of them). */
export async function rebuildTotals(trx: Trx, importId: number): Promise<void> {
  await sql`DELETE FROM ledger_totals WHERE import_id = ${importId}`.execute(trx);
  await sql`INSERT INTO ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count)
    SELECT import_id, period, account, 0, '', sum(amount_ore), count(*) FROM ledger_transactions WHERE import_id = ${importId} GROUP BY import_id, period, account
    UNION ALL
    SELECT import_id, period, account, 6, coalesce(project, ''), sum(amount_ore), count(*) FROM ledger_transactions WHERE import_id = ${importId} GROUP BY import_id, period, account, coalesce(project, '')
    UNION ALL
    SELECT import_id, (period / 100) * 100, account, 1, coalesce(cost_centre, ''), sum(amount_ore), count(*) FROM ledger_transactions WHERE import_id = ${importId} GROUP BY import_id, (period / 100) * 100, account, coalesce(cost_centre, '')`.execute(trx);
}
