import type { Writable } from "node:stream";
import type { Ore } from "../../core/allocation/types";
import type { SieObjectRef } from "./records";
import { writeSie4, type SieWriteBalance, type SieWriteVoucher, type WriteResult } from "./write";

export interface GenerateOptions {
  seed: number;
  /** Number of #TRANS rows, at least 2. */
  transactions: number;
  accounts?: number;
  costCentres?: number;
  projects?: number;
  year?: number;
  ksumma?: boolean;
}

export interface GeneratedTotals extends WriteResult {
  vouchers: number;
  transactions: number;
  /** Sum of the positive #TRANS amounts. */
  debitTotal: Ore;
  /** Σ #TRANS per account. */
  accountTotals: Record<string, Ore>;
}

/** mulberry32: small, fast and the same on every platform, so a seed gives the same file. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["Lön", "Hyra", "Förbrukning", "Läkemedel", "Övrigt", "Städ", "Tjänster", "Resor", "Vård", "Måltider"];

interface Plan {
  balanceAccounts: string[];
  resultAccounts: string[];
  costCentres: string[];
  projects: string[];
}

function plan(o: Required<Omit<GenerateOptions, "ksumma">>): Plan {
  const nBalance = Math.max(2, Math.round(o.accounts / 3));
  const nResult = Math.max(2, o.accounts - nBalance);
  const spread = (from: number, to: number, n: number) =>
    Array.from({ length: n }, (_, i) => String(from + Math.floor((i * (to - from)) / n)));
  return {
    balanceAccounts: spread(1000, 2999, nBalance),
    resultAccounts: spread(3000, 8999, nResult),
    costCentres: Array.from({ length: o.costCentres }, (_, i) => String(10000 + i)),
    projects: Array.from({ length: o.projects }, (_, i) => `P${String(i + 1).padStart(4, "0")}`),
  };
}

/** The vouchers, drawn from the seed; calling it twice gives the same vouchers. */
function* vouchers(o: Required<Omit<GenerateOptions, "ksumma">>, p: Plan): Generator<SieWriteVoucher> {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const perVoucher = 5; // mean rows, to spread the dates over the year
  const expected = Math.max(1, Math.round(o.transactions / perVoucher));
  const days = o.year % 4 === 0 ? 366 : 365;
  let remaining = o.transactions;
  let number = 0;
  while (remaining > 0) {
    let n = Math.min(remaining, 2 + Math.floor(rnd() * 7));
    if (remaining - n === 1) n = n < 8 ? n + 1 : n - 1;
    remaining -= n;
    number++;
    const day = Math.min(days - 1, Math.floor(((number - 1) * days) / expected));
    const date = new Date(Date.UTC(o.year, 0, 1 + day)).toISOString().slice(0, 10);
    const rows: SieWriteVoucher["transactions"] = [];
    let sum = 0;
    for (let i = 0; i < n - 1; i++) {
      const result = rnd() < 0.7;
      const account = result ? pick(p.resultAccounts) : pick(p.balanceAccounts);
      const objects: SieObjectRef[] = [];
      if (result) objects.push({ dimension: 1, code: pick(p.costCentres) });
      if (result && rnd() < 0.3) objects.push({ dimension: 6, code: pick(p.projects) });
      const amount = (1 + Math.floor(rnd() * 5_000_000)) * (rnd() < 0.8 ? 1 : -1);
      sum += amount;
      rows.push({ kind: "TRANS", account, objects, amount });
    }
    // The last row balances the voucher; a zero sum is nudged so that every row carries money.
    if (sum === 0) {
      rows[0]!.amount += 100;
      sum += 100;
    }
    rows.push({ kind: "TRANS", account: pick(p.balanceAccounts), objects: [], amount: -sum, text: "Motkonto" });
    yield { series: "A", number: String(number), date, text: `${pick(WORDS)} ${number}`, transactions: rows };
  }
}

/**
 * Writes a reproducible SIE 4 file: the same options give the same bytes. Vouchers balance, and
 * #UB/#RES agree with #IB and the vouchers, so `checkBalances` finds nothing. Runs the random
 * sequence twice (sums first, then the vouchers) so that memory stays bounded for any size.
 */
export async function generateSieFile(out: Writable, options: GenerateOptions): Promise<GeneratedTotals> {
  if (!Number.isSafeInteger(options.transactions) || options.transactions < 2) {
    throw new RangeError("generateSieFile: transactions ska vara ett heltal ≥ 2");
  }
  const o = {
    seed: options.seed,
    transactions: options.transactions,
    accounts: options.accounts ?? 300,
    costCentres: options.costCentres ?? 500,
    projects: options.projects ?? 200,
    year: options.year ?? 2024,
  };
  const p = plan(o);
  const totals: Record<string, Ore> = {};
  let voucherCount = 0;
  let debitTotal = 0;
  for (const v of vouchers(o, p)) {
    voucherCount++;
    for (const t of v.transactions) {
      totals[t.account] = (totals[t.account] ?? 0) + t.amount;
      if (t.amount > 0) debitTotal += t.amount;
    }
  }
  const rnd = prng(o.seed ^ 0x5eed);
  const balances: SieWriteBalance[] = [];
  for (const account of p.balanceAccounts) {
    const ib = Math.floor(rnd() * 100_000_000) - 50_000_000;
    balances.push({ type: "IB", yearIndex: 0, account, amount: ib });
    balances.push({ type: "UB", yearIndex: 0, account, amount: ib + (totals[account] ?? 0) });
  }
  for (const account of p.resultAccounts) balances.push({ type: "RES", yearIndex: 0, account, amount: totals[account] ?? 0 });
  const result = await writeSie4(
    out,
    {
      program: { name: "Fördela testdatagenerator", version: "1" },
      generated: `${o.year + 1}-01-15`,
      company: { name: `Region Exempel (frö ${o.seed})`, orgNumber: "232100-0000" },
      years: [{ yearIndex: 0, start: `${o.year}-01-01`, end: `${o.year}-12-31` }],
      chartType: "EUBAS97",
      accounts: [
        ...p.balanceAccounts.map((a, i) => ({ account: a, name: `Balans ${WORDS[i % WORDS.length]} ${a}` })),
        ...p.resultAccounts.map((a, i) => ({ account: a, name: `${WORDS[i % WORDS.length]} ${a}` })),
      ],
      dimensions: [
        { dimension: 1, name: "Kostnadsställe" },
        { dimension: 6, name: "Projekt" },
      ],
      objects: (function* () {
        for (const c of p.costCentres) yield { dimension: 1, code: c, name: `Kostnadsställe ${c}` };
        for (const c of p.projects) yield { dimension: 6, code: c, name: `Projekt ${c} för vårdförbättring` };
      })(),
      balances,
      vouchers: vouchers(o, p),
    },
    { ksumma: options.ksumma ?? false },
  );
  return { ...result, vouchers: voucherCount, transactions: o.transactions, debitTotal, accountTotals: totals };
}
