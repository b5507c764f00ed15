import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { parseAnnexRows, type AnnexLine, type AnnexRow } from "../../core/grants/annex";
import { GrantError } from "../../core/grants/errors";
import type { RecipientGroup } from "../../core/grants/types";
import { readXlsxTable } from "../xlsx/read";

function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const utf8 = buffer.toString("utf8");
  // Excel on Windows saves CSV in Windows-1252; invalid UTF-8 shows as replacement characters.
  const text = utf8.includes("\ufffd") ? iconv.decode(buffer, "win1252") : utf8;
  return text.replace(/^\ufeff/, "");
}

function csvRows(text: string, fileName: string): AnnexRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes("\t") ? "\t" : firstLine.includes(";") ? ";" : ",";
  try {
    const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    throw new GrantError(`${fileName}: filen kan inte läsas som CSV (${err instanceof Error ? err.message : String(err)}).`);
  }
}

/**
 * The decided amounts of an annex from an XLSX or CSV file: first column recipient, the next
 * non-empty column the amount in kronor. All-or-nothing, errors name file, row and field.
 */
export async function readAnnexFile(bytes: Uint8Array, fileName: string, group: RecipientGroup): Promise<AnnexLine[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) {
    let sheet;
    try {
      sheet = await readXlsxTable(bytes);
    } catch (err) {
      throw new GrantError(`${fileName}: filen kan inte läsas som XLSX (${err instanceof Error ? err.message : String(err)}).`);
    }
    const rows = sheet.rows.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : typeof c === "boolean" ? String(c) : c)) }));
    return parseAnnexRows(rows, group, `${fileName}, blad "${sheet.name}"`);
  }
  if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv")) {
    return parseAnnexRows(csvRows(decodeText(bytes), fileName), group, fileName);
  }
  throw new GrantError(`${fileName}: okänt filformat; läs in XLSX eller CSV.`);
}
