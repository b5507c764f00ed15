import type { AccountClass, AccountClassing } from "./account-class";

/** A sum per account as the ledger keeps it: outcome (ledger_totals) or budget counted once. */
export interface AccountSum {
  dimension: number;
  /** YYYYMM, or YYYY00 for a whole year. */
  period: number;
  /** The cost centre or project, "" for none. */
  object: string;
  account: string;
  amount: number;
}

export interface ClassSum {
  dimension: number;
  period: number;
  object: string;
  class: AccountClass;
  amount: number;
}

/**
 * The sums per account class that a report not by account reads (ledger_class_totals): the
 * accounts' sums added up per dimension, period, object and class. Balance accounts are left
 * out, as the report leaves them out.
 */
export function sumsByClass(sums: Iterable<AccountSum>, classify: (account: string) => AccountClassing): ClassSum[] {
  const classOf = new Map<string, AccountClass>();
  const out = new Map<string, ClassSum>();
  for (const s of sums) {
    let klass = classOf.get(s.account);
    if (klass === undefined) classOf.set(s.account, (klass = classify(s.account).class));
    if (klass === "balance") continue;
    const key = `${s.dimension}\u0000${s.period}\u0000${s.object}\u0000${klass}`;
    const sum = out.get(key);
    if (sum) sum.amount += s.amount;
    else out.set(key, { dimension: s.dimension, period: s.period, object: s.object, class: klass, amount: s.amount });
  }
  return [...out.values()];
}
