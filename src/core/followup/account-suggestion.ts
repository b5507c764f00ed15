import { ACCOUNT_CLASS_NAMES, compareAccounts, defaultAccountClass, type AccountClassOverride } from "./account-class";

// A first import should give right project accounts without the controller knowing which
// accounts to mark: the ledger's own chart (#KONTO names and #KTYP types) says which income is
// joint financing and which accounts outside BAS class 3 are income. Only a suggestion: the user
// accepts it, and an account the organisation has classed itself is never suggested again.

/** An account as the imported chart has it: number, #KONTO name and #KTYP type (T, S, K, I) if given. */
export interface ChartAccount {
  account: string;
  name: string;
  type?: string | null;
}

export type SuggestedTreatment = "jointFinancing" | "otherIncome";

export interface AccountSuggestionRow {
  account: string;
  name: string;
  treatment: SuggestedTreatment;
  /** Why, in Swedish: "namnet innehåller 'solidarisk finansiering'", "BAS-klass 3". */
  reason: string;
  /** The account is not counted this way today: accepting the suggestion changes it. */
  change: boolean;
}

export interface AccountSuggestion {
  rows: AccountSuggestionRow[];
  /** The account ranges accepting adds (one per changed account), to append to the organisation's own. */
  additions: AccountClassOverride[];
  /** Identifies what was suggested, so accepting refuses a suggestion that has changed since it was shown. */
  basis: string;
}

/** Names of money the members pay together for the cooperation's joint work. */
const JOINT_FINANCING: readonly [RegExp, string][] = [
  [/solidarisk\s+finansiering/i, "solidarisk finansiering"],
  [/samverkansmedel/i, "samverkansmedel"],
  [/medfinansiering/i, "medfinansiering"],
  [/gemensam(ma)?\s+finansiering/i, "gemensam finansiering"],
];

/** Names of income: grants, fees, revenue. */
const INCOME: readonly [RegExp, string][] = [
  [/bidrag/i, "bidrag"],
  [/intäkt/i, "intäkt"],
  [/avgift/i, "avgift"],
  [/anslag/i, "anslag"],
  [/ersättning/i, "ersättning"],
  [/försäljning/i, "försäljning"],
];

const match = (name: string, patterns: readonly [RegExp, string][]) => patterns.find(([re]) => re.test(name))?.[1];

/** One of the organisation's own ranges covers the account: the user has decided on it. */
const coveredByOwn = (account: string, own: readonly AccountClassOverride[]) => own.some((o) => compareAccounts(account, o.from) >= 0 && compareAccounts(account, o.to) <= 0);

/**
 * Which accounts of the chart count as joint financing and which as other income, by name and
 * class: a name of joint financing on an income account (BAS 3 or #KTYP I) suggests joint
 * financing; an income name or #KTYP I on an account BAS would count as a cost suggests income.
 * Balance accounts (BAS 1–2) are never suggested: "Förutbetalda samverkansmedel" is a debt.
 * Accounts inside one of the organisation's own ranges are left as the user set them.
 */
export function suggestAccountClasses(chart: readonly ChartAccount[], own: readonly AccountClassOverride[]): AccountSuggestion {
  const rows: AccountSuggestionRow[] = [];
  const sorted = [...chart].sort((a, b) => compareAccounts(a.account, b.account));
  for (const a of sorted) {
    if (coveredByOwn(a.account, own)) continue;
    const bas = defaultAccountClass(a.account);
    if (bas === "balance") continue;
    const typeIncome = a.type?.toUpperCase() === "I";
    const isIncome = bas === "income" || typeIncome;
    const joint = match(a.name, JOINT_FINANCING);
    if (joint && isIncome) {
      rows.push({ account: a.account, name: a.name, treatment: "jointFinancing", reason: `namnet innehåller ”${joint}”`, change: true });
      continue;
    }
    if (bas === "income") {
      rows.push({ account: a.account, name: a.name, treatment: "otherIncome", reason: "BAS-klass 3 (intäkter)", change: false });
      continue;
    }
    const income = match(a.name, INCOME);
    if (typeIncome || income) {
      const why = typeIncome ? "kontotypen i filen är I (intäkt)" : `namnet innehåller ”${income}”`;
      rows.push({ account: a.account, name: a.name, treatment: "otherIncome", reason: `${why}; BAS räknar kontot som ${ACCOUNT_CLASS_NAMES[bas].toLowerCase()}`, change: true });
    }
  }
  const additions: AccountClassOverride[] = rows
    .filter((r) => r.change)
    .map((r) => ({ from: r.account, to: r.account, class: "income", jointFinancing: r.treatment === "jointFinancing" }));
  const basis = additions.map((a) => `${a.from}:${a.jointFinancing ? "J" : "I"}`).join(",");
  return { rows, additions, basis };
}
