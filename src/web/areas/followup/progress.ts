import { groupThousands } from "../../../core/money";
import type { ImportJob, LedgerImport, LineMessage } from "./types";

const n = (v: number) => groupThousands(String(v));

/** What a running or finished import has done so far, as one Swedish sentence. */
export function jobProgressText(job: ImportJob): string {
  if (job.status === "failed") return `Importen av ${job.fileName} misslyckades; ingenting sparades.`;
  if (job.status === "interrupted") return `Importen av ${job.fileName} avbröts innan den blev klar (servern slutade svara); ingenting sparades. Importera filen igen.`;
  if (job.status === "done" && job.result) {
    const r = job.result;
    return `Klart: ${job.fileName} importerades för ${r.year} med ${n(r.vouchers)} verifikationer och ${n(r.transactions)} transaktionsrader.`;
  }
  const percent = job.percent === null ? "" : `${job.percent} % av filen, `;
  return `Importerar ${job.fileName}: ${percent}${n(job.linesRead)} rader lästa, ${n(job.transactions)} transaktioner.`;
}

/** A file error or warning with its place: "Rad 12, fält #TRANS: …". */
export function lineMessageText(m: LineMessage): string {
  const where = [m.line > 0 ? `Rad ${n(m.line)}` : "", m.field ? `fält ${m.field}` : ""].filter(Boolean).join(", ");
  // A balance disagreement concerns a whole account, not a line: then the field leads.
  return where ? `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${m.message}` : m.message;
}

export const IMPORT_STATUS: Record<LedgerImport["status"], string> = { importing: "Pågår", done: "Klar", failed: "Misslyckad", replaced: "Ersatt" };

/** Years that have completed imports, newest first. */
export function importYears(imports: readonly LedgerImport[]): number[] {
  return [...new Set(imports.filter((i) => i.status === "done").map((i) => i.year))].sort((a, b) => b - a);
}
