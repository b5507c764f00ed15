import { sql } from "kysely";
import type { Db } from "../connect";

/** The prev_hash of the first entry: the chain starts from nothing. */
export const GENESIS_HASH = "0".repeat(64);

export type ChainProblem =
  /** The entry's content no longer gives its stored hash: it was changed after it was written. */
  | { kind: "altered"; id: number }
  /** The entry does not follow the one before it: an entry between them was removed or one was slipped in. */
  | { kind: "broken-link"; id: number; previousId: number | null }
  /** The chain head names a later entry than the last one present: the newest entries were removed. */
  | { kind: "tail-removed"; lastId: number | null; headId: number }
  /** The chain head's hash is not the last entry's. */
  | { kind: "head-mismatch"; lastId: number | null; headId: number };

export interface ChainReport {
  entries: number;
  lastId: number | null;
  /** The first problem in id order, or null when every link holds. */
  problem: ChainProblem | null;
}

interface ChainRow {
  id: number;
  prev_hash: string;
  hash: string;
  expected: string;
}

const PAGE = 2000;

/**
 * Walks the audit log oldest first and recomputes every entry's hash with the database's own
 * definition (audit_log_hash, migration 0070). Reads in pages, so a long log never sits in memory.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let previous: { id: number; hash: string } | null = null;
  let entries = 0;
  for (;;) {
    const after: number = previous?.id ?? 0;
    const page = await sql<ChainRow>`
      SELECT a.id, a.prev_hash, a.hash, audit_log_hash(a.prev_hash, a) AS expected
      FROM audit_log a WHERE a.id > ${after} ORDER BY a.id LIMIT ${PAGE}`.execute(db);
    for (const row of page.rows) {
      const id = Number(row.id);
      if (row.prev_hash !== (previous?.hash ?? GENESIS_HASH)) {
        return { entries, lastId: previous?.id ?? null, problem: { kind: "broken-link", id, previousId: previous?.id ?? null } };
      }
      if (row.hash !== row.expected) return { entries, lastId: previous?.id ?? null, problem: { kind: "altered", id } };
      previous = { id, hash: row.hash };
      entries++;
    }
    if (page.rows.length < PAGE) break;
  }
  const head = await sql<{ last_id: number; hash: string }>`SELECT last_id, hash FROM audit_chain_head`.execute(db);
  const lastId = previous?.id ?? null;
  const headRow = head.rows[0];
  if (headRow) {
    const headId = Number(headRow.last_id);
    if (headId > (lastId ?? 0)) return { entries, lastId, problem: { kind: "tail-removed", lastId, headId } };
    if (headId !== (lastId ?? 0) || headRow.hash !== (previous?.hash ?? GENESIS_HASH)) return { entries, lastId, problem: { kind: "head-mismatch", lastId, headId } };
  }
  return { entries, lastId, problem: null };
}

/** The report in Swedish, one sentence, for the CLI and the admin page. */
export function describeChainReport(report: ChainReport): string {
  const p = report.problem;
  if (!p) return `Granskningsloggen är obruten: ${report.entries} poster, alla kedjade och oförändrade.`;
  switch (p.kind) {
    case "altered":
      return `Post ${p.id} har ändrats efter att den skrevs: dess innehåll stämmer inte med dess hash.`;
    case "broken-link":
      return p.previousId === null
        ? `Post ${p.id} följer inte kedjans början: poster före den har tagits bort eller ändrats.`
        : `Post ${p.id} följer inte post ${p.previousId}: en post mellan dem har tagits bort eller lagts in, eller post ${p.previousId} har ändrats.`;
    case "tail-removed":
      return `De senaste posterna har tagits bort: loggen slutar vid ${p.lastId ?? "ingen post"} men kedjans huvud pekar på post ${p.headId}.`;
    case "head-mismatch":
      return `Kedjans huvud (post ${p.headId}) stämmer inte med sista posten (${p.lastId ?? "ingen"}): loggen eller huvudet har ändrats.`;
  }
}
