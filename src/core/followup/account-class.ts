/** How the follow-up reports group accounts. "balance" accounts (BAS 1–2) are not in the result. */
export type AccountClass = "income" | "staff" | "other" | "financial" | "balance";

export const ACCOUNT_CLASSES: readonly AccountClass[] = ["income", "staff", "other", "financial"];

export const ACCOUNT_CLASS_NAMES: Record<AccountClass, string> = {
  income: "Intäkter",
  staff: "Personal",
  other: "Övriga verksamhetskostnader",
  financial: "Finansiella poster",
  balance: "Balanskonton",
};

/** An organisation's own classing of an account range (inclusive, compared as account numbers). */
export interface AccountClassOverride {
  from: string;
  to: string;
  class: AccountClass;
  /** Income here counts as joint financing (solidarisk finansiering) in project accounts. */
  jointFinancing?: boolean;
}

export interface AccountClassing {
  class: AccountClass;
  jointFinancing: boolean;
}

/**
 * The BAS default: 1–2 balance, 3 income, 70–76 staff, 4–6 and 77–79 other operating costs,
 * 8 financial items. Accounts that are not four-digit BAS numbers count as other costs, so a
 * foreign chart still adds up in the report.
 */
export function defaultAccountClass(account: string): AccountClass {
  const first = account.charAt(0);
  if (first === "1" || first === "2") return "balance";
  if (first === "3") return "income";
  if (first === "7") return Number(account.charAt(1)) <= 6 ? "staff" : "other";
  if (first === "8") return "financial";
  return "other";
}

/** Accounts compare as numbers when both are digits ("999" < "1000"), else as text. */
export function compareAccounts(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The narrowest override that covers the account wins; without one, the BAS default. */
export function classifyAccount(account: string, overrides: readonly AccountClassOverride[] = []): AccountClassing {
  let best: AccountClassOverride | undefined;
  for (const o of overrides) {
    if (compareAccounts(account, o.from) < 0 || compareAccounts(account, o.to) > 0) continue;
    if (!best || compareAccounts(o.from, best.from) >= 0) best = o;
  }
  if (best) return { class: best.class, jointFinancing: best.jointFinancing ?? false };
  return { class: defaultAccountClass(account), jointFinancing: false };
}

/** Classes many accounts, memoised: reports class the same few hundred accounts many times. */
export function accountClassifier(overrides: readonly AccountClassOverride[] = []): (account: string) => AccountClassing {
  const memo = new Map<string, AccountClassing>();
  return (account) => {
    let c = memo.get(account);
    if (!c) memo.set(account, (c = classifyAccount(account, overrides)));
    return c;
  };
}
