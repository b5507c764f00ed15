import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import { systemActor } from "../app/actor";
import { makeImportCurrent } from "../app/ledger/make-import-current";
import type { OpenDatabase } from "../db/connect";
import { encodeCp437 } from "../formats/sie/encoding";
import { importSie } from "./import-sie";
import { budgetVsOutcomeReport } from "./report";
import { ReplaceNeedsConsentError } from "./replace-check";

/** A year's file with `vouchers` vouchers of 100 kr of staff costs each. */
function yearFile(vouchers: number): Uint8Array {
  const lines = ["#FLAGGA 0", "#SIETYP 4", "#RAR 0 20240101 20241231", '#KONTO 7010 "Löner"', '#KONTO 1930 "Bank"'];
  for (let v = 1; v <= vouchers; v++) lines.push(`#VER A ${v} 20240115 "Lön"`, "{", "#TRANS 7010 {} 100.00", "#TRANS 1930 {} -100.00", "}");
  return encodeCp437(lines.join("\r\n") + "\r\n");
}

describe("replacing a year's import needs consent, and earlier imports stay as versions", () => {
  let opened: OpenDatabase;
  let org: number;
  beforeAll(async () => {
    opened = await createTestDatabase();
    org = await createLedgerOrganisation(opened.db);
  });
  afterAll(async () => opened.close());

  const staff = async () => (await budgetVsOutcomeReport(opened.db, { organisationId: org, year: 2024, by: "class" })).rows.find((r) => r.key === "staff")?.outcome;

  it("refuses to replace without a yes, shows before/after per class and far fewer transactions, and changes nothing", async () => {
    const first = await importSie(opened.db, yearFile(40), { organisationId: org, fileName: "hel.se" });
    const error = await importSie(opened.db, yearFile(3), { organisationId: org, fileName: "avkortad.se" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplaceNeedsConsentError);
    const c = (error as ReplaceNeedsConsentError).comparison;
    expect(c.before).toMatchObject({ importId: first.importId, fileName: "hel.se", vouchers: 40, transactions: 80 });
    expect(c.after).toMatchObject({ vouchers: 3, transactions: 6 });
    expect(c.before.classTotals.staff).toBe(400_000);
    expect(c.after.classTotals.staff).toBe(30_000);
    expect(c.fewer).toMatch(/långt färre transaktioner \(6 mot 80\)/);
    expect((error as Error).message).toMatch(/Ingenting är ändrat/);
    const imports = await opened.db.selectFrom("ledger_imports").select(["id", "status"]).where("organisation_id", "=", org).execute();
    expect(imports).toEqual([{ id: first.importId, status: "done" }]);
    expect(await staff()).toBe(-400_000);
  });

  it("replaces with a yes, and makes the earlier import current again", async () => {
    const second = await importSie(opened.db, yearFile(3), { organisationId: org, fileName: "ny.se", replace: true });
    expect(await staff()).toBe(-30_000);
    const [first] = second.replaced;
    const back = await makeImportCurrent(opened.db, systemActor(), { importId: first! });
    expect(back).toEqual({ importId: first, year: 2024, replaced: [second.importId] });
    expect(await staff()).toBe(-400_000);
    await expect(makeImportCurrent(opened.db, systemActor(), { importId: first! })).rejects.toThrow(/redan den gällande/);
    const audit = await opened.db.selectFrom("audit_log").select(["action", "entity_id"]).where("entity", "=", "ledger_import").where("action", "=", "update").execute();
    expect(audit).toEqual([{ action: "update", entity_id: String(first) }]);
  });
});
