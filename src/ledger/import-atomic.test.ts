import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { countRows, createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { SieFileError } from "../formats/sie";
import { encodeCp437 } from "../formats/sie/encoding";
import { importSie } from "./import-sie";

/** Tables an import writes data into (ledger_imports gets the failed attempt's record, with no data). */
const DATA_TABLES = ["ledger_accounts", "ledger_dimensions", "ledger_objects", "ledger_balances", "ledger_period_amounts", "ledger_vouchers", "ledger_transactions", "ledger_totals", "ledger_class_totals", "ledger_class_totals_state"];

/** `vouchers` balanced vouchers of two rows each over many accounts and objects, then one that does not balance. */
export function fileWithUnbalancedLast(vouchers: number): Uint8Array {
  const lines = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", '#FNAMN "Atomär"', "#RAR 0 20240101 20241231", '#DIM 1 "Kostnadsställe"', '#OBJEKT 1 "10" "Tio"', '#KONTO 1930 "Bank"', "#IB 0 1930 1000.00", "#PBUDGET 0 202401 4010 {} 500.00"];
  for (let v = 1; v <= vouchers; v++) {
    const month = String((v % 12) + 1).padStart(2, "0");
    const account = 4000 + (v % 500);
    lines.push(`#VER A ${v} 2024${month}15 "Verifikation ${v}"`, "{", `#TRANS ${account} {1 "10"} ${v}.25`, `#TRANS 1930 {} -${v}.25`, "}");
  }
  lines.push('#VER A 999999 20241231 "Obalanserad"', "{", "#TRANS 4010 {} 100.00", "#TRANS 1930 {} -99.00", "}");
  return encodeCp437(lines.join("\n") + "\n");
}

const counts = (opened: OpenDatabase) => countRows(opened.db, DATA_TABLES);

describe("a refused SIE import stores nothing (all or nothing)", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(async () => opened.close());

  it("a 50 000-voucher file whose last voucher is unbalanced adds no row to any ledger table", { timeout: 120_000 }, async () => {
    const org = await createLedgerOrganisation(opened.db);
    const before = await counts(opened);
    const error = await importSie(opened.db, fileWithUnbalancedLast(50_000), { organisationId: org, fileName: "atomar.se" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SieFileError);
    expect((error as SieFileError).message).toMatch(/Verifikation A 999999 \(2024-12-31\) balanserar inte/);
    // A COPY left running behind the ROLLBACK would land on the pooled connection afterwards: give it time, then use every connection.
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all(Array.from({ length: 5 }, () => sql`SELECT 1`.execute(opened.db)));
    expect(await counts(opened)).toEqual(before);
    const imports = await opened.db.selectFrom("ledger_imports").select(["status", "transaction_count"]).where("organisation_id", "=", org).execute();
    expect(imports).toEqual([{ status: "failed", transaction_count: 0 }]);
  });
});
