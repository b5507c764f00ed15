import type { Ore } from "../allocation/types";
import { formatAmount, parseAmount } from "../money";
import { GrantError } from "./errors";
import { groupWord, resolveRecipient } from "./recipients";
import type { RecipientGroup } from "./types";

export interface AnnexLine {
  recipientCode: string;
  /** The name as the annex writes it. */
  name: string;
  amount: Ore;
  /** 1-based line or row in the source, for messages. */
  line: number;
}

/** A cell: text or a spreadsheet number (kronor), or an amount already in öre from a typed form. */
export type AnnexCell = string | number | { ore: Ore } | null | undefined;

export interface AnnexRow {
  line: number;
  cells: AnnexCell[];
}

const TOTAL_WORDS = /^(totalt|summa|total)\b/i;

function amountOf(cell: AnnexCell): Ore {
  if (typeof cell === "object" && cell !== null) return cell.ore;
  if (typeof cell === "number") {
    // A spreadsheet number is kronor; toFixed(2) gives its exact two-decimal text without arithmetic on money.
    if (!Number.isFinite(cell)) throw new GrantError("är inte ett tal");
    const text = cell.toFixed(2);
    if (Number(text) !== cell) throw new GrantError(`${cell} har fler än två decimaler`);
    return parseAmount(text.replace(".", ","));
  }
  return parseAmount(String(cell ?? ""));
}

/**
 * Reads the decided amounts of an annex: rows of recipient name and amount in kronor. A first
 * row without an amount is a header; a "Totalt" row must equal the sum. All rows are checked and
 * every problem is reported with its line and field; one problem rejects the whole annex.
 * @example parseAnnexRows([{ line: 1, cells: ["Region Stockholm", "14 486 584"] }], "regions", "inklistrad text")
 */
export function parseAnnexRows(rows: readonly AnnexRow[], group: RecipientGroup, source: string): AnnexLine[] {
  const lines: AnnexLine[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  let statedTotal: { amount: Ore; line: number } | undefined;
  let first = true;
  for (const row of rows) {
    const cells = row.cells.map((c) => (typeof c === "string" ? c.trim() : c));
    if (cells.every((c) => c === null || c === undefined || c === "")) continue;
    const name = String(cells[0] ?? "").trim();
    const amountCell = cells.slice(1).find((c) => c !== null && c !== undefined && c !== "");
    const isFirst = first;
    first = false;
    if (isFirst && (amountCell === undefined || (typeof amountCell === "string" && !/\d/.test(amountCell)))) continue;
    const where = `${source}, rad ${row.line}`;
    if (amountCell === undefined) {
      problems.push(`${where}, fält belopp: belopp saknas för "${name}".`);
      continue;
    }
    let amount: Ore;
    try {
      amount = amountOf(amountCell);
    } catch (err) {
      problems.push(`${where}, fält belopp: "${String(amountCell)}" kan inte läsas som belopp (${err instanceof Error ? err.message.replace(/\.$/, "") : "okänt fel"}).`);
      continue;
    }
    if (TOTAL_WORDS.test(name)) {
      statedTotal = { amount, line: row.line };
      continue;
    }
    if (amount < 0) problems.push(`${where}, fält belopp: beloppet får inte vara negativt.`);
    if (name === "") {
      problems.push(`${where}, fält mottagare: namn saknas.`);
      continue;
    }
    const code = resolveRecipient(name, group);
    if (!code) {
      problems.push(`${where}, fält mottagare: "${name}" är inte ${groupWord(group)}.`);
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problems.push(`${where}, fält mottagare: "${name}" finns redan på rad ${earlier}.`);
      continue;
    }
    seen.set(code, row.line);
    lines.push({ recipientCode: code, name, amount, line: row.line });
  }
  if (problems.length === 0 && lines.length === 0) problems.push(`${source}: inga mottagare med belopp hittades.`);
  if (problems.length === 0 && statedTotal) {
    const sum = lines.reduce((a, l) => a + l.amount, 0);
    if (sum !== statedTotal.amount) {
      problems.push(
        `${source}, rad ${statedTotal.line}, fält belopp: raden Totalt anger ${formatAmount(statedTotal.amount, "kr")} men beloppen summerar till ${formatAmount(sum, "kr")}.`,
      );
    }
  }
  if (problems.length > 0) throw new GrantError(`Bilagan lästes inte in (inget sparades): ${problems.join(" ")}`);
  return lines;
}

/** Text pasted from a spreadsheet: one recipient a line, name and amount separated by tab (or ";"). */
export function parseAnnexText(text: string, group: RecipientGroup, source = "inklistrad text"): AnnexLine[] {
  const rows = text.split(/\r?\n/).map((raw, i) => {
    const cells = raw.includes("\t") ? raw.split("\t") : raw.includes(";") ? raw.split(";") : splitTrailingAmount(raw);
    return { line: i + 1, cells };
  });
  return parseAnnexRows(rows, group, source);
}

// "Region Stockholm 14 486 584" typed with spaces: the amount is the trailing run of digit groups.
function splitTrailingAmount(raw: string): string[] {
  const m = /^(.*?\D)\s+(-?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?)\s*(kr|kronor)?\s*$/.exec(raw.trim());
  return m ? [m[1]!, m[2]!] : [raw];
}
