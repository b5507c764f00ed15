import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../db/connect";
import type { ImportProgress, SieImportResult } from "./import-sie";
import type { ReplaceComparison } from "./replace-check";

/**
 * A SIE import running in the background, polled by the UI for progress. Jobs are rows in
 * ledger_import_jobs (migration 0050), so any server instance answers a poll; the process that
 * runs a job writes its progress there at most once a second and a heartbeat every few seconds,
 * outside the import's own transaction. A running job whose heartbeat stopped belonged to a
 * process that is gone: it is reported as interrupted (the import's transaction never committed,
 * so nothing of it was written).
 *
 * On the embedded database an import stages its rows with the one session free between its
 * writes (src/ledger/staged-import.ts), but a progress write still waits its turn behind them;
 * the process's own jobs are answered from memory (there is only ever one process on an
 * embedded directory, see src/db/data-dir-lock.ts).
 */
export interface LedgerJob {
  id: string;
  organisationId: number;
  fileName: string;
  status: "running" | "done" | "failed" | "interrupted";
  startedAt: string;
  finishedAt: string | null;
  linesRead: number;
  bytesRead: number;
  totalBytes: number | null;
  transactions: number;
  /** Whole per cent of the bytes read; null when the size is unknown. */
  percent: number | null;
  result: Omit<SieImportResult, "disagreements"> | null;
  error: { message: string; errors: { file: string; line: number; field: string; message: string }[]; code?: string; comparison?: ReplaceComparison } | null;
}

/** This process, as the owner of the jobs it runs. */
const instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const PROGRESS_EVERY_MS = 1000;
const HEARTBEAT_EVERY_MS = 3000;
/** A running job not heard from for this long belongs to a process that is gone. */
export const INTERRUPTED_AFTER_MS = 30_000;
/** Finished jobs are kept this long; the import record itself stays in ledger_imports. */
const KEEP_DAYS = 7;

interface LiveJob {
  job: LedgerJob;
  db: Db;
  /** Writes of this job, one after the other, so the final state is written last. */
  writes: Promise<void>;
  pending: boolean;
  lastWrite: number;
}
const live = new Map<string, LiveJob>();
let heartbeat: NodeJS.Timeout | undefined;

function percentOf(bytesRead: number, totalBytes: number | null): number | null {
  return totalBytes ? Math.min(100, Math.floor((bytesRead * 100) / totalBytes)) : null;
}

/** Queues a write of the job's row; at most one waits behind the one running. */
function queueWrite(entry: LiveJob, write: (db: Db) => Promise<unknown>, force = false): Promise<void> {
  if (entry.pending && !force) return entry.writes;
  entry.pending = true;
  entry.writes = entry.writes
    .then(async () => {
      entry.pending = false;
      entry.lastWrite = Date.now();
      await write(entry.db);
    })
    .catch((e: unknown) => console.error(`Importjobbets förlopp kunde inte sparas: ${(e as Error).message}`));
  return entry.writes;
}

function startHeartbeat(): void {
  if (heartbeat) return;
  heartbeat = setInterval(() => {
    for (const entry of live.values()) {
      if (entry.job.status !== "running" || Date.now() - entry.lastWrite < HEARTBEAT_EVERY_MS) continue;
      void queueWrite(entry, (db) => db.updateTable("ledger_import_jobs").set({ heartbeat_at: new Date() }).where("id", "=", entry.job.id).where("status", "=", "running").execute());
    }
    if (live.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }, HEARTBEAT_EVERY_MS);
  heartbeat.unref();
}

export async function startJob(db: Db, input: { organisationId: number; fileName: string; totalBytes: number | null; startedBy: string | null }): Promise<LedgerJob> {
  const job: LedgerJob = {
    id: randomUUID(),
    organisationId: input.organisationId,
    fileName: input.fileName,
    status: "running",
    startedAt: new Date().toISOString(),
    finishedAt: null,
    linesRead: 0,
    bytesRead: 0,
    totalBytes: input.totalBytes,
    transactions: 0,
    percent: input.totalBytes ? 0 : null,
    result: null,
    error: null,
  };
  await db
    .insertInto("ledger_import_jobs")
    .values({ id: job.id, organisation_id: job.organisationId, file_name: job.fileName, status: "running", started_by: input.startedBy, started_at: new Date(job.startedAt), total_bytes: job.totalBytes, owner: instance })
    .execute();
  // Old finished jobs go when new ones start; nobody waits for it.
  void db
    .deleteFrom("ledger_import_jobs")
    .where("finished_at", "<", new Date(Date.now() - KEEP_DAYS * 86_400_000))
    .execute()
    .catch(() => {});
  live.set(job.id, { job, db, writes: Promise.resolve(), pending: false, lastWrite: Date.now() });
  startHeartbeat();
  return job;
}

export function progressJob(job: LedgerJob, p: ImportProgress): void {
  job.linesRead = p.linesRead;
  job.bytesRead = p.bytesRead;
  job.transactions = p.transactions;
  job.percent = percentOf(p.bytesRead, job.totalBytes);
  const entry = live.get(job.id);
  if (!entry || Date.now() - entry.lastWrite < PROGRESS_EVERY_MS) return;
  void queueWrite(entry, (db) =>
    db
      .updateTable("ledger_import_jobs")
      .set({ lines_read: job.linesRead, bytes_read: job.bytesRead, transactions: job.transactions, heartbeat_at: new Date() })
      .where("id", "=", job.id)
      .where("status", "=", "running")
      .execute(),
  );
}

export async function finishJob(job: LedgerJob, outcome: { result: SieImportResult } | { error: LedgerJob["error"] }): Promise<void> {
  job.finishedAt = new Date().toISOString();
  if ("result" in outcome) {
    const { disagreements: _d, ...rest } = outcome.result;
    job.status = "done";
    job.result = rest;
    job.percent = 100;
  } else {
    job.status = "failed";
    job.error = outcome.error;
  }
  const entry = live.get(job.id);
  if (!entry) return;
  await queueWrite(
    entry,
    (db) =>
      db
        .updateTable("ledger_import_jobs")
        .set({
          status: job.status === "done" ? "done" : "failed",
          finished_at: new Date(job.finishedAt!),
          lines_read: job.linesRead,
          bytes_read: job.bytesRead,
          transactions: job.transactions,
          result: job.result === null ? null : JSON.stringify(job.result),
          error: job.error === null ? null : JSON.stringify(job.error),
          heartbeat_at: new Date(),
        })
        .where("id", "=", job.id)
        .execute(),
    true,
  );
  live.delete(job.id);
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const parsed = <T>(v: unknown): T | null => (v === null || v === undefined ? null : ((typeof v === "string" ? JSON.parse(v) : v) as T));

/** The job as this process knows it, or as the database has it; undefined when there is none. */
export async function getJob(db: Db, id: string, now = Date.now()): Promise<LedgerJob | undefined> {
  const mine = live.get(id);
  if (mine) return mine.job;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const row = await db.selectFrom("ledger_import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const heartbeatAt = new Date(row.heartbeat_at).getTime();
  const interrupted = row.status === "running" && (row.owner === instance || now - heartbeatAt > INTERRUPTED_AFTER_MS);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    fileName: row.file_name,
    status: interrupted ? "interrupted" : row.status,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
    linesRead: row.lines_read,
    bytesRead: row.bytes_read,
    totalBytes: row.total_bytes,
    transactions: row.transactions,
    percent: row.status === "done" ? 100 : percentOf(row.bytes_read, row.total_bytes),
    result: parsed(row.result),
    error: interrupted
      ? { message: `Importen av ${row.file_name} avbröts innan den blev klar (servern som körde den slutade svara ${iso(row.heartbeat_at).slice(0, 19).replace("T", " ")} UTC); ingenting sparades. Importera filen igen.`, errors: [], code: "interrupted" }
      : parsed(row.error),
  };
}

/**
 * The organisation's imports running now, newest first: a page opened (or reloaded) while one
 * runs follows it again. From the database, so a job another instance runs is found too.
 */
export async function runningJobs(db: Db, organisationId: number, now = Date.now()): Promise<LedgerJob[]> {
  const rows = await db.selectFrom("ledger_import_jobs").select("id").where("organisation_id", "=", organisationId).where("status", "=", "running").orderBy("started_at", "desc").execute();
  const jobs = await Promise.all(rows.map((r) => getJob(db, r.id, now)));
  return jobs.filter((j): j is LedgerJob => j !== undefined && j.status === "running");
}
