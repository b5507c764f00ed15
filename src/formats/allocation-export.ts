import type { AllocationLineInput, AllocationResult, Ore } from "../core/allocation/types";
import { Fraction } from "../core/fraction";
import { formatAmount, formatExactAmount, formatUnitName, sumAmounts } from "../core/money";
import { writeCsv, type CsvOptions } from "./csv/write";
import type { Cell, Table } from "./table";
import { writeXlsx } from "./xlsx/write";

export interface AllocationExportMeta {
  title: string;
  organisationName?: string;
  createdAt?: Date;
  /** How the amounts are rounded to a unit, e.g. "Avrundat till hela 10 tkr"; made from the result when not given. */
  unitDescription?: string;
  /** The key: "Folkmängd 2023-12-31 enligt SCB". */
  keyDescription?: string;
  /** The rounding rule in words; made from the result when not given. */
  roundingDescription?: string;
  /** The input lines, to show each weight (a population, say) beside its share. */
  lines?: AllocationLineInput[];
}

/** Exact quotients are shown to a hundredth of an öre; a note says when that is not exact. */
const KR_DECIMALS = 4;

const ROUNDING_WORDS: Record<AllocationResult["rounding"], string> = {
  "largest-remainder": "fast total: andelarna avrundas nedåt och de största resterna får en enhet till, så att summan blir exakt totalen",
  "nearest-largest": "fast total: varje andel avrundas till närmaste enhet och avrundningsdifferensen dras från (eller läggs till) den största andelen, så att summan blir exakt totalen",
  up: "varje andel avrundas uppåt; totalen blir summan av andelarna",
  down: "varje andel avrundas nedåt; totalen blir summan av andelarna",
  nearest: "varje andel avrundas till närmaste enhet; totalen blir summan av andelarna",
};

/** An exact öre fraction as kronor in dot-decimal text with KR_DECIMALS places, and whether that is exact. */
function kronorText(ore: Fraction): { text: string; exact: boolean } {
  const { text, exact } = formatExactAmount(ore, "kr", { decimals: KR_DECIMALS, suffix: false });
  return { text: text.replace(/[\u00a0\s]/g, "").replace(",", "."), exact };
}

function checkRow(result: AllocationResult, sum: Ore): { cells: Cell[]; text: string } {
  const difference = sum - result.inputTotal;
  const text =
    difference === 0
      ? `Summa stämmer med totalen ${formatAmount(result.inputTotal, "kr")}`
      : `Summan ${formatAmount(sum, "kr")} avviker från totalen ${formatAmount(result.inputTotal, "kr")} med ` +
        `${formatAmount(difference, "kr")} (avrundning av varje andel)`;
  return { cells: ["Kontroll", null, null, difference, null, null, text], text };
}

/**
 * The allocation as a table: one row per share with its weight, exact quotient, rounded amount,
 * what rounding changed, its place in the remainder order and the explanation; then the total
 * row (sums, exact quotient sum included) and a check row comparing the sum with the amount
 * to allocate. Notes say key, unit, rounding and tie-break, so the table explains itself.
 */
export function allocationTable(result: AllocationResult, meta: AllocationExportMeta): Table {
  const weights = new Map((meta.lines ?? []).filter((l) => l.method === "weight").map((l) => [l.key, l.weight ?? null]));
  let inexact = false;
  let quotaSum = Fraction.ZERO;
  const rows: Cell[][] = result.shares.map((share) => {
    const quota = Fraction.fromText(share.quota);
    quotaSum = quotaSum.add(quota);
    const q = kronorText(quota);
    const r = kronorText(Fraction.fromText(share.roundingDifference));
    inexact ||= !q.exact || !r.exact;
    return [share.label, weights.get(share.key) ?? null, q.text, share.amount, r.text, share.remainderRank, share.explanation];
  });

  const amountSum = sumAmounts(result.shares.map((s) => s.amount));
  const weightValues = [...weights.values()].filter((w): w is number => w !== null);
  const weightSum = weightValues.length > 0 ? sumAmounts(weightValues) : null;
  const totalQuota = kronorText(quotaSum);
  const totalRounding = kronorText(Fraction.of(amountSum).sub(quotaSum));
  inexact ||= !totalQuota.exact || !totalRounding.exact;
  const check = checkRow(result, amountSum);

  const notes: string[] = [];
  if (meta.organisationName) notes.push(`Organisation: ${meta.organisationName}`);
  if (meta.createdAt) notes.push(`Skapad: ${meta.createdAt.toISOString().slice(0, 10)}`);
  if (meta.keyDescription) notes.push(`Fördelningsnyckel: ${meta.keyDescription}`);
  notes.push(`Avrundningsenhet: ${meta.unitDescription ?? formatUnitName(result.unit)}`);
  notes.push(`Avrundning: ${meta.roundingDescription ?? ROUNDING_WORDS[result.rounding]}`);
  notes.push(`Lika rester: ${result.tieBreak}`);
  if (inexact) {
    notes.push(`Exakt kvot och avrundning visas med ${KR_DECIMALS} decimaler; där kvoten inte går jämnt ut är den avrundad i sista decimalen.`);
  }
  notes.push(`Kontroll: ${check.text}`);

  return {
    title: meta.title,
    columns: [
      { header: "Mottagare", kind: "text" },
      { header: "Underlag/vikt", kind: "integer" },
      { header: "Exakt kvot (kr)", kind: "decimal", decimals: KR_DECIMALS },
      { header: "Belopp (kr)", kind: "money", unit: "kr" },
      { header: "Avrundning (kr)", kind: "decimal", decimals: KR_DECIMALS },
      { header: "Restrang", kind: "integer" },
      { header: "Förklaring", kind: "text" },
    ],
    rows,
    totalRow: ["Summa", weightSum, totalQuota.text, amountSum, totalRounding.text, null, null],
    footerRows: [check.cells],
    notes,
  };
}

/** The allocation as an XLSX workbook with one sheet, "Fördelning". */
export async function toXlsx(result: AllocationResult, meta: AllocationExportMeta): Promise<Buffer> {
  return writeXlsx([{ name: "Fördelning", table: allocationTable(result, meta) }], {
    title: meta.title,
    ...(meta.organisationName ? { creator: meta.organisationName } : {}),
    ...(meta.createdAt ? { created: meta.createdAt } : {}),
  });
}

/** The allocation as CSV (semicolons and BOM unless told otherwise), notes included by default. */
export function toCsv(result: AllocationResult, meta: AllocationExportMeta, options: CsvOptions = {}): string {
  return writeCsv(allocationTable(result, meta), { includeNotes: true, ...options });
}
