import type { Ore } from "../allocation/types";
import { metadataLabels, type InternalLine, type InternalMetadata } from "./internal";

export interface VersionSnapshot {
  title: string;
  total: Ore;
  metadata: InternalMetadata;
  /** Lines with their resulting amounts. */
  lines: (InternalLine & { amount: Ore })[];
}

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface LineChange {
  change: "added" | "removed" | "changed";
  label: string;
  before: (InternalLine & { amount: Ore }) | null;
  after: (InternalLine & { amount: Ore }) | null;
  /** after − before, in öre (0 for a line whose amount did not change). */
  amountDifference: Ore;
}

export interface VersionDiff {
  fields: FieldChange[];
  lines: LineChange[];
  unchanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function lineEqual(a: InternalLine & { amount: Ore }, b: InternalLine & { amount: Ore }): boolean {
  return a.kind === b.kind && a.amount === b.amount && (a.earmarkPurpose ?? null) === (b.earmarkPurpose ?? null) && (a.accountingObject ?? null) === (b.accountingObject ?? null);
}

/**
 * What changed from one version of an internal decision to the next: title, total and each
 * metadata field, and lines matched by their label (a renamed line shows as removed and added).
 */
export function diffVersions(before: VersionSnapshot, after: VersionSnapshot): VersionDiff {
  const fields: FieldChange[] = [];
  if (before.title !== after.title) fields.push({ field: "title", label: "Rubrik", before: before.title, after: after.title });
  if (before.total !== after.total) fields.push({ field: "total", label: "Totalbelopp", before: before.total, after: after.total });
  for (const key of Object.keys(metadataLabels) as (keyof InternalMetadata)[]) {
    if (!same(before.metadata[key], after.metadata[key])) fields.push({ field: key, label: metadataLabels[key], before: before.metadata[key] ?? null, after: after.metadata[key] ?? null });
  }
  const lines: LineChange[] = [];
  const remaining = new Map(after.lines.map((l) => [l.label, l]));
  for (const old of before.lines) {
    const now = remaining.get(old.label);
    if (!now) {
      lines.push({ change: "removed", label: old.label, before: old, after: null, amountDifference: -old.amount });
      continue;
    }
    remaining.delete(old.label);
    if (!lineEqual(old, now)) lines.push({ change: "changed", label: old.label, before: old, after: now, amountDifference: now.amount - old.amount });
  }
  for (const added of remaining.values()) lines.push({ change: "added", label: added.label, before: null, after: added, amountDifference: added.amount });
  return { fields, lines, unchanged: fields.length === 0 && lines.length === 0 };
}
