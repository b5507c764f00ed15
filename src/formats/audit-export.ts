import { fieldChanges } from "../core/audit/changes";
import type { AuditEntry } from "../core/audit/entry";
import { actionLabel, entityLabel } from "../core/audit/labels";
import type { Cell, Table } from "./table";

/** Swedish local time, "2024-03-31 14:05:09", the way the page shows it. */
export function auditTime(iso: string): string {
  return new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" });
}

/**
 * The log as one table for CSV and XLSX: one line per changed field, so a spreadsheet can
 * filter on a field; an entry that changed no field (a login, an export) gets one line.
 * Texts pass through the writers' formula-injection guard.
 */
export function auditTable(entries: Iterable<AuditEntry>, title = "Granskningslogg"): Table {
  const rows: Cell[][] = [];
  for (const e of entries) {
    const head: Cell[] = [e.id, auditTime(e.at), e.username ?? "", actionLabel(e.action), entityLabel(e.entity), e.entityId ?? ""];
    const changes = fieldChanges(e.before, e.after);
    if (changes.length === 0) rows.push([...head, "", "", ""]);
    for (const c of changes) rows.push([...head, c.label, c.before ?? "", c.after ?? ""]);
  }
  return {
    title,
    columns: [
      { header: "Post", kind: "integer" },
      { header: "Tid", kind: "text" },
      { header: "Användare", kind: "text" },
      { header: "Händelse", kind: "text" },
      { header: "Objekt", kind: "text" },
      { header: "Objektets id", kind: "text" },
      { header: "Fält", kind: "text" },
      { header: "Före", kind: "text" },
      { header: "Efter", kind: "text" },
    ],
    rows,
  };
}
