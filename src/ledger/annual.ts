import type { Db } from "../db/connect";

/**
 * The year's subscription matrix from the budgets module (budget_documents of kind
 * 'subscription'): the decided version if there is one, else the latest proposal; its saved
 * result as the budgets module wrote it.
 */
export async function subscriptionFor(db: Db, organisationId: number, year: number): Promise<{ documentId: number; title: string; status: string; result: unknown } | null> {
  const row = await db
    .selectFrom("budget_documents")
    .select(["id", "title", "status", "result"])
    .where("organisation_id", "=", organisationId)
    .where("year", "=", year)
    .where("kind", "=", "subscription")
    .orderBy((eb) => eb.case().when("status", "=", "decided").then(0).else(1).end())
    .orderBy("version", "desc")
    .executeTakeFirst();
  return row ? { documentId: row.id, title: row.title, status: row.status, result: row.result } : null;
}
