import type { ColumnRef, CsvMapping } from "./types";

// The CSV column mapping as the editor holds it (text fields), and its check into the API shape.

export const COLUMN_FIELDS = [
  { key: "account", label: "Konto", required: true },
  { key: "amount", label: "Belopp", required: true },
  { key: "period", label: "Period (ÅÅÅÅMM)", required: false },
  { key: "date", label: "Datum", required: false },
  { key: "costCentre", label: "Kostnadsställe", required: false },
  { key: "project", label: "Projekt", required: false },
  { key: "text", label: "Text", required: false },
] as const;

export type ColumnKey = (typeof COLUMN_FIELDS)[number]["key"];

export interface MappingForm {
  name: string;
  /** One character; "tab" for a tab. */
  separator: string;
  decimalComma: boolean;
  hasHeader: boolean;
  encoding: CsvMapping["encoding"];
  sign: CsvMapping["sign"];
  columns: Record<ColumnKey, string>;
}

export type MappingErrors = Partial<Record<"name" | "separator" | ColumnKey, string>>;

export function emptyMappingForm(): MappingForm {
  return {
    name: "",
    separator: ";",
    decimalComma: true,
    hasHeader: true,
    encoding: "utf-8",
    sign: "ledger",
    columns: { account: "", amount: "", period: "", date: "", costCentre: "", project: "", text: "" },
  };
}

export function formFromMapping(m: CsvMapping): MappingForm {
  const columns = emptyMappingForm().columns;
  for (const f of COLUMN_FIELDS) {
    const v = m.columns[f.key];
    columns[f.key] = v === undefined ? "" : String(v);
  }
  return { name: m.name, separator: m.separator === "\t" ? "tab" : m.separator, decimalComma: m.decimalComma, hasHeader: m.hasHeader, encoding: m.encoding, sign: m.sign, columns };
}

/** A column given as a number is its position (1 = first); anything else is a header text. */
function columnRef(text: string): ColumnRef | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return /^\d+$/.test(t) ? Number(t) : t;
}

/** The mapping to save, or the errors per field in Swedish. */
export function checkMapping(form: MappingForm): { mapping: CsvMapping } | { errors: MappingErrors } {
  const errors: MappingErrors = {};
  if (!form.name.trim()) errors.name = "Ange ett namn på mappningen.";
  const separator = form.separator === "tab" || form.separator === "\\t" ? "\t" : form.separator;
  if (separator.length !== 1) errors.separator = "Avgränsaren ska vara ett tecken, till exempel ; eller , (skriv tab för tabb).";
  const columns: CsvMapping["columns"] = { account: "", amount: "" };
  for (const f of COLUMN_FIELDS) {
    const ref = columnRef(form.columns[f.key]);
    if (ref === 0) errors[f.key] = "Kolumnnummer börjar på 1.";
    else if (ref === undefined && f.required) errors[f.key] = `Ange kolumnen för ${f.label.toLowerCase()}: rubrik eller nummer (1 = första).`;
    else if (typeof ref === "string" && !form.hasHeader) errors[f.key] = "Filen saknar rubrikrad: ange kolumnens nummer.";
    else if (ref !== undefined) columns[f.key] = ref;
  }
  if (columns.period === undefined && columns.date === undefined && !errors.period && !errors.date) errors.period = "Ange kolumnen för period eller för datum.";
  if (Object.keys(errors).length > 0) return { errors };
  return { mapping: { name: form.name.trim(), separator, decimalComma: form.decimalComma, hasHeader: form.hasHeader, encoding: form.encoding, sign: form.sign, columns } };
}
