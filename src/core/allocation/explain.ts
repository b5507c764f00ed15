import { Fraction } from "../fraction";
import { formatExactAmount } from "../money/format";
import { formatUnitName, groupThousands } from "../money/units";
import type { PreparedLine } from "./validate";

/** How a share was rounded, for its explanation. */
export type ShareRounding =
  | { kind: "fixed" }
  | { kind: "remainder"; othersSum: bigint }
  | { kind: "largest-remainder"; floor: bigint; rank: number | null }
  /** nearest: the quota rounded to the nearest unit; adjustment: the difference this line took, null on the others. */
  | { kind: "nearest-largest"; nearest: bigint; adjustment: bigint | null }
  | { kind: "up" | "down" | "nearest" };

export interface ShareFacts {
  line: PreparedLine;
  quota: Fraction;
  amount: bigint;
  unit: bigint;
  total: bigint;
  /** What weight/equal lines share, in öre. */
  shareBase: Fraction;
  weightSum: bigint;
  rounding: ShareRounding;
}

/** A whole number of öre in kr, also beyond the safe range (sums in error messages can be). */
export function kr(ore: bigint): string {
  return formatExactAmount(Fraction.of(ore), "kr", { decimals: ore % 100n === 0n ? 0 : 2 }).text;
}

/** An exact öre amount in kr; "cirka" when two decimals cannot show it exactly. */
export function krExact(ore: Fraction): string {
  if (ore.isInteger()) return kr(ore.numerator);
  const { text, exact } = formatExactAmount(ore, "kr", { decimals: 2 });
  return exact ? text : `cirka ${text}`;
}

function signedKr(ore: Fraction): string {
  const text = krExact(ore.abs());
  return ore.sign() < 0 ? text.replace(/^(cirka )?/, "$1-") : `${text.replace(/^(cirka )?/, "$1+")}`;
}

/** "hela kronor", "hela tkr", "jämna 10 tkr": what the amount was rounded to. */
export function unitPhrase(unit: bigint): string {
  switch (unit) {
    case 1n:
      return "hela öre";
    case 100n:
      return "hela kronor";
    case 100_000n:
      return "hela tkr";
    case 100_000_000n:
      return "hela mkr";
    default:
      return `jämna ${formatUnitName(Number(unit))}`;
  }
}

/** "krona", "tkr", "10 tkr": one unit, after "närmaste". */
export function unitSingular(unit: bigint): string {
  switch (unit) {
    case 1n:
      return "öre";
    case 100n:
      return "krona";
    default:
      return formatUnitName(Number(unit));
  }
}

function origin(f: ShareFacts): string {
  const { line } = f;
  const basis = line.basis ? ` (${line.basis})` : "";
  switch (line.method) {
    case "weight":
      return `Andel ${groupThousands(line.weight.toString())}/${groupThousands(f.weightSum.toString())}${basis} av ${krExact(f.shareBase)}`;
    case "equal":
      return `Lika delar, 1/${f.weightSum} av ${krExact(f.shareBase)}`;
    case "percent":
      return `${line.percentText ?? line.percent?.mul(100n).toString()} % av totalbeloppet ${kr(f.total)}`;
    default:
      return "";
  }
}

/** A Swedish sentence a controller can check by hand: where the quota came from and how it was rounded. */
export function explainShare(f: ShareFacts): string {
  const r = f.rounding;
  if (r.kind === "fixed") return `Fast belopp: ${kr(f.amount)}.`;
  if (r.kind === "remainder") {
    return `Restrad: totalbeloppet ${kr(f.total)} minus övriga rader ${kr(r.othersSum)} = ${kr(f.amount)}.`;
  }
  const head = `${origin(f)}${f.line.basis && f.line.method !== "weight" ? ` (${f.line.basis})` : ""}: kvot ${krExact(f.quota)}`;
  const onUnit = f.quota.isInteger() && f.quota.numerator % f.unit === 0n;
  const to = unitPhrase(f.unit);
  const diff = Fraction.of(f.amount).sub(f.quota);
  if (r.kind === "nearest-largest" && r.adjustment !== null && r.adjustment !== 0n) {
    const rounded = onUnit ? `${head}, går jämnt upp i ${to}` : `${head}, avrundat till närmaste ${unitSingular(f.unit)}: ${kr(r.nearest)}`;
    const sign = r.adjustment < 0n ? `-${kr(-r.adjustment)}` : `+${kr(r.adjustment)}`;
    return `${rounded}; som största andel tar raden avrundningsdifferensen ${sign} så att summan stämmer: ${kr(f.amount)} (${signedKr(diff)} mot kvoten).`;
  }
  if (onUnit) return `${head}, går jämnt upp i ${to}.`;
  if (r.kind === "nearest-largest") {
    const note = r.adjustment === 0n ? "; största andelen, men avrundningen gav ingen differens att ta" : "";
    return `${head}, avrundat till närmaste ${unitSingular(f.unit)} (exakt hälft uppåt): ${kr(f.amount)} (${signedKr(diff)})${note}.`;
  }
  if (r.kind === "largest-remainder") {
    const down = `${head}, avrundat nedåt till ${to}: ${kr(r.floor)}`;
    if (r.rank === null) return `${down}; ingen extra enhet eftersom restbeloppet var för litet.`;
    return `${down}, +${formatUnitName(Number(f.unit))} som nr ${r.rank} i storleksordning av restbelopp: ${kr(f.amount)} (${signedKr(diff)} mot kvoten).`;
  }
  const direction = r.kind === "up" ? "uppåt " : r.kind === "down" ? "nedåt " : "";
  const rule = r.kind === "nearest" ? " (exakt hälft uppåt)" : "";
  return `${head}, avrundat ${direction}till ${to}${rule}: ${kr(f.amount)} (${signedKr(diff)}).`;
}
