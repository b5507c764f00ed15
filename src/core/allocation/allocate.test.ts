import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Fraction } from "../fraction";
import { parseAmount } from "../money";
import { AllocationError, allocate, type AllocationInput, type AllocationLineInput } from "./index";

const S = "\u00a0";

function reasonOf(input: AllocationInput): string | undefined {
  try {
    allocate(input);
  } catch (e) {
    if (e instanceof AllocationError) return e.reason;
    throw e;
  }
  return undefined;
}

function messageOf(input: AllocationInput): string {
  try {
    allocate(input);
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}

const equalLines = (labels: string[]): AllocationLineInput[] =>
  labels.map((label, i) => ({ key: `r${i + 1}`, label, method: "equal" }));

function countyPopulations(): { code: string; name: string; population: number }[] {
  const url = new URL("../../../data/reference/population-2023-12-31-partial.csv", import.meta.url);
  const rows = readFileSync(url, "utf8").trim().split("\n").slice(1);
  return rows
    .map((row) => row.split(","))
    .filter((cols) => cols[2] === "lan")
    .map(([code, name, , population]) => ({ code: code!, name: name!, population: Number(population) }));
}

describe("allocate: the seeds", () => {
  it("seed 000: 11 462,5 tkr equally over 7 regions, rounded up to 10 tkr, gives 1 640 tkr each", () => {
    const total = parseAmount("11 462,5 tkr");
    const result = allocate({
      total,
      unit: parseAmount("10 tkr"),
      rounding: "up",
      lines: equalLines(["Region Jönköpings län", "Region Kalmar län", "Region Östergötland", "Region Kronoberg", "Region Blekinge", "Region Halland", "Region Gotland"]),
    });
    expect(result.shares.map((s) => s.amount)).toEqual(Array(7).fill(164_000_000));
    expect(result.total).toBe(parseAmount("11 480 tkr"));
    expect(result.inputTotal).toBe(total);
    expect(result.difference).toBe(parseAmount("17 500 kr"));
    const first = result.shares[0]!;
    expect(Fraction.fromText(first.quota).equals(163_750_000)).toBe(true);
    expect(first.roundingDifference).toEqual({ numerator: "250000", denominator: "1" });
    expect(first.remainderRank).toBeNull();
    expect(first.explanation).toBe(
      `Lika delar, 1/7 av 11${S}462${S}500${S}kr: kvot 1${S}637${S}500${S}kr, avrundat uppåt till jämna 10${S}tkr: 1${S}640${S}000${S}kr (+2${S}500${S}kr).`,
    );
    expect(result.tieBreak).toMatch(/uppåt/);
  });

  it("seed 003: fixed lines and a remainder line take 5 039 944 kr to the krona", () => {
    const result = allocate({
      total: parseAmount("5 039 944 kr"),
      unit: 100,
      rounding: "largest-remainder",
      lines: [
        { key: "bup", label: "Öronmärkta medel för Barn och ungdomspsykiatrin", method: "fixed", amount: parseAmount("973 541") },
        { key: "hospa", label: "Tillgänglighetssamordnare, HOSPA", method: "fixed", amount: parseAmount("900 000") },
        { key: "ovr", label: "Övriga kostnader", method: "fixed", amount: parseAmount("250 000") },
        { key: "lots", label: "Central vårdlots", method: "fixed", amount: parseAmount("1 500 000") },
        { key: "rest", label: "Övriga strategiska tillgänglighetssatsningar", method: "remainder" },
      ],
    });
    expect(result.shares.map((s) => s.amount / 100)).toEqual([973_541, 900_000, 250_000, 1_500_000, 1_416_403]);
    expect(result.total).toBe(503_994_400);
    expect(result.difference).toBe(0);
    expect(result.shares[4]!.explanation).toBe(
      `Restrad: totalbeloppet 5${S}039${S}944${S}kr minus övriga rader 3${S}623${S}541${S}kr = 1${S}416${S}403${S}kr.`,
    );
    expect(result.shares[0]!.explanation).toBe(`Fast belopp: 973${S}541${S}kr.`);
  });

  it("seed 002: 60 000 000 kr equally over the six cooperation regions", () => {
    const result = allocate({
      total: parseAmount("60 000 000 kronor"),
      unit: 100,
      rounding: "largest-remainder",
      lines: equalLines(["Norra", "Sydöstra", "Stockholm-Gotland", "Västra", "Uppsala-Örebro", "Södra"]),
    });
    expect(result.shares.map((s) => s.amount)).toEqual(Array(6).fill(1_000_000_000));
    expect(result.shares.every((s) => s.remainderRank === null)).toBe(true);
    expect(result.shares[0]!.explanation).toMatch(/går jämnt upp i hela kronor/);
  });

  it("seed 002: 62 500 000 kr by county population sums exactly, each share within 1 kr of its quota", () => {
    const counties = countyPopulations();
    expect(counties).toHaveLength(21);
    const total = parseAmount("62 500 000 kr");
    const result = allocate({
      total,
      unit: 100,
      rounding: "largest-remainder",
      lines: counties.map((c) => ({ key: c.code, label: c.name, method: "weight", weight: c.population, basis: "Folkmängd 2023-12-31 (SCB)" })),
    });
    expect(result.shares.reduce((s, x) => s + x.amount, 0)).toBe(total);
    expect(result.total).toBe(total);
    expect(result.difference).toBe(0);
    const weightSum = counties.reduce((s, c) => s + c.population, 0);
    result.shares.forEach((share, i) => {
      const quota = Fraction.of(BigInt(total) * BigInt(counties[i]!.population), BigInt(weightSum));
      expect(Fraction.fromText(share.quota).equals(quota)).toBe(true);
      const diff = Fraction.of(share.amount).sub(quota);
      expect(diff.abs().compare(100)).toBeLessThan(0);
      expect(share.amount % 100).toBe(0);
    });
    const ranked = result.shares.filter((s) => s.remainderRank !== null).map((s) => s.remainderRank).sort((a, b) => a! - b!);
    expect(ranked).toEqual(ranked.map((_, i) => i + 1));
    const gotland = result.shares.find((s) => s.key === "09")!;
    expect(gotland.explanation).toMatch(new RegExp(`^Andel 61${S}029/10${S}551${S}707 \\(Folkmängd 2023-12-31 \\(SCB\\)\\) av 62${S}500${S}000${S}kr: kvot cirka `));
  });

  it("seed 004: nine fixed lines add up to exactly 190 mkr", () => {
    const amounts = [81, 19, 20, 3, 6, 7, 50, 3, 1].map((m) => parseAmount(`${m} mkr`));
    const result = allocate({
      total: parseAmount("190 mkr"),
      unit: 100,
      rounding: "largest-remainder",
      lines: amounts.map((amount, i) => ({ key: `l${i}`, label: `Rad ${i}`, method: "fixed", amount })),
    });
    expect(result.shares.map((s) => s.amount)).toEqual(amounts);
  });
});

describe("allocate: largest remainder", () => {
  it("gives leftover units to the largest remainders, ties to the larger quota then the earlier line", () => {
    // 100 kr over weights 1,1,1 → 33,33… each; one krona left, goes to the first line.
    const r = allocate({
      total: 10_000,
      unit: 100,
      rounding: "largest-remainder",
      lines: [1, 1, 1].map((w, i) => ({ key: `k${i}`, label: `L${i}`, method: "weight", weight: w })),
    });
    expect(r.shares.map((s) => s.amount)).toEqual([3_400, 3_300, 3_300]);
    expect(r.shares.map((s) => s.remainderRank)).toEqual([1, null, null]);
    expect(r.tieBreak).toMatch(/störst exakt kvot.*först i listan/);
    expect(r.shares[0]!.explanation).toMatch(/\+1\u00a0kr som nr 1 i storleksordning av restbelopp: 34\u00a0kr/);
    expect(r.shares[1]!.explanation).toMatch(/ingen extra enhet/);

    // Equal remainders (0,5 kr) but different quotas: the larger quota wins over order.
    const t = allocate({
      total: 400,
      unit: 100,
      rounding: "largest-remainder",
      lines: [
        { key: "a", label: "A", method: "weight", weight: 1 },
        { key: "b", label: "B", method: "weight", weight: 3 },
        { key: "c", label: "C", method: "weight", weight: 4 },
      ],
    });
    // quotas 0,5 / 1,5 / 2 kr: floors 0/1/2, one krona left, remainders 0,5 and 0,5 → B (larger quota).
    expect(t.shares.map((s) => s.amount)).toEqual([0, 200, 200]);
    expect(t.shares.map((s) => s.remainderRank)).toEqual([null, 1, null]);
  });

  it("mixes fixed, percent and weight lines", () => {
    const r = allocate({
      total: parseAmount("1 000 000 kr"),
      unit: 100,
      rounding: "largest-remainder",
      lines: [
        { key: "f", label: "Fast", method: "fixed", amount: parseAmount("100 000 kr") },
        { key: "p", label: "Procent", method: "percent", percent: "2,5 %" },
        { key: "a", label: "A", method: "weight", weight: 2 },
        { key: "b", label: "B", method: "weight", weight: 1 },
      ],
    });
    // 1 000 000 − 100 000 − 25 000 = 875 000 shared 2:1 → 583 333,33 and 291 666,67.
    expect(r.shares.map((s) => s.amount / 100)).toEqual([100_000, 25_000, 583_333, 291_667]);
    expect(r.shares[1]!.explanation).toBe(`2,5 % av totalbeloppet 1${S}000${S}000${S}kr: kvot 25${S}000${S}kr, går jämnt upp i hela kronor.`);
  });

  it("refuses a total that the unit cannot reach", () => {
    const input: AllocationInput = {
      total: parseAmount("62 500 001 kr"),
      unit: parseAmount("1 tkr"),
      rounding: "largest-remainder",
      lines: equalLines(["A", "B"]),
    };
    expect(reasonOf(input)).toBe("not-divisible");
    expect(messageOf(input)).toBe(
      `Beloppet att fördela, 62${S}500${S}001${S}kr, går inte jämnt upp i avrundningsenheten 1${S}tkr; lägg till en restrad eller välj en mindre enhet.`,
    );
  });

  it("refuses money that no line receives", () => {
    expect(
      reasonOf({ total: 10_000, unit: 100, rounding: "largest-remainder", lines: [{ key: "a", label: "A", method: "fixed", amount: 5_000 }] }),
    ).toBe("unallocated");
  });
});

describe("allocate: remainder line with a pool", () => {
  it("rounds the pool's shares to the nearest unit and lets the remainder take the rest", () => {
    const r = allocate({
      total: parseAmount("1 000 tkr"),
      unit: parseAmount("1 tkr"),
      rounding: "largest-remainder",
      pool: parseAmount("100 tkr"),
      lines: [
        { key: "a", label: "A", method: "equal" },
        { key: "b", label: "B", method: "equal" },
        { key: "c", label: "C", method: "equal" },
        { key: "p", label: "P", method: "percent", percent: "10" },
        { key: "r", label: "Rest", method: "remainder" },
      ],
    });
    expect(r.shares.map((s) => s.amount / 100_000)).toEqual([33, 33, 33, 100, 801]);
    expect(r.total).toBe(parseAmount("1 000 tkr"));
    const rest = r.shares[4]!;
    // The remainder's exact quota is total − Σ other quotas; its rounding difference balances the others'.
    expect(Fraction.fromText(rest.roundingDifference).equals(Fraction.of(100_000))).toBe(true);
    expect(r.tieBreak).toMatch(/restraden tar det som blir kvar/);
  });

  it("names the overspend when the remainder would be negative", () => {
    const input: AllocationInput = {
      total: parseAmount("1 000 kr"),
      unit: 100,
      rounding: "largest-remainder",
      lines: [
        { key: "a", label: "A", method: "fixed", amount: parseAmount("600 kr") },
        { key: "b", label: "B", method: "percent", percent: "50" },
        { key: "r", label: "Restpost", method: "remainder" },
      ],
    };
    expect(reasonOf(input)).toBe("overspend");
    expect(messageOf(input)).toBe(
      `Rad 3 (Restpost): övriga rader summerar till 1${S}100${S}kr, 100${S}kr mer än totalbeloppet 1${S}000${S}kr, så restraden skulle bli negativ.`,
    );
  });

  it("needs a pool for weight lines beside a remainder line, and only then", () => {
    const lines: AllocationLineInput[] = [
      { key: "a", label: "A", method: "weight", weight: 1 },
      { key: "r", label: "R", method: "remainder" },
    ];
    expect(reasonOf({ total: 1_000, unit: 100, rounding: "largest-remainder", lines })).toBe("pool-missing");
    expect(reasonOf({ total: 1_000, unit: 100, rounding: "largest-remainder", pool: 500, lines: equalLines(["A", "B"]) })).toBe("pool-unused");
  });
});

describe("allocate: per-share rounding", () => {
  const lines = [1, 2, 4].map((w, i) => ({ key: `k${i}`, label: `L${i}`, method: "weight" as const, weight: w }));

  it.each([
    ["down", [14_200, 28_500, 57_100], -200],
    ["up", [14_300, 28_600, 57_200], 100],
    ["nearest", [14_300, 28_600, 57_100], 0],
  ] as const)("rounds each share %s", (rounding, amounts, difference) => {
    // 1 000 kr over 1:2:4 → 142,857… / 285,714… / 571,428… kr.
    const r = allocate({ total: 100_000, unit: 100, rounding, lines });
    expect(r.shares.map((s) => s.amount)).toEqual(amounts);
    expect(r.difference).toBe(difference);
    expect(r.total).toBe(100_000 + difference);
  });

  it("refuses a rounded-up total beyond the safe range instead of returning a wrong number", () => {
    const input: AllocationInput = { total: Number.MAX_SAFE_INTEGER - 1, unit: 1_000_000, rounding: "up", lines: equalLines(["A", "B"]) };
    expect(reasonOf(input)).toBe("overflow");
  });

  it("refuses a remainder line", () => {
    const input: AllocationInput = { total: 1_000, unit: 100, rounding: "up", lines: [...lines, { key: "r", label: "Rest", method: "remainder" }] };
    expect(reasonOf(input)).toBe("remainder-in-per-share");
    expect(messageOf(input)).toMatch(/^Rad 4 \(Rest\): en restrad går inte ihop med avrundning per andel \(uppåt\)/);
  });
});

describe("allocate: validation", () => {
  const base = (lines: AllocationLineInput[], extra: Partial<AllocationInput> = {}): AllocationInput => ({
    total: 100_000,
    unit: 100,
    rounding: "largest-remainder",
    lines,
    ...extra,
  });
  const w = (key: string, label: string, weight: number): AllocationLineInput => ({ key, label, method: "weight", weight });

  it("names the line in Swedish", () => {
    const input = base([w("01", "Region Stockholm", 1), w("03", "Region Uppsala", 2), w("09", "Region Gotland", -1)]);
    expect(reasonOf(input)).toBe("negative-weight");
    expect(messageOf(input)).toBe("Rad 3 (Region Gotland): vikten får inte vara negativ.");
    const err = (() => {
      try {
        allocate(input);
      } catch (e) {
        return e as AllocationError;
      }
    })();
    expect(err?.lineIndex).toBe(2);
    expect(err?.lineKey).toBe("09");
  });

  it.each([
    ["no lines", base([]), "no-lines"],
    ["negative fixed amount", base([{ key: "a", label: "A", method: "fixed", amount: -1 }]), "negative-amount"],
    ["fractional fixed amount", base([{ key: "a", label: "A", method: "fixed", amount: 1.5 }]), "invalid-amount"],
    ["all weights zero", base([w("a", "A", 0), w("b", "B", 0)]), "all-weights-zero"],
    ["unit zero", base([w("a", "A", 1)], { unit: 0 }), "invalid-unit"],
    ["negative unit", base([w("a", "A", 1)], { unit: -100 }), "invalid-unit"],
    ["unsafe total", base([w("a", "A", 1)], { total: 2 ** 53 }), "invalid-total"],
    ["negative total", base([w("a", "A", 1)], { total: -100 }), "invalid-total"],
    ["unsafe weight", base([w("a", "A", 2 ** 60)]), "invalid-weight"],
    ["fractional weight", base([w("a", "A", 0.5)]), "invalid-weight"],
    ["missing weight", base([{ key: "a", label: "A", method: "weight" }]), "missing-value"],
    ["bad percent", base([{ key: "a", label: "A", method: "percent", percent: "tio" }, w("b", "B", 1)]), "invalid-percent"],
    ["negative percent", base([{ key: "a", label: "A", method: "percent", percent: "-5" }, w("b", "B", 1)]), "negative-percent"],
    [
      "percent sum over 100",
      base([
        { key: "a", label: "A", method: "percent", percent: "60" },
        { key: "b", label: "B", method: "percent", percent: "40,5" },
      ]),
      "percent-sum",
    ],
    [
      "fixed beyond total",
      base([
        { key: "a", label: "A", method: "fixed", amount: 60_000 },
        { key: "b", label: "B", method: "fixed", amount: 50_000 },
      ]),
      "fixed-exceeds-total",
    ],
    [
      "fixed amounts whose sum is beyond the safe range",
      base([
        { key: "a", label: "A", method: "fixed", amount: Number.MAX_SAFE_INTEGER },
        { key: "b", label: "B", method: "fixed", amount: Number.MAX_SAFE_INTEGER },
      ]),
      "fixed-exceeds-total",
    ],
    ["duplicate keys", base([w("a", "A", 1), w("a", "B", 1)]), "duplicate-key"],
    ["two remainders", base([{ key: "a", label: "A", method: "remainder" }, { key: "b", label: "B", method: "remainder" }]), "multiple-remainders"],
    ["weight and equal mixed", base([w("a", "A", 1), { key: "b", label: "B", method: "equal" }]), "mixed-weight-equal"],
    [
      "fixed plus percent beyond total",
      base([
        { key: "a", label: "A", method: "fixed", amount: 60_000 },
        { key: "b", label: "B", method: "percent", percent: "50" },
        w("c", "C", 1),
      ]),
      "overspend",
    ],
  ])("refuses %s", (_name, input, reason) => {
    expect(reasonOf(input)).toBe(reason);
  });

  it("writes the percent sum and the overspend in the message", () => {
    expect(messageOf(base([{ key: "a", label: "A", method: "percent", percent: "60" }, { key: "b", label: "B", method: "percent", percent: "40,5" }]))).toBe(
      "Procentraderna summerar till 100,5 %, mer än 100 %.",
    );
    expect(messageOf(base([w("a", "Region A", 1), w("a", "Region B", 1)]))).toBe('Rad 2 (Region B): nyckeln "a" används redan av rad 1 (Region A).');
    expect(
      messageOf(
        base([
          { key: "a", label: "A", method: "fixed", amount: 60_000 },
          { key: "b", label: "B", method: "fixed", amount: 50_000 },
        ]),
      ),
    ).toBe(`De fasta beloppen summerar till 1${S}100${S}kr, 100${S}kr mer än totalbeloppet 1${S}000${S}kr.`);
  });

  it("allows a zero weight among others and gives it nothing", () => {
    const r = allocate(base([w("a", "A", 0), w("b", "B", 3)]));
    expect(r.shares.map((s) => s.amount)).toEqual([0, 100_000]);
  });
});
