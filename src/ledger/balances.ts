import type { Transaction } from "kysely";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import type { PeriodAmountRow } from "./budget-check";
import { BinaryCopy } from "./copy-binary";
import type { Copier } from "./rows";

/** An opening or closing balance (#IB, #UB, #RES, #OIB, #OUB) on its way to ledger_balances. */
export interface BalanceRow {
  import_id: number;
  kind: "IB" | "UB" | "RES" | "OIB" | "OUB";
  year_index: number;
  account: string;
  cost_centre: string | null;
  project: string | null;
  /** The file's object list as JSON ("[]" without objects). */
  objects: string;
  amount_ore: number;
}

/** A #PSALDO or #PBUDGET line on its way to ledger_period_amounts. */
export interface PeriodAmount extends PeriodAmountRow {
  kind: "PSALDO" | "PBUDGET";
  import_id: number;
  year_index: number;
  objects: string;
}

/**
 * Rows per statement. By COPY a chunk is about what one batch of ledger rows holds the embedded
 * session for; by INSERT (no copier) it stays within the driver's limit of parameters.
 */
const COPY_CHUNK = 20_000;
const INSERT_CHUNK = 1000;

/**
 * Stores balances, period balances and budgets of a file, a chunk per statement: by COPY when
 * there is a copier (the import's row writer sends them with its batches, src/ledger/rows.ts).
 * As INSERTs of a thousand rows the reference ledger's 55 000 period amounts took 600 ms.
 */
export async function storeBalances(db: Db | Transaction<Database>, copier: Copier | undefined, balances: readonly BalanceRow[], periodAmounts: readonly PeriodAmount[]): Promise<void> {
  if (!copier) {
    for (let i = 0; i < balances.length; i += INSERT_CHUNK) {
      await db.insertInto("ledger_balances").values(balances.slice(i, i + INSERT_CHUNK)).execute();
    }
    for (let i = 0; i < periodAmounts.length; i += INSERT_CHUNK) {
      await db.insertInto("ledger_period_amounts").values(periodAmounts.slice(i, i + INSERT_CHUNK)).execute();
    }
    return;
  }
  for (let i = 0; i < balances.length; i += COPY_CHUNK) {
    const out = new BinaryCopy();
    for (const b of balances.slice(i, i + COPY_CHUNK)) {
      out.tuple(8);
      out.int4(b.import_id);
      out.text(b.kind);
      out.int4(b.year_index);
      out.text(b.account);
      out.text(b.cost_centre);
      out.text(b.project);
      out.jsonb(b.objects);
      out.int8(b.amount_ore);
    }
    await copier.copy("ledger_balances (import_id, kind, year_index, account, cost_centre, project, objects, amount_ore)", out.finish());
  }
  for (let i = 0; i < periodAmounts.length; i += COPY_CHUNK) {
    const out = new BinaryCopy();
    for (const p of periodAmounts.slice(i, i + COPY_CHUNK)) {
      out.tuple(9);
      out.int4(p.import_id);
      out.text(p.kind);
      out.int4(p.year_index);
      out.int4(p.period);
      out.text(p.account);
      out.text(p.cost_centre);
      out.text(p.project);
      out.jsonb(p.objects);
      out.int8(p.amount_ore);
    }
    await copier.copy("ledger_period_amounts (import_id, kind, year_index, period, account, cost_centre, project, objects, amount_ore)", out.finish());
  }
}
