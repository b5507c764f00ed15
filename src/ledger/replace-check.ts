import { sumToOre } from "../core/money";
import { sql, type Transaction } from "kysely";
import { accountClassifier, ACCOUNT_CLASS_NAMES, type AccountClass, type AccountClassOverride } from "../core/followup/account-class";
import { ConflictError } from "../core/errors";
import type { Database } from "../db/schema";

type Trx = Transaction<Database>;

/** One import's size and sums per account class, for the before/after of a replacement. */
export interface ImportFigures {
  importId: number;
  fileName: string;
  vouchers: number;
  transactions: number;
  /** Öre per account class over the year (dimension 0 totals, BAS 1–2 under "balance"). */
  classTotals: Record<AccountClass, number>;
}

export interface ReplaceComparison {
  year: number;
  before: ImportFigures;
  after: ImportFigures;
  /** Set when the new file has far fewer transactions than the one it would replace. */
  fewer: string | null;
}

/** Below this share of the current import's transactions a new file is called out as far smaller. */
const FEWER_SHARE = 0.5;

/**
 * An import would replace the year's current one, and nobody said yes: the import is rolled
 * back, and the comparison goes to the user, who sends the file again with consent (`--replace`
 * in the CLI, replace=true through the API; the page asks).
 */
export class ReplaceNeedsConsentError extends ConflictError {
  readonly comparison: ReplaceComparison;
  constructor(comparison: ReplaceComparison) {
    const { before, after } = comparison;
    super(
      `Importen skulle ersätta import ${before.importId} (${before.fileName}) för ${comparison.year}: ` +
        `${after.transactions} transaktioner i ${after.vouchers} verifikationer i stället för ${before.transactions} i ${before.vouchers}.` +
        (comparison.fewer ? ` ${comparison.fewer}` : "") +
        " Ingenting är ändrat; bekräfta ersättningen för att importera.",
      "replace_needs_consent",
    );
    this.comparison = comparison;
  }
}

async function figures(trx: Trx, importId: number, classify: (account: string) => { class: AccountClass }, counts?: { vouchers: number; transactions: number }): Promise<ImportFigures> {
  const head = await trx.selectFrom("ledger_imports").select(["file_name", "voucher_count", "transaction_count"]).where("id", "=", importId).executeTakeFirstOrThrow();
  const rows = await sql<{ account: string; amount: string }>`SELECT account, sum(amount_ore)::text AS amount FROM ledger_totals WHERE import_id = ${importId} AND dimension = 0 GROUP BY account`.execute(trx);
  const classTotals: Record<AccountClass, number> = { income: 0, staff: 0, other: 0, financial: 0, balance: 0 };
  for (const r of rows.rows) classTotals[classify(r.account).class] += sumToOre(r.amount);
  return { importId, fileName: head.file_name, vouchers: counts?.vouchers ?? head.voucher_count, transactions: counts?.transactions ?? head.transaction_count, classTotals };
}

/** The year's current import of this kind other than `newImportId`, if any. */
export async function currentImportOf(trx: Trx, organisationId: number, year: number, kind: "sie" | "csv", newImportId: number): Promise<number | undefined> {
  const row = await trx
    .selectFrom("ledger_imports")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("year", "=", year)
    .where("kind", "=", kind)
    .where("status", "=", "done")
    .where("id", "!=", newImportId)
    .orderBy("id", "desc")
    .forUpdate()
    .executeTakeFirst();
  return row?.id;
}

export async function compareImports(trx: Trx, year: number, previousId: number, newId: number, newCounts: { vouchers: number; transactions: number }, overrides: readonly AccountClassOverride[]): Promise<ReplaceComparison> {
  const classify = accountClassifier(overrides);
  const before = await figures(trx, previousId, classify);
  const after = await figures(trx, newId, classify, newCounts);
  const fewer =
    after.transactions < before.transactions * FEWER_SHARE
      ? `Den nya filen har långt färre transaktioner (${after.transactions} mot ${before.transactions}): kontrollera att den inte är avkortad.`
      : null;
  return { year, before, after, fewer };
}

/** The comparison as lines for a terminal: per class, before → after. */
export function comparisonLines(c: ReplaceComparison, kr: (ore: number) => string): string[] {
  const lines = [
    `Verifikationer: ${c.before.vouchers} → ${c.after.vouchers}`,
    `Transaktioner: ${c.before.transactions} → ${c.after.transactions}`,
  ];
  for (const cls of Object.keys(ACCOUNT_CLASS_NAMES) as AccountClass[]) {
    const b = c.before.classTotals[cls];
    const a = c.after.classTotals[cls];
    if (a !== 0 || b !== 0) lines.push(`${ACCOUNT_CLASS_NAMES[cls]}: ${kr(b)} → ${kr(a)}`);
  }
  if (c.fewer) lines.push(c.fewer);
  return lines;
}
