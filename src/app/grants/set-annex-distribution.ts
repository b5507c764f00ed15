import { parseAnnexRows, parseAnnexText, type AnnexLine } from "../../core/grants/annex";
import type { Distribution } from "../../core/grants/records";
import type { RecipientGroup } from "../../core/grants/types";
import type { Db } from "../../db/connect";
import { compareAnnexWithKey, type ComparisonKey } from "../../db/queries/grants-annex-comparison";
import { getDistribution, saveAnnexDistribution } from "../../db/queries/grants-distribution";
import { readAnnexFile } from "../../formats/grants/annex-file";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";
import { lockDistribution } from "./distribution-lock";

/** Where the annex amounts come from: pasted text, typed lines, or an uploaded XLSX/CSV file. */
export type AnnexSource =
  | { kind: "text"; text: string }
  | { kind: "lines"; lines: { recipientCode?: string; name: string; amount: number }[] }
  | { kind: "file"; bytes: Uint8Array; name: string };

export type { ComparisonKey };

export interface SetAnnexInput {
  annex: AnnexSource;
  /** How the source is named in the explanations; the file's name for a file. */
  source: string;
  comparisonKey: ComparisonKey | null;
  revision: number;
}

/** The annex's lines, resolved against the part's recipient group (names to codes). */
export async function readAnnex(annex: AnnexSource, group: RecipientGroup, source: string): Promise<AnnexLine[]> {
  if (annex.kind === "text") return parseAnnexText(annex.text, group, source);
  if (annex.kind === "file") return readAnnexFile(annex.bytes, annex.name, group);
  const typed = annex.lines.map((l, i) => ({ line: i + 1, cells: [l.recipientCode ?? l.name, { ore: l.amount }] }));
  const names = new Map(annex.lines.map((l, i) => [i + 1, l.name]));
  return parseAnnexRows(typed, group, source).map((l) => ({ ...l, name: names.get(l.line) ?? l.name }));
}

/** Stores the decided amounts an annex lists (all or nothing), optionally beside a comparison key. */
export async function setAnnexDistribution(db: Db, actor: Actor, partId: number, input: SetAnnexInput): Promise<Distribution> {
  return inTransaction(db, async (trx) => {
    const part = await lockDistribution(trx, actor, partId, input.revision);
    const lines = await readAnnex(input.annex, part.recipientGroup, input.source);
    const key = input.comparisonKey;
    const comparison = key ? await compareAnnexWithKey(trx, part.amount, lines, key) : null;
    await saveAnnexDistribution(trx, partId, lines, input.source, comparison, actor.id, actor.username);
    await writeAudit(trx, actor, { action: "update", entity: "grant_distribution", entityId: partId, organisationId: part.decision.organisationId, before: part.before, after: { mode: "annex", source: input.source, lines, comparisonKey: key } });
    return (await getDistribution(trx, partId, part.amount))!;
  });
}
