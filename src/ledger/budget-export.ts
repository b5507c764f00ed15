import type { Writable } from "node:stream";
import type { Db } from "../db/connect";
import { writeSie4, type SieObjectRef, type SieWritePeriodAmount, type WriteResult } from "../formats/sie";
import { liveImports } from "./imports";

/**
 * Writes an organisation's budget for a year as a SIE 4 file (#PBUDGET per period, account and
 * object list) with #KSUMMA, for the ledger to read back. Budgets come from the live imports.
 */
export async function exportBudgetSie(db: Db, q: { organisationId: number; year: number }, out: Writable): Promise<WriteResult & { budgets: number }> {
  const org = await db.selectFrom("organisations").select(["name", "code"]).where("id", "=", q.organisationId).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("ledger_period_amounts")
    .select(["period", "account", "objects", "amount_ore"])
    .where("import_id", "in", liveImports(db, q.organisationId))
    .where("kind", "=", "PBUDGET")
    .where("period", ">=", q.year * 100)
    .where("period", "<=", q.year * 100 + 12)
    .orderBy("period")
    .orderBy("account")
    .execute();
  // One line per period, account and object list: several imports' budgets for the same cell add up.
  const cells = new Map<string, SieWritePeriodAmount>();
  for (const r of rows) {
    const objects = (r.objects ?? []) as SieObjectRef[];
    const key = `${r.period}\u0000${r.account}\u0000${JSON.stringify(objects)}`;
    const c = cells.get(key);
    if (c) c.amount += r.amount_ore;
    else cells.set(key, { type: "PBUDGET", yearIndex: 0, period: String(r.period), account: r.account, objects, amount: r.amount_ore });
  }
  const used = new Set(rows.map((r) => r.account));
  const accounts = (await db.selectFrom("ledger_accounts").select(["account", "name"]).where("organisation_id", "=", q.organisationId).orderBy("account").execute()).filter((a) => used.has(a.account));
  const dims = await db.selectFrom("ledger_dimensions").select(["dimension", "name"]).where("organisation_id", "=", q.organisationId).orderBy("dimension").execute();
  const objectKeys = new Set([...cells.values()].flatMap((c) => c.objects.map((o) => `${o.dimension}\u0000${o.code}`)));
  const objects = (await db.selectFrom("ledger_objects").select(["dimension", "code", "name"]).where("organisation_id", "=", q.organisationId).execute()).filter((o) => objectKeys.has(`${o.dimension}\u0000${o.code}`));
  const result = await writeSie4(
    out,
    {
      program: { name: "Fördela", version: "0.1" },
      generated: new Date().toISOString().slice(0, 10),
      company: { name: org.name },
      comment: `Budget ${q.year} exporterad från Fördela`,
      years: [{ yearIndex: 0, start: `${q.year}-01-01`, end: `${q.year}-12-31` }],
      accounts,
      dimensions: dims.map((d) => ({ dimension: d.dimension, name: d.name })),
      objects,
      periodAmounts: [...cells.values()],
    },
    { ksumma: true },
  );
  return { ...result, budgets: cells.size };
}
