import type { Writable } from "node:stream";
import type { Db } from "../../db/connect";
import type { WriteResult } from "../../formats/sie";
import { exportBudgetSie } from "../../ledger/budget-export";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { recordExport } from "../exports/record-export";

/**
 * Writes an organisation's budget for a year as a SIE 4 file to `out`, logged. The audit row is
 * written once the whole file has been written, so a failed export leaves no row claiming one.
 */
export async function exportBudgetSieFile(db: Db, actor: Actor, input: { organisationId: number; year: number }, out: Writable): Promise<WriteResult & { budgets: number }> {
  requireRole(actor, input.organisationId, "reader");
  const written = await exportBudgetSie(db, input, out);
  await recordExport(db, actor, { entity: "ledger_budget_sie", organisationId: input.organisationId, after: { year: input.year, budgets: written.budgets } });
  return written;
}
