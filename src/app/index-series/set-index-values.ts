import { ConflictError, ForbiddenError, StaleRevisionError, UserFacingError } from "../../core/errors";
import { roleAtLeast } from "../../core/roles";
import type { Db } from "../../db/connect";
import { indexValues, insertIndexValue, updateIndexValue, type IndexSeriesRow, type IndexValueWrite } from "../../db/queries/index-series";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { inTransaction } from "../transaction";

export type { IndexSeriesRow };

export interface IndexValueChange extends IndexValueWrite {
  /** The revision of the year as the client read it; null for a year the client saw no value for. */
  revision: number | null;
}

/** Index series are shared by all organisations: anyone who edits somewhere may keep them. */
export function mayEditIndexSeries(actor: Actor): boolean {
  return actor.isAdmin || actor.roles.some((r) => roleAtLeast(r.role, "editor"));
}

/**
 * Adds or corrects years of an index series. Each year is written only if it is still as the
 * client read it (a conditional update, or an insert that must not find the year), all years in
 * one transaction with the audit row; otherwise nothing is written and the answer says who
 * changed the year and when.
 */
export async function setIndexValues(db: Db, actor: Actor, input: { code: string; values: IndexValueChange[]; via?: string }): Promise<IndexSeriesRow[]> {
  if (!mayEditIndexSeries(actor)) throw new ForbiddenError("Du behöver minst rollen handläggare i någon organisation för att ändra indexserier.");
  const years = input.values.map((v) => v.year);
  const repeated = years.find((y, i) => years.indexOf(y) !== i);
  if (repeated !== undefined) throw new UserFacingError(`År ${repeated} förekommer två gånger i ändringen; ange varje år en gång.`, { code: "duplicate", where: { field: "values" } });
  return inTransaction(db, async (trx) => {
    const before = await indexValues(trx, input.code);
    for (const v of input.values) {
      const written = v.revision === null ? await insertIndexValue(trx, input.code, v, actor.id) : await updateIndexValue(trx, input.code, v, v.revision, actor.id);
      if (written) continue;
      const current = (await indexValues(trx, input.code)).find((r) => r.year === v.year);
      if (!current) throw new ConflictError(`Värdet för ${v.year} i ${input.code} finns inte längre. Ladda om och lägg in det igen.`, "stale");
      throw new StaleRevisionError(`Värdet för ${v.year} i ${input.code}`, current);
    }
    const after = await indexValues(trx, input.code);
    const strip = (rows: IndexSeriesRow[]) => rows.map(({ year, changePercent, source, revision }) => ({ year, changePercent, source, revision }));
    await writeAudit(trx, actor, {
      action: before.length > 0 ? "update" : "create",
      entity: "index_series",
      entityId: input.code,
      before: strip(before),
      after: input.via ? { values: strip(after), via: input.via } : strip(after),
    });
    return after;
  });
}
