import { sql } from "kysely";
import type { Db } from "../db/connect";
import { sharedRead } from "../db/shared-reads";
import type { BudgetOutcomeReport } from "../core/followup/budget-outcome";
import { budgetVsOutcomeReport, type BudgetOutcomeQuery } from "./report";

/**
 * What a report over an organisation's ledger depends on, read in one cheap query: the imports
 * that count (an import never changes once done; a replacement or a restored version changes the
 * set) and the account-class mapping. Same fingerprint, same report. Every report request asks
 * it, the same for everyone in the organisation: requests waiting for a connection share one.
 */
export async function ledgerFingerprint(db: Db, organisationId: number): Promise<string> {
  const query = sql<{ imports: string; classes: string }>`
    SELECT
      (SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM ledger_imports WHERE organisation_id = ${organisationId} AND status = 'done') AS imports,
      (SELECT coalesce(md5(string_agg(account_from || '-' || account_to || ':' || class || ':' || joint_financing::text, ',' ORDER BY account_from, account_to)), '')
         FROM ledger_account_classes WHERE organisation_id = ${organisationId}) AS classes`.compile(db);
  const rows = await sharedRead<{ imports: string; classes: string }>(db, query);
  return `${rows[0]!.imports}|${rows[0]!.classes}`;
}

export interface LedgerCache<Q, R> {
  get(db: Db, q: Q): Promise<R>;
  /** Results computed (misses), for tests and the bench. */
  readonly computed: number;
}

/**
 * Results over an organisation's ledger (a report, a page of drill-down) served again while
 * nothing they depend on has changed. Every request still reads the fingerprint from the
 * database, so a new import or mapping through any server instance is seen by all at once; the
 * cache only saves the summing. Concurrent requests for the same result wait for one computation
 * instead of each starting their own — what a morning's rush of budget holders opening the same
 * page needs.
 */
export function createLedgerCache<Q extends { organisationId: number }, R>(compute: (db: Db, q: Q) => Promise<R>, options: { maxEntries?: number } = {}): LedgerCache<Q, R> {
  const maxEntries = options.maxEntries ?? 500;
  // Insertion order is recency order: a hit is moved to the end, the oldest is evicted first.
  const entries = new Map<string, Promise<R>>();
  let computed = 0;
  return {
    get computed() {
      return computed;
    },
    async get(db, q) {
      const fingerprint = await ledgerFingerprint(db, q.organisationId);
      // Keys sorted, undefined left out: the same question asked in another order is the same entry.
      const key = JSON.stringify([fingerprint, Object.entries(q).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))]);
      const cached = entries.get(key);
      if (cached) {
        entries.delete(key);
        entries.set(key, cached);
        return cached;
      }
      computed++;
      const pending = compute(db, q);
      entries.set(key, pending);
      // A failed computation is not kept: the next request tries again.
      pending.catch(() => entries.delete(key));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return pending;
    },
  };
}

export interface ReportCache {
  report(db: Db, q: BudgetOutcomeQuery): Promise<BudgetOutcomeReport>;
  /** Reports computed (misses), for tests and the bench. */
  readonly computed: number;
}

/** Budget vs outcome through a ledger cache. */
export function createReportCache(options: { maxEntries?: number; compute?: typeof budgetVsOutcomeReport } = {}): ReportCache {
  const cache = createLedgerCache(options.compute ?? budgetVsOutcomeReport, options);
  return {
    get computed() {
      return cache.computed;
    },
    report: (db, q) => cache.get(db, q),
  };
}
