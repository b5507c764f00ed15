import { writeFileSync } from "node:fs";
import { formatAmount } from "../../core/money";
import type { Db } from "../../db/connect";
import { listDecisions } from "../../db/queries/grants-decisions";
import { grantDecisionDocumentData, internalDecisionDocumentData } from "../../db/queries/grants-document-data";
import { listInternalDecisions } from "../../db/queries/grants-internal";
import { grantDecisionFile, internalDecisionFile } from "../../formats/grants/decision-files";
import { displayUnits, type DisplayUnit } from "../../core/money/units";
import { CliError } from "../errors";

export const grantDocumentKinds = ["grant-decision", "internal-decision"] as const;
export type GrantDocumentKind = (typeof grantDocumentKinds)[number];

export const isGrantDocumentKind = (word: string): word is GrantDocumentKind => (grantDocumentKinds as readonly string[]).includes(word);

export interface GrantDocumentOptions {
  unit?: string;
  /** "Kopia till" recipients separated by semicolons (grant decisions). */
  copyTo?: string;
}

function unitOf(text: string | undefined): DisplayUnit | undefined {
  if (text === undefined) return undefined;
  const unit = displayUnits.find((u) => u === text);
  if (unit) return unit;
  throw new CliError(`--unit ska vara kr, tkr eller mkr, fick "${text}".`);
}

/** Writes a grant decision's or an internal decision's document; returns the Swedish line to print. */
export async function writeGrantDocument(db: Db, kind: GrantDocumentKind, id: number, format: "pdf" | "xlsx", out: string, options: GrantDocumentOptions = {}): Promise<string> {
  const unit = unitOf(options.unit);
  if (kind === "grant-decision") {
    const data = await grantDecisionDocumentData(db, id);
    if (!data) throw new CliError(`Det finns inget regeringsbeslut med ID ${id}; se "fordela document grant-decision --list".`, 1);
    const copyTo = options.copyTo?.split(";").map((s) => s.trim()).filter(Boolean);
    writeFileSync(out, await grantDecisionFile(data, format, { unit, copyTo }));
    const d = data.decision;
    return `Skrev ${out} (${d.diaryNumber ?? "utan diarienummer"}: ${d.title}, ${d.status === "decided" ? "beslutat" : "utkast"}).`;
  }
  const data = await internalDecisionDocumentData(db, id);
  if (!data) throw new CliError(`Det finns inget internt beslut med ID ${id}; se "fordela document internal-decision --list".`, 1);
  writeFileSync(out, await internalDecisionFile(data, format, { unit }));
  return `Skrev ${out} (${data.internal.title}, ${data.internal.status === "decided" ? "beslutat" : "utkast"}, version ${data.internal.version}).`;
}

/** One line per decision for --list. */
export async function listGrantDocuments(db: Db, kind: GrantDocumentKind): Promise<string[]> {
  const status = (s: string) => (s === "decided" ? "beslutat" : "utkast  ");
  if (kind === "grant-decision") {
    return (await listDecisions(db, "all")).map((d) => `${String(d.id).padStart(4)}  ${status(d.status)}  ${(d.diaryNumber ?? "–").padEnd(12)}  ${formatAmount(d.total, "kr").padStart(18)}  ${d.title}`);
  }
  return (await listInternalDecisions(db, { draftOrganisations: "all" })).map((d) => `${String(d.id).padStart(4)}  ${status(d.status)}  v${d.version}  ${formatAmount(d.total, "kr").padStart(18)}  ${d.organisationName}: ${d.title}`);
}
