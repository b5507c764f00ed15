import { Fraction } from "../fraction";
import { formatUnitName } from "../money/units";
import { AllocationError } from "./errors";
import { explainShare, krExact, kr as krWhole, unitPhrase, unitSingular, type ShareRounding } from "./explain";
import type { AllocationInput, AllocationResult, AllocationShare, RoundingMode } from "./types";
import { prepareInput, type PreparedLine } from "./validate";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const kr = (ore: bigint | Fraction) => (ore instanceof Fraction ? krExact(ore) : krWhole(ore));

interface Computed {
  line: PreparedLine;
  quota: Fraction;
  amount: bigint;
  rounding: ShareRounding;
  rank: number | null;
}

/**
 * Splits input.total over the lines, exactly, in bigint.
 *
 * - fixed lines keep their amount; percent lines get total × percent/100; weight or equal lines
 *   (equal = weight 1) share what is left, or input.pool when there is a remainder line, which
 *   then takes total − Σ(other lines).
 * - "largest-remainder" without a remainder line: every non-fixed quota is floored to the unit
 *   and the units left over go one each to the largest fractional remainders; ties go to the
 *   larger exact quota, then to the earlier line. The shares add up to the total exactly.
 * - "largest-remainder" with a remainder line: each other share is rounded to the nearest unit
 *   (an exact half up) on its own; the remainder line absorbs the difference.
 * - "nearest-largest" without a remainder line (the Government Offices' rule, seed 002's annex
 *   1): every non-fixed quota is rounded to the nearest unit (an exact half up) and the
 *   difference between the distributable amount and those rounded shares is taken from (or
 *   given to) the line with the largest exact quota; among equal largest quotas the earlier
 *   line. The shares add up to the total exactly. With a remainder line it rounds as
 *   "largest-remainder" does, since the remainder line already takes the difference.
 * - "up" | "down" | "nearest": each share is rounded on its own; result.total is the sum of the
 *   shares and result.difference what that adds to or takes from input.total.
 *
 * Throws AllocationError with a Swedish message naming the line for anything it cannot do exactly.
 */
export function allocate(input: AllocationInput): AllocationResult {
  const p = prepareInput(input);
  const { total, unit, lines } = p;

  const quotas = new Map<number, Fraction>();
  let fixedSum = 0n;
  let percentSum = Fraction.ZERO;
  for (const line of lines) {
    if (line.method === "fixed") {
      quotas.set(line.index, Fraction.of(line.amount));
      fixedSum += line.amount;
    } else if (line.percent) {
      const q = line.percent.mul(total);
      quotas.set(line.index, q);
      percentSum = percentSum.add(q);
    }
  }

  const shareBase = p.remainder ? Fraction.of(p.pool ?? 0n) : Fraction.of(total - fixedSum).sub(percentSum);
  if (!p.remainder && shareBase.sign() < 0) {
    throw new AllocationError(
      "overspend",
      `De fasta beloppen (${kr(fixedSum)}) och procentraderna (${kr(percentSum)}) tar tillsammans mer än totalbeloppet ${kr(total)}.`,
    );
  }
  const weightSum = p.shareLines.reduce((s, l) => s + l.weight, 0n);
  if (p.shareLines.length > 0) {
    for (const line of p.shareLines) quotas.set(line.index, shareBase.mul(line.weight).div(weightSum));
  } else if (!p.remainder && shareBase.sign() !== 0) {
    throw new AllocationError(
      "unallocated",
      `${kr(shareBase)} av totalbeloppet ${kr(total)} går inte till någon rad; lägg till en restrad, en rad med vikt eller lika delar, eller justera beloppen.`,
    );
  }

  const computed =
    p.rounding !== "largest-remainder" && p.rounding !== "nearest-largest"
      ? perShare(lines, quotas, unit, p.rounding)
      : p.remainder
        ? withRemainderLine(lines, quotas, unit, total, p.remainder)
        : p.rounding === "nearest-largest"
          ? nearestLargest(lines, quotas, unit, total - fixedSum)
          : largestRemainder(lines, quotas, unit, total - fixedSum);

  let sum = 0n;
  for (const c of computed) sum += c.amount;
  if (sum > MAX_SAFE) {
    throw new AllocationError("overflow", `Andelarna summerar till mer än vad som kan räknas exakt (${sum} öre).`);
  }

  const shares: AllocationShare[] = computed.map((c) => ({
    key: c.line.key,
    label: c.line.label,
    method: c.line.method,
    basis: c.line.basis,
    weight: c.line.method === "weight" ? Number(c.line.weight) : null,
    quota: c.quota.toText(),
    amount: Number(c.amount),
    roundingDifference: Fraction.of(c.amount).sub(c.quota).toText(),
    remainderRank: c.rank,
    explanation: explainShare({ line: c.line, quota: c.quota, amount: c.amount, unit, total, shareBase, weightSum, rounding: c.rounding }),
  }));

  return {
    total: Number(sum),
    inputTotal: Number(total),
    unit: Number(unit),
    rounding: p.rounding,
    shares,
    difference: Number(sum - total),
    tieBreak: tieBreakText(p.rounding, p.remainder !== null, unit),
  };
}

function fixedShare(line: PreparedLine): Computed {
  return { line, quota: Fraction.of(line.amount), amount: line.amount, rounding: { kind: "fixed" }, rank: null };
}

function quotaOf(quotas: Map<number, Fraction>, line: PreparedLine): Fraction {
  const q = quotas.get(line.index);
  // Every non-fixed, non-remainder line got a quota above; a miss is a programming error.
  if (!q) throw new Error(`Kvot saknas för ${line.name}`);
  return q;
}

function requireDivisible(flexible: PreparedLine[], unit: bigint, distributable: bigint): void {
  if (flexible.length > 0 && distributable % unit !== 0n) {
    throw new AllocationError(
      "not-divisible",
      `Beloppet att fördela, ${kr(distributable)}, går inte jämnt upp i avrundningsenheten ${formatUnitName(Number(unit))}; lägg till en restrad eller välj en mindre enhet.`,
    );
  }
}

/**
 * The line that takes the rounding difference: the largest exact quota, the earlier line among
 * equals, so the same input always charges the same recipient.
 */
function largestLine(flexible: PreparedLine[], quotas: Map<number, Fraction>): PreparedLine | null {
  let best: PreparedLine | null = null;
  for (const line of flexible) {
    if (best === null || quotaOf(quotas, line).compare(quotaOf(quotas, best)) > 0) best = line;
  }
  return best;
}

function nearestLargest(lines: PreparedLine[], quotas: Map<number, Fraction>, unit: bigint, distributable: bigint): Computed[] {
  const flexible = lines.filter((l) => l.method !== "fixed");
  requireDivisible(flexible, unit, distributable);
  const rounded = new Map<number, bigint>();
  let roundedSum = 0n;
  for (const line of flexible) {
    const r = quotaOf(quotas, line).roundHalfUpTo(unit);
    rounded.set(line.index, r);
    roundedSum += r;
  }
  const largest = largestLine(flexible, quotas);
  const adjustment = distributable - roundedSum;
  if (largest) {
    const amount = rounded.get(largest.index)! + adjustment;
    if (amount < 0n) {
      throw new AllocationError(
        "largest-negative",
        `${largest.name}: avrundningsdifferensen ${kr(adjustment)} är större än den största andelen, som då skulle bli negativ; välj största restbelopp eller en mindre avrundningsenhet.`,
        { index: largest.index, key: largest.key },
      );
    }
    rounded.set(largest.index, amount);
  }
  return lines.map((line) => {
    if (line.method === "fixed") return fixedShare(line);
    const nearest = quotaOf(quotas, line).roundHalfUpTo(unit);
    return {
      line,
      quota: quotaOf(quotas, line),
      amount: rounded.get(line.index)!,
      rounding: { kind: "nearest-largest", nearest, adjustment: line === largest ? adjustment : null },
      rank: null,
    };
  });
}

function largestRemainder(lines: PreparedLine[], quotas: Map<number, Fraction>, unit: bigint, distributable: bigint): Computed[] {
  const flexible = lines.filter((l) => l.method !== "fixed");
  requireDivisible(flexible, unit, distributable);
  const floors = new Map<number, { quota: Fraction; floor: bigint; rest: Fraction }>();
  let floorSum = 0n;
  for (const line of flexible) {
    const quota = quotaOf(quotas, line);
    const floor = quota.floorTo(unit);
    floors.set(line.index, { quota, floor, rest: quota.sub(floor) });
    floorSum += floor;
  }
  // Σ quotas = distributable, a multiple of unit, and each rest < unit, so this is a whole
  // number smaller than the count of lines with a positive rest.
  const extraUnits = Number((distributable - floorSum) / unit);
  const order = [...flexible].sort((a, b) => {
    const fa = floors.get(a.index)!;
    const fb = floors.get(b.index)!;
    return fb.rest.compare(fa.rest) || fb.quota.compare(fa.quota) || a.index - b.index;
  });
  const ranks = new Map<number, number>();
  order.slice(0, extraUnits).forEach((line, i) => ranks.set(line.index, i + 1));

  return lines.map((line) => {
    if (line.method === "fixed") return fixedShare(line);
    const f = floors.get(line.index)!;
    const rank = ranks.get(line.index) ?? null;
    return {
      line,
      quota: f.quota,
      amount: rank === null ? f.floor : f.floor + unit,
      rounding: { kind: "largest-remainder", floor: f.floor, rank },
      rank,
    };
  });
}

function withRemainderLine(
  lines: PreparedLine[],
  quotas: Map<number, Fraction>,
  unit: bigint,
  total: bigint,
  remainder: PreparedLine,
): Computed[] {
  const others: Computed[] = [];
  let othersSum = 0n;
  let othersQuota = Fraction.ZERO;
  for (const line of lines) {
    if (line === remainder) continue;
    const c =
      line.method === "fixed"
        ? fixedShare(line)
        : { line, quota: quotaOf(quotas, line), amount: quotaOf(quotas, line).roundHalfUpTo(unit), rounding: { kind: "nearest" } as const, rank: null };
    others.push(c);
    othersSum += c.amount;
    othersQuota = othersQuota.add(c.quota);
  }
  const rest = total - othersSum;
  if (rest < 0n) {
    throw new AllocationError(
      "overspend",
      `${remainder.name}: övriga rader summerar till ${kr(othersSum)}, ${kr(-rest)} mer än totalbeloppet ${kr(total)}, så restraden skulle bli negativ.`,
      { index: remainder.index, key: remainder.key },
    );
  }
  const rem: Computed = {
    line: remainder,
    quota: Fraction.of(total).sub(othersQuota),
    amount: rest,
    rounding: { kind: "remainder", othersSum },
    rank: null,
  };
  return lines.map((line) => (line === remainder ? rem : others.find((c) => c.line === line)!));
}

function perShare(lines: PreparedLine[], quotas: Map<number, Fraction>, unit: bigint, mode: "up" | "down" | "nearest"): Computed[] {
  return lines.map((line) => {
    if (line.method === "fixed") return fixedShare(line);
    const quota = quotaOf(quotas, line);
    const amount = mode === "up" ? quota.ceilTo(unit) : mode === "down" ? quota.floorTo(unit) : quota.roundHalfUpTo(unit);
    return { line, quota, amount, rounding: { kind: mode }, rank: null };
  });
}

/** The rounding and tie-break rule in Swedish, for the result and the decision text. */
export function tieBreakText(rounding: RoundingMode, hasRemainderLine: boolean, unit: bigint): string {
  const to = unitPhrase(unit);
  switch (rounding) {
    case "largest-remainder":
      return hasRemainderLine
        ? `Varje andel avrundas för sig till ${to} (exakt hälft uppåt); restraden tar det som blir kvar av totalbeloppet, så summan stämmer exakt.`
        : `Största restbelopp: varje andel avrundas först nedåt till ${to}; de enheter som blir över går en i taget till raderna med störst restbelopp. ` +
            "Vid lika restbelopp går enheten först till raden med störst exakt kvot och därefter till raden som står först i listan. Summan stämmer exakt.";
    case "nearest-largest":
      return hasRemainderLine
        ? `Varje andel avrundas för sig till ${to} (exakt hälft uppåt); restraden tar det som blir kvar av totalbeloppet, så summan stämmer exakt.`
        : `Varje andel avrundas till närmaste ${unitSingular(unit)} (exakt hälft uppåt); den avrundningsdifferens som då uppstår mot totalbeloppet dras från (eller läggs till) den största andelen. ` +
            "Vid lika stora största andelar tar raden som står först i listan differensen. Summan stämmer exakt.";
    case "up":
      return `Varje andel avrundas uppåt för sig till ${to}; summan följer andelarna och differensen mot totalbeloppet redovisas.`;
    case "down":
      return `Varje andel avrundas nedåt för sig till ${to}; summan följer andelarna och differensen mot totalbeloppet redovisas.`;
    case "nearest":
      return `Varje andel avrundas för sig till ${to}, åt närmaste håll (exakt hälft uppåt); summan följer andelarna och differensen mot totalbeloppet redovisas.`;
  }
}
