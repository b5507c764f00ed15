import type { Db } from "../connect";
import { insertAllocation } from "../queries/allocations";
import { computeAllocation } from "../queries/compute-allocation";
import { loadDemoBudgets } from "./budgets";
import { loadDemoGrants } from "./grants";
import { loadDemoRegisters } from "./registers";
import { demoAllocations } from "./seeds";

/** Loads the seed documents' examples that are not yet in the database. Returns what it added. */
export async function loadDemoData(db: Db, log: (line: string) => void = () => {}): Promise<string[]> {
  const added: string[] = [];
  const admin = await db.selectFrom("users").select(["id"]).where("is_admin", "=", true).orderBy("id").executeTakeFirst();
  for (const demo of demoAllocations) {
    const exists = await db.selectFrom("allocations").select("id").where("title", "=", demo.title).executeTakeFirst();
    if (exists) continue;
    const org = await db.selectFrom("organisations").select("id").where("code", "=", demo.organisationCode).executeTakeFirstOrThrow();
    const { result } = await computeAllocation(db, demo.request);
    await db.transaction().execute(async (trx) => {
      const id = await insertAllocation(trx, { organisationId: org.id, title: demo.title, request: demo.request, result, createdBy: admin?.id ?? null });
      if (demo.decided) await trx.updateTable("allocations").set({ status: "decided", decided_at: new Date(), decided_by: admin?.id ?? null }).where("id", "=", id).execute();
      await trx.insertInto("audit_log").values({ action: "create", entity: "allocation", entity_id: String(id), organisation_id: org.id, username: "exempeldata", after: JSON.stringify({ title: demo.title, total: result.total }) }).execute();
    });
    log(`  ${demo.title}`);
    added.push(demo.title);
  }
  added.push(...(await loadDemoBudgets(db, log)));
  added.push(...(await loadDemoGrants(db, log)));
  added.push(...(await loadDemoRegisters(db, log)));
  return added;
}
