import { Fraction } from "../fraction";
import { formatAmount } from "../money/format";
import { MoneyError } from "../money/errors";
import { formatPercent, parsePercentFraction } from "../money/percent";
import { AllocationError } from "./errors";
import { kr } from "./explain";
import { roundingModeValues, type AllocationInput, type AllocationLineInput, type LineMethod, type RoundingMode } from "./types";

/** A line after validation, with its numbers as bigint. */
export interface PreparedLine {
  index: number;
  key: string;
  label: string;
  method: LineMethod;
  basis: string | null;
  /** "Rad 3 (Region Gotland)": how messages and explanations name the line. */
  name: string;
  /** Weight for weight lines, 1 for equal lines, 0 otherwise. */
  weight: bigint;
  /** Amount for fixed lines, 0 otherwise. */
  amount: bigint;
  /** Fraction of the total for percent lines (2,5 % → 1/40), null otherwise. */
  percent: Fraction | null;
  /** The percent as a Swedish decimal for explanations ("2,5"). */
  percentText: string | null;
}

export interface PreparedInput {
  total: bigint;
  unit: bigint;
  rounding: RoundingMode;
  pool: bigint | null;
  lines: PreparedLine[];
  remainder: PreparedLine | null;
  /** The lines that share a pool by weight (weight or equal lines). */
  shareLines: PreparedLine[];
}

const METHODS: readonly LineMethod[] = ["weight", "equal", "fixed", "percent", "remainder"];
const ROUNDINGS: readonly RoundingMode[] = roundingModeValues;


/** "Rad 2 (X)" → "rad 2 (X)" for use mid-sentence; the label keeps its case. */
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function lineName(line: AllocationLineInput, index: number): string {
  const label = typeof line.label === "string" ? line.label.trim() : "";
  return label ? `Rad ${index + 1} (${label})` : `Rad ${index + 1}`;
}

function fail(reason: ConstructorParameters<typeof AllocationError>[0], message: string, line?: PreparedLine | { index: number; key: string }): never {
  throw new AllocationError(reason, message, line ? { index: line.index, key: line.key } : undefined);
}

function prepareLine(line: AllocationLineInput, index: number): PreparedLine {
  const name = lineName(line, index);
  const where = { index, key: String(line.key) };
  if (!METHODS.includes(line.method)) {
    fail("unknown-method", `${name}: okänd fördelningsmetod "${String(line.method)}"; välj vikt, lika delar, fast belopp, procent eller rest.`, where);
  }
  const prepared: PreparedLine = {
    index,
    key: String(line.key),
    label: typeof line.label === "string" ? line.label : "",
    method: line.method,
    basis: line.basis ?? null,
    name,
    weight: 0n,
    amount: 0n,
    percent: null,
    percentText: null,
  };
  switch (line.method) {
    case "weight": {
      const w = line.weight;
      if (w === undefined || w === null) fail("missing-value", `${name}: vikt saknas.`, where);
      if (!Number.isSafeInteger(w)) fail("invalid-weight", `${name}: vikten måste vara ett heltal, fick ${w}.`, where);
      if (w < 0) fail("negative-weight", `${name}: vikten får inte vara negativ.`, where);
      prepared.weight = BigInt(w);
      break;
    }
    case "equal":
      prepared.weight = 1n;
      break;
    case "fixed": {
      const a = line.amount;
      if (a === undefined || a === null) fail("missing-value", `${name}: belopp saknas för fast belopp.`, where);
      if (!Number.isSafeInteger(a)) fail("invalid-amount", `${name}: beloppet måste vara ett helt antal öre inom säkert heltalsområde, fick ${a}.`, where);
      if (a < 0) fail("negative-amount", `${name}: beloppet får inte vara negativt (${formatAmount(a, "kr")}).`, where);
      prepared.amount = BigInt(a);
      break;
    }
    case "percent": {
      if (line.percent === undefined || line.percent === null || line.percent === "") {
        fail("missing-value", `${name}: procentsats saknas.`, where);
      }
      try {
        prepared.percent = parsePercentFraction(line.percent);
      } catch (e) {
        if (e instanceof MoneyError) fail("invalid-percent", `${name}: ${e.message}`, where);
        throw e;
      }
      if (prepared.percent.sign() < 0) fail("negative-percent", `${name}: procentsatsen får inte vara negativ.`, where);
      prepared.percentText = formatPercent(prepared.percent);
      break;
    }
    case "remainder":
      break;
  }
  return prepared;
}

/** Checks everything that does not need the arithmetic, and turns numbers into bigint. */
export function prepareInput(input: AllocationInput): PreparedInput {
  if (!ROUNDINGS.includes(input.rounding)) {
    fail("invalid-rounding", `Okänt avrundningssätt "${String(input.rounding)}"; välj största restbelopp, närmaste med differensen på största andelen, uppåt, nedåt eller närmaste.`);
  }
  if (!Number.isSafeInteger(input.total)) {
    fail("invalid-total", `Totalbeloppet måste vara ett helt antal öre inom säkert heltalsområde, fick ${input.total}.`);
  }
  if (input.total < 0) fail("invalid-total", `Totalbeloppet får inte vara negativt (${formatAmount(input.total, "kr")}).`);
  if (!Number.isSafeInteger(input.unit) || input.unit <= 0) {
    fail("invalid-unit", `Avrundningsenheten måste vara ett positivt helt antal öre, fick ${input.unit}.`);
  }
  if (input.pool !== undefined && input.pool !== null) {
    if (!Number.isSafeInteger(input.pool)) fail("invalid-pool", `Beloppet att fördela efter vikt måste vara ett helt antal öre, fick ${input.pool}.`);
    if (input.pool < 0) fail("invalid-pool", `Beloppet att fördela efter vikt får inte vara negativt (${formatAmount(input.pool, "kr")}).`);
  }
  if (!Array.isArray(input.lines) || input.lines.length === 0) {
    fail("no-lines", "Fördelningen har inga rader; lägg till minst en mottagare.");
  }

  const lines = input.lines.map(prepareLine);

  const seen = new Map<string, PreparedLine>();
  for (const line of lines) {
    const earlier = seen.get(line.key);
    if (earlier) fail("duplicate-key", `${line.name}: nyckeln "${line.key}" används redan av ${lowerFirst(earlier.name)}.`, line);
    seen.set(line.key, line);
  }

  const remainders = lines.filter((l) => l.method === "remainder");
  if (remainders.length > 1) {
    const second = remainders[1]!;
    fail("multiple-remainders", `${second.name}: en fördelning kan ha högst en restrad; ${lowerFirst(remainders[0]!.name)} är redan restrad.`, second);
  }
  const remainder = remainders[0] ?? null;
  if (remainder && input.rounding !== "largest-remainder" && input.rounding !== "nearest-largest") {
    fail("remainder-in-per-share", `${remainder.name}: en restrad går inte ihop med avrundning per andel (${input.rounding === "up" ? "uppåt" : input.rounding === "down" ? "nedåt" : "närmaste"}); välj största restbelopp eller ta bort restraden.`, remainder);
  }

  const weighted = lines.filter((l) => l.method === "weight");
  const equal = lines.filter((l) => l.method === "equal");
  if (weighted.length > 0 && equal.length > 0) {
    const first = equal[0]!;
    fail("mixed-weight-equal", `${first.name}: lika delar kan inte blandas med viktade rader i samma fördelning; ge alla rader en vikt (lika delar = vikt 1) eller dela upp fördelningen.`, first);
  }
  const shareLines = weighted.length > 0 ? weighted : equal;
  if (weighted.length > 0 && weighted.every((l) => l.weight === 0n)) {
    fail("all-weights-zero", `Alla vikter är noll (${weighted.map((l) => l.name).join(", ")}); minst en rad måste ha en vikt större än noll.`, weighted[0]);
  }

  const percentSum = lines.reduce((s, l) => (l.percent ? s.add(l.percent) : s), Fraction.ZERO);
  if (percentSum.compare(1n) > 0) {
    fail("percent-sum", `Procentraderna summerar till ${formatPercent(percentSum) ?? percentSum.mul(100n).toString()} %, mer än 100 %.`);
  }

  const total = BigInt(input.total);
  const fixedSum = lines.reduce((s, l) => s + l.amount, 0n);
  if (fixedSum > total) {
    fail("fixed-exceeds-total", `De fasta beloppen summerar till ${kr(fixedSum)}, ${kr(fixedSum - total)} mer än totalbeloppet ${kr(total)}.`);
  }

  let pool: bigint | null = input.pool === undefined || input.pool === null ? null : BigInt(input.pool);
  if (remainder && shareLines.length > 0 && pool === null) {
    fail("pool-missing", `Fördelningen har både en restrad (${remainder.name}) och rader som delar efter vikt eller lika delar; ange hur stort belopp de raderna ska dela.`);
  }
  if (pool !== null && (!remainder || shareLines.length === 0)) {
    fail("pool-unused", remainder
      ? "Ett belopp att dela efter vikt är angivet, men ingen rad fördelas efter vikt eller lika delar."
      : "Ett belopp att dela efter vikt används bara tillsammans med en restrad; utan restrad delar viktraderna det som blir kvar av totalbeloppet.");
  }
  if (!remainder) pool = null;

  return { total, unit: BigInt(input.unit), rounding: input.rounding, pool, lines, remainder, shareLines };
}
