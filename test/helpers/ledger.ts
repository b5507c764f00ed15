import type { Db } from "../../src/db/connect";

/** An organisation to import into; ledger tests need no reference data. */
export async function createLedgerOrganisation(db: Db, code = "SSVR", name = "Södra regionvårdsnämnden"): Promise<number> {
  const { id } = await db
    .insertInto("organisations")
    .values({ code, kind: "board", name, short_name: name, county_code: null, parent_id: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
