import type { Ore } from "../../core/allocation/types";
import type { SieRecord } from "./records";
import { formatKronor } from "./values";

/** An account whose stated closing balance or result is not what its transactions give. */
export interface BalanceDisagreement {
  account: string;
  /** Which stated figure disagrees: #UB (balance account) or #RES (result account). */
  kind: "UB" | "RES";
  /** What #IB (year 0) + the year's #TRANS give (for #RES: the #TRANS alone). */
  expected: Ore;
  /** What the file states; 0 when the account has no such record (the standard's reading). */
  actual: Ore;
  /** actual − expected. */
  difference: Ore;
  /** Line of the stated #UB/#RES, when there is one. */
  line?: number;
  message: string;
}

/**
 * Compares, per account, #IB + Σ #TRANS with #UB (balance accounts) and Σ #TRANS with #RES
 * (result accounts) for year 0. Feed it every record; it keeps only per-account sums, so it works
 * on a file of any length. Vouchers dated outside #RAR 0 (when given) are not counted. Balance
 * accounts are only checked when the file has #UB records at all, result accounts only when it
 * has #RES records: an import file (4I) states neither. An account's kind comes from #KTYP, else
 * from which records it has, else from the BAS class (1–2 balance, 3–8 result).
 */
export class BalanceCheck {
  private readonly ib = new Map<string, Ore>();
  private readonly ub = new Map<string, { amount: Ore; line: number }>();
  private readonly res = new Map<string, { amount: Ore; line: number }>();
  private readonly types = new Map<string, string>();
  private readonly sums = new Map<string, Ore>();
  private year: { start: string; end: string } | null = null;
  private outside = 0;

  add(record: SieRecord): void {
    switch (record.type) {
      case "RAR":
        if (record.yearIndex === 0) this.year = { start: record.start, end: record.end };
        break;
      case "KTYP":
        this.types.set(record.account, record.accountType);
        break;
      case "IB":
        if (record.yearIndex === 0) this.ib.set(record.account, (this.ib.get(record.account) ?? 0) + record.amount);
        break;
      case "UB":
        if (record.yearIndex === 0) this.ub.set(record.account, { amount: record.amount, line: record.line });
        break;
      case "RES":
        if (record.yearIndex === 0) this.res.set(record.account, { amount: record.amount, line: record.line });
        break;
      case "VER":
        if (this.year && (record.date < this.year.start || record.date > this.year.end)) {
          this.outside++;
          break;
        }
        for (const t of record.transactions) {
          if (t.kind === "TRANS") this.sums.set(t.account, (this.sums.get(t.account) ?? 0) + t.amount);
        }
        break;
      default:
        break;
    }
  }

  /** Vouchers left out because their date falls outside #RAR 0. */
  get vouchersOutsideYear(): number {
    return this.outside;
  }

  finish(): BalanceDisagreement[] {
    const checkUb = this.ub.size > 0;
    const checkRes = this.res.size > 0;
    const accounts = new Set([...this.ib.keys(), ...this.ub.keys(), ...this.res.keys(), ...this.sums.keys()]);
    const out: BalanceDisagreement[] = [];
    for (const account of [...accounts].sort()) {
      const kind = this.kindOf(account);
      const sum = this.sums.get(account) ?? 0;
      if (kind === "UB" && checkUb) {
        const stated = this.ub.get(account);
        const expected = (this.ib.get(account) ?? 0) + sum;
        const actual = stated?.amount ?? 0;
        if (expected !== actual) out.push(disagreement(account, "UB", expected, actual, stated?.line));
      } else if (kind === "RES" && checkRes) {
        const stated = this.res.get(account);
        const actual = stated?.amount ?? 0;
        if (sum !== actual) out.push(disagreement(account, "RES", sum, actual, stated?.line));
      }
    }
    return out;
  }

  private kindOf(account: string): "UB" | "RES" {
    const t = this.types.get(account);
    if (t === "T" || t === "S") return "UB";
    if (t === "K" || t === "I") return "RES";
    if (this.ub.has(account) || this.ib.has(account)) return "UB";
    if (this.res.has(account)) return "RES";
    return account.startsWith("1") || account.startsWith("2") ? "UB" : "RES";
  }
}

function disagreement(account: string, kind: "UB" | "RES", expected: Ore, actual: Ore, line: number | undefined): BalanceDisagreement {
  const what =
    kind === "UB"
      ? `#IB + verifikationerna ger ${formatKronor(expected)}, men #UB anger ${formatKronor(actual)}`
      : `verifikationerna ger ${formatKronor(expected)}, men #RES anger ${formatKronor(actual)}`;
  return {
    account,
    kind,
    expected,
    actual,
    difference: actual - expected,
    ...(line === undefined ? {} : { line }),
    message: `Konto ${account}: ${what} (skillnad ${formatKronor(actual - expected)})`,
  };
}
