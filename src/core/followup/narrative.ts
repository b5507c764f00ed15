import type { Ore } from "../allocation/types";
import { formatAmount } from "../money";
import type { ProjectAccountRow, ProjectAccountsTable } from "./project-accounts";

type Field = "opening" | "jointFinancing" | "otherIncome" | "income" | "costs" | "closing";

const FIELD_NAMES: Record<Field, string> = {
  opening: "ingående balans",
  jointFinancing: "solidarisk finansiering",
  otherIncome: "övriga intäkter",
  income: "intäkter",
  costs: "kostnader",
  closing: "utgående balans",
};

/** The sentence an annual report gives a project, with figures from the same table (tkr, rounded half away from zero). */
export function projectParagraph(row: ProjectAccountRow, year: number): string {
  const tkr = (ore: Ore) => formatAmount(ore, "tkr");
  const income: string[] = [];
  if (row.jointFinancing !== 0) income.push(`solidarisk finansiering ${tkr(row.jointFinancing)}`);
  if (row.otherIncome !== 0) income.push(`övriga intäkter ${tkr(row.otherIncome)}`);
  return (
    `Projekt ${row.code} ${row.name}: ingående balans ${year} ${tkr(row.opening)}` +
    (income.length > 0 ? `, ${income.join(" och ")}` : "") +
    `, kostnader ${tkr(row.costs)}, utgående balans ${tkr(row.closing)}.`
  );
}

/** A figure in the text that does not agree with the table. */
export interface NarrativeMismatch {
  project: string;
  field: Field;
  /** The amount as written ("8 540 tkr"). */
  written: string;
  /** The written amount in öre. */
  writtenOre: Ore;
  /** The table's figure in öre. */
  tableOre: Ore;
  /** Character offset of the amount in the (whitespace-normalised) text. */
  offset: number;
  sentence: string;
  message: string;
}

export interface NarrativeCheck {
  checked: number;
  mismatches: NarrativeMismatch[];
}

// Keywords bind to the amount right after them ("kostnader på 8 540 tkr"), or, written after an
// amount, to it ("1 249 tkr för solidarisk finansiering", "10 000 tkr i statsbidrag").
const KEYWORDS: { re: RegExp; field: Field }[] = [
  { re: /\bingående balans/giu, field: "opening" },
  { re: /\butgående balans/giu, field: "closing" },
  { re: /\bsolidarisk(?:a)? finansiering/giu, field: "jointFinancing" },
  { re: /\bstatsbidrag|\bövriga intäkter/giu, field: "otherIncome" },
  { re: /\bintäkter|\btillkommit medel/giu, field: "income" },
  { re: /\bkostnader/giu, field: "costs" },
];

const UNIT: Record<string, Ore> = { kr: 100, kronor: 100, tkr: 100_000, mkr: 100_000_000, mnkr: 100_000_000 };
const AMOUNT = /(?<![\d,])(\d{1,3}(?: \d{3})*|\d+)(?:,(\d+))? ?(tkr|mnkr|mkr|kronor|kr)\b/giu;
/** What may stand between an amount and a keyword that names it: "1 249 tkr för solidarisk finansiering". */
const AFTER = /^ (?:för|i|av|som|till) $/u;
const PROJECT = /\bProjekt (\d{3,})/gu;

interface Amount {
  start: number;
  end: number;
  text: string;
  ore: Ore;
  /** One step of the last written digit: "drygt 598 tkr" may be 597 501–598 999 kr. */
  step: Ore;
}

function amountsIn(sentence: string, base: number): Amount[] {
  const out: Amount[] = [];
  for (const m of sentence.matchAll(AMOUNT)) {
    const unit = UNIT[m[3]!.toLowerCase()]!;
    const decimals = m[2] ?? "";
    const scale = 10 ** decimals.length;
    const whole = Number(m[1]!.replaceAll(" ", "")) * scale + (decimals ? Number(decimals) : 0);
    if (unit % scale !== 0) continue;
    out.push({ start: base + m.index!, end: base + m.index! + m[0].length, text: m[0], ore: (whole * unit) / scale, step: unit / scale });
  }
  return out;
}

function tableValues(row: ProjectAccountRow, field: Field): Ore[] {
  if (field === "income") return [row.jointFinancing, row.otherIncome, row.jointFinancing + row.otherIncome];
  return [row[field]];
}

/** Written as rounded ("knappt", "drygt", "ca"): agrees when within one step of the written digit. */
const agrees = (a: Amount, ore: Ore) => Math.abs(a.ore - ore) < a.step;

/**
 * Finds each amount in a narrative that is tied to a project ("Projekt 8941 …" starts a project's
 * part of the text) and to a figure by a keyword in the same sentence, and compares it with the
 * project accounts table. Amounts without such a keyword (course fees, parts of a cost) are not
 * judged. A mismatch names the table's figure and, when the written figure is another row's or
 * the subtotal's, says so.
 */
export function checkNarrative(text: string, table: ProjectAccountsTable): NarrativeCheck {
  const flat = text.replace(/\s+/gu, " ");
  const rows = [...table.rows, ...table.excludedRows];
  const heads = [...flat.matchAll(PROJECT)].map((m) => ({ code: m[1]!, at: m.index! }));
  const result: NarrativeCheck = { checked: 0, mismatches: [] };
  heads.forEach((head, i) => {
    const row = rows.find((r) => r.code === head.code);
    if (!row) return;
    const part = flat.slice(head.at, heads[i + 1]?.at ?? flat.length);
    let offset = head.at;
    for (const sentence of part.split(/(?<=[.!?]) (?=[A-ZÅÄÖ])/u)) {
      checkSentence(sentence, offset, row, table, result);
      offset += sentence.length + 1;
    }
  });
  return result;
}

function checkSentence(sentence: string, base: number, row: ProjectAccountRow, table: ProjectAccountsTable, result: NarrativeCheck): void {
  const amounts = amountsIn(sentence, base);
  const keywords = KEYWORDS.flatMap(({ re, field }) => [...sentence.matchAll(re)].map((m) => ({ field, start: base + m.index!, end: base + m.index! + m[0].length })));
  keywords.sort((a, b) => a.start - b.start);
  const used = new Set<number>();
  for (const a of amounts) {
    // A keyword written right after the amount ("… tkr i statsbidrag") binds first.
    let bound = keywords.find((k) => k.start >= a.end && AFTER.test(sentence.slice(a.end - base, k.start - base)) && !used.has(k.start));
    if (!bound) bound = [...keywords].reverse().find((k) => k.end <= a.start && !used.has(k.start) && !amounts.some((b) => b !== a && b.start > k.end && b.end <= a.start));
    if (!bound) continue;
    used.add(bound.start);
    result.checked++;
    const values = tableValues(row, bound.field);
    if (values.some((v) => agrees(a, v))) continue;
    const tableOre = values[values.length === 1 ? 0 : 2]!;
    const other = elsewhere(a, table, row);
    result.mismatches.push({
      project: row.code,
      field: bound.field,
      written: a.text,
      writtenOre: a.ore,
      tableOre,
      offset: a.start,
      sentence: sentence.trim(),
      message:
        `Projekt ${row.code}: texten anger ${FIELD_NAMES[bound.field]} ${a.text}, men tabellen ${formatAmount(tableOre, "kr")} (${formatAmount(tableOre, "tkr")})` +
        (other ? `; ${a.text} är ${other}` : ""),
    });
  }
}

/** Which other figure of the table the written amount matches, if any. */
function elsewhere(a: Amount, table: ProjectAccountsTable, row: ProjectAccountRow): string | undefined {
  const fields: Field[] = ["opening", "jointFinancing", "otherIncome", "costs", "closing"];
  const sums = [
    { label: "delsummans", s: table.subtotal },
    { label: "totalens", s: table.total },
  ];
  for (const { label, s } of sums) {
    for (const f of fields) if (agrees(a, s[f as keyof typeof s] as Ore)) return `${label} ${FIELD_NAMES[f]}`;
  }
  for (const r of [...table.rows, ...table.excludedRows]) {
    if (r === row) continue;
    for (const f of fields) if (agrees(a, r[f as keyof ProjectAccountRow] as Ore)) return `${r.kind === "board" ? r.name : `projekt ${r.code}`}s ${FIELD_NAMES[f]}`;
  }
  return undefined;
}
