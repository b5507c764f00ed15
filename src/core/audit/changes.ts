import { formatAmount } from "../money/format";
import { fieldLabel, isMoneyKey } from "./labels";

/** One field that a logged change touched: where in the record, and its value before and after. */
export interface FieldChange {
  /** The field's path in the stored JSON, "lines[2].amount". */
  path: string;
  /** The same path in Swedish for readers, "Rader 3 › Belopp" (positions counted from 1). */
  label: string;
  /** The value as text; null when the field did not exist on that side. */
  before: string | null;
  after: string | null;
}

interface Leaf {
  label: string;
  value: unknown;
  key: string;
}

/** Nested objects and arrays as one map of leaf paths, in the order the record lists them. */
function flatten(value: unknown, into: Map<string, Leaf>, path = "", label = "", key = ""): void {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, i) => flatten(item, into, `${path}[${i}]`, `${label} ${i + 1}`, key));
    return;
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) {
      flatten(v, into, path ? `${path}.${k}` : k, label ? `${label} › ${fieldLabel(k)}` : fieldLabel(k), k);
    }
    return;
  }
  into.set(path, { label: label || "Värde", value, key });
}

const statusLabels: Record<string, string> = { draft: "utkast", decided: "fastställd", proposal: "förslag" };

function grouped(n: number): string {
  const text = String(Math.abs(n));
  const [whole, decimals] = text.split(".");
  const withSpaces = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${n < 0 ? "-" : ""}${withSpaces}${decimals ? "," + decimals : ""}`;
}

/** A leaf value as a reader sees it: öre in kronor, yes/no, empty lists and objects named. */
export function valueText(value: unknown, key = ""): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") {
    if (isMoneyKey(key) && Number.isSafeInteger(value)) return formatAmount(value, "kr");
    // Codes and years read better without grouping.
    if (Number.isInteger(value) && Math.abs(value) < 10_000) return String(value);
    return grouped(value);
  }
  if (typeof value === "string") return key === "status" ? (statusLabels[value] ?? value) : value;
  if (Array.isArray(value)) return "(tom lista)";
  return "(tomt)";
}

/**
 * What a logged change did, field by field: every leaf whose value differs between before and
 * after (a created record lists all its fields as new, a removed one all as gone).
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const was = new Map<string, Leaf>();
  const is = new Map<string, Leaf>();
  if (before !== null && before !== undefined) flatten(before, was);
  if (after !== null && after !== undefined) flatten(after, is);
  const paths = [...was.keys(), ...[...is.keys()].filter((p) => !was.has(p))];
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const b = was.get(path);
    const a = is.get(path);
    if (b && a && JSON.stringify(b.value) === JSON.stringify(a.value)) continue;
    changes.push({
      path,
      label: (a ?? b)!.label,
      before: b ? valueText(b.value, b.key) : null,
      after: a ? valueText(a.value, a.key) : null,
    });
  }
  return changes;
}
