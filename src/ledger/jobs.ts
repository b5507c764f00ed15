import { randomUUID } from "node:crypto";
import type { ImportProgress, SieImportResult } from "./import-sie";
import type { ReplaceComparison } from "./replace-check";

/** A SIE import running in the background, polled by the UI for progress. */
export interface LedgerJob {
  id: string;
  organisationId: number;
  fileName: string;
  status: "running" | "done" | "failed";
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

const jobs = new Map<string, LedgerJob>();
/** Finished jobs are forgotten after an hour: the import record in the database stays. */
const KEEP_MS = 60 * 60 * 1000;

export function startJob(organisationId: number, fileName: string, totalBytes: number | null): LedgerJob {
  const job: LedgerJob = {
    id: randomUUID(),
    organisationId,
    fileName,
    status: "running",
    startedAt: new Date().toISOString(),
    finishedAt: null,
    linesRead: 0,
    bytesRead: 0,
    totalBytes,
    transactions: 0,
    percent: totalBytes ? 0 : null,
    result: null,
    error: null,
  };
  jobs.set(job.id, job);
  return job;
}

export function progressJob(job: LedgerJob, p: ImportProgress): void {
  job.linesRead = p.linesRead;
  job.bytesRead = p.bytesRead;
  job.transactions = p.transactions;
  if (job.totalBytes) job.percent = Math.min(100, Math.floor((p.bytesRead * 100) / job.totalBytes));
}

export function finishJob(job: LedgerJob, outcome: { result: SieImportResult } | { error: LedgerJob["error"] }): void {
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
  setTimeout(() => jobs.delete(job.id), KEEP_MS).unref();
}

export function getJob(id: string): LedgerJob | undefined {
  return jobs.get(id);
}
