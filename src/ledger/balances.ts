import type { Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import type { LedgerBalancesTable, LedgerPeriodAmountsTable } from "../db/schema-ledger";
import type { Copier } from "./rows";
import { storeRows } from "./store-rows";

/** An opening or closing balance (#IB, #UB, #RES, #OIB, #OUB), its objects as the file's JSON ("[]" without). */
export type BalanceRow = Omit<LedgerBalancesTable, "objects"> & { objects: string };

/** A #PSALDO or #PBUDGET line, likewise. */
export type PeriodAmount = Omit<LedgerPeriodAmountsTable, "objects"> & { objects: string };

/**
 * Stores balances, period balances and budgets of a file: the import's row writer sends them
 * with its batches (src/ledger/rows.ts). As INSERTs of a thousand rows the reference ledger's
 * 55 000 period amounts took 600 ms, by COPY a tenth of that.
 */
export async function storeBalances(db: Db | Transaction<Database>, copier: Copier | undefined, balances: readonly BalanceRow[], periodAmounts: readonly PeriodAmount[]): Promise<void> {
  await storeRows(db, copier, "ledger_balances", [["import_id", "int4"], ["kind", "text"], ["year_index", "int4"], ["account", "text"], ["cost_centre", "text"], ["project", "text"], ["objects", "jsonb"], ["amount_ore", "int8"]], balances);
  await storeRows(
    db,
    copier,
    "ledger_period_amounts",
    [["import_id", "int4"], ["kind", "text"], ["year_index", "int4"], ["period", "int4"], ["account", "text"], ["cost_centre", "text"], ["project", "text"], ["objects", "jsonb"], ["amount_ore", "int8"]],
    periodAmounts,
  );
}
