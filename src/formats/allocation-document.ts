import type { SavedAllocation } from "../core/allocation/saved";
import type { AllocationResult, LineMethod } from "../core/allocation/types";
import { formatAmount, formatUnitName, sumAmounts } from "../core/money";
import { populationBasisNames } from "../core/population-key";
import { allocationTable } from "./allocation-export";
import type { DecisionDocument } from "./pdf/decision";
import type { Table } from "./table";

export interface AllocationDocumentOptions {
  caseNumber?: string;
  /** The document's date; today when not given. */
  date?: string;
  /** The att-sats; "godkänna fördelningen enligt tabellen" when not given. */
  proposal?: string;
  preparedBy?: string;
  distribution?: string[];
  /** The per-recipient calculation (quota, rounding, remainder rank, explanation) as an appendix. */
  appendix: boolean;
}

const METHOD_WORDS: Record<LineMethod, string> = {
  weight: "efter vikt",
  equal: "i lika delar",
  fixed: "med fasta belopp",
  percent: "med angivna procentandelar",
  remainder: "med resten på en rad",
};

/** The rounding rule in a sentence; `whole` is "hela kronor" or "jämna 10 tkr", `nearest` "krona" or "10 tkr". */
const ROUNDING_SENTENCE: Record<AllocationResult["rounding"], (u: { whole: string; nearest: string }, total: string) => string> = {
  "largest-remainder": (u, total) => `Varje andel är avrundad nedåt till ${u.whole} och de största resterna har fått en enhet till, så att summan blir exakt ${total}.`,
  "nearest-largest": (u, total) =>
    `Varje andel är avrundad till närmaste ${u.nearest} och avrundningsdifferensen är dragen från (eller lagd till) den största andelen, så att summan blir exakt ${total}.`,
  up: (u) => `Varje andel är avrundad uppåt till ${u.whole}; summan är andelarnas summa.`,
  down: (u) => `Varje andel är avrundad nedåt till ${u.whole}; summan är andelarnas summa.`,
  nearest: (u) => `Varje andel är avrundad till närmaste ${u.nearest}; summan är andelarnas summa.`,
};

function unitWords(unit: number): { whole: string; nearest: string } {
  if (unit === 100) return { whole: "hela kronor", nearest: "krona" };
  if (unit === 1) return { whole: "hela ören", nearest: "öre" };
  return { whole: `jämna ${formatUnitName(unit)}`, nearest: formatUnitName(unit) };
}

/** The method in one paragraph: amount, key (date and source), rounding rule. */
export function allocationMethodParagraph(saved: Pick<SavedAllocation, "request" | "result">): string {
  const { request, result } = saved;
  const total = formatAmount(result.inputTotal, "kr");
  const methods = [...new Set(result.shares.map((s) => s.method))];
  // Counties and municipalities (SCB's numeric codes) are counted one way only; how a
  // cooperation region is counted (its municipalities or its whole regions) is worth saying.
  const basisMatters = result.shares.some((s) => !/^\d+$/.test(s.key));
  const key =
    request.key.kind === "population"
      ? `efter folkmängden ${request.key.date} enligt SCB${basisMatters ? ` (${populationBasisNames[request.key.basis]})` : ""}`
      : methods.map((m) => METHOD_WORDS[m]).join(", ");
  return `${total} fördelas ${key}. ${ROUNDING_SENTENCE[result.rounding](unitWords(result.unit), total)}`;
}

/** Recipient and amount, with the total: the table a decision carries (as seed 002's annex). */
export function compactAllocationTable(saved: Pick<SavedAllocation, "result">): Table {
  const { result } = saved;
  const sum = sumAmounts(result.shares.map((s) => s.amount));
  const notes =
    sum === result.inputTotal
      ? []
      : [`Beloppen är avrundade var för sig och summerar till ${formatAmount(sum, "kr")}, ${formatAmount(Math.abs(sum - result.inputTotal), "kr")} ${sum > result.inputTotal ? "mer" : "mindre"} än ${formatAmount(result.inputTotal, "kr")}.`];
  return {
    // The document's title names the allocation; the table says what it lists.
    title: "Belopp per mottagare",
    columns: [
      { header: "Mottagare", kind: "text" },
      { header: "Belopp (kr)", kind: "money", unit: "kr" },
    ],
    rows: result.shares.map((s) => [s.label, s.amount]),
    totalRow: ["Summa", sum],
    notes,
  };
}

/**
 * A saved allocation as the decision a registrar files: a summary, the method in one paragraph,
 * the compact table (recipient, amount, total) and, when asked for, the calculation per recipient
 * in an appendix. The organisation is named once, in the letterhead.
 */
export function allocationDecisionDocument(saved: SavedAllocation, options: AllocationDocumentOptions): DecisionDocument {
  const state = saved.status === "decided" ? `Beslutad${saved.decidedAt ? ` ${saved.decidedAt.slice(0, 10)}` : ""}, version ${saved.version}.` : `Utkast, version ${saved.version}; inte beslutad.`;
  return {
    organisationName: saved.organisationName,
    title: saved.title,
    caseNumber: options.caseNumber ?? "Utan diarienummer",
    date: options.date ?? new Date().toISOString().slice(0, 10),
    summary: [state, allocationMethodParagraph(saved)],
    tables: [{ table: compactAllocationTable(saved), compact: true }],
    proposal: { attSatser: [options.proposal ?? "godkänna fördelningen enligt tabellen."] },
    preparedBy: options.preparedBy ? [`${options.preparedBy} har berett ärendet.`] : undefined,
    distribution: options.distribution,
    appendices: options.appendix
      ? [
          {
            heading: "Bilaga: beräkning per mottagare",
            paragraphs: ["Exakt kvot, avrundat belopp, avrundningens storlek och restens rang för varje mottagare, med förklaring."],
            tables: [{ table: allocationTable(saved.result, { title: "Beräkning per mottagare", lines: linesOf(saved) }) }],
          },
        ]
      : undefined,
  };
}

/** The same decision as XLSX sheets: the compact table with the method as its note, and the calculation when asked for. */
export function allocationDecisionSheets(saved: SavedAllocation, options: Pick<AllocationDocumentOptions, "appendix">): { name: string; table: Table }[] {
  const compact = compactAllocationTable(saved);
  const sheets: { name: string; table: Table }[] = [{ name: "Fördelning", table: { ...compact, notes: [allocationMethodParagraph(saved), ...(compact.notes ?? [])] } }];
  if (options.appendix) sheets.push({ name: "Beräkning", table: allocationTable(saved.result, { title: "Beräkning per mottagare", lines: linesOf(saved) }) });
  return sheets;
}

const linesOf = (saved: SavedAllocation) => saved.result.shares.map((s) => ({ key: s.key, label: s.label, method: s.method, weight: s.weight ?? undefined }));
