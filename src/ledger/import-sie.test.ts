import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { readSie, SieFileError } from "../formats/sie";
import { encodeCp437 } from "../formats/sie/encoding";
import { importSie } from "./import-sie";

const DIR = path.resolve(__dirname, "../../test/fixtures/sie-samples");
const file = (name: string) => path.join(DIR, name);
const type4 = readdirSync(DIR).filter((f) => !/\.(md|txt)$/.test(f) && /^\s*#SIETYP\s+4\b/m.test(readFileSync(file(f), "latin1")));
const REFUSED = new Set(["transaktioner_ovnbolag-bad-balance.se", "XE_SIE_4_20151125095119.SE", "Sie4.se"]);

let opened: OpenDatabase;
let org: number;
beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
});
afterAll(async () => opened.close());

async function sumsByAccount(importId: number): Promise<Record<string, number>> {
  const rows = await opened.db.selectFrom("ledger_transactions").select(["account", (eb) => eb.fn.sum<string>("amount_ore").as("s")]).where("import_id", "=", importId).groupBy("account").execute();
  return Object.fromEntries(rows.map((r) => [r.account, Number(r.s)]));
}

describe("SIE import into the database", () => {
  it("imports every type-4 file of the corpus, or refuses it naming the voucher, storing nothing then", async () => {
    let orgIndex = 0;
    for (const name of type4) {
      // One organisation per file, so files of the same year do not replace each other.
      const id = await createLedgerOrganisation(opened.db, `F${orgIndex++}`, name);
      if (REFUSED.has(name)) {
        const error = await importSie(opened.db, file(name), { organisationId: id }).catch((e: unknown) => e);
        expect(error, name).toBeInstanceOf(SieFileError);
        expect((error as Error).message).toMatch(/Verifikation .* balanserar inte|kontonumret "FEL" är inte numeriskt/);
        const stored = await opened.db.selectFrom("ledger_imports").select(["status", "error"]).where("organisation_id", "=", id).execute();
        expect(stored).toEqual([{ status: "failed", error: (error as Error).message }]);
        const rows = await opened.db.selectFrom("ledger_transactions").innerJoin("ledger_imports", "ledger_imports.id", "ledger_transactions.import_id").select("account").where("organisation_id", "=", id).execute();
        expect(rows).toEqual([]);
        continue;
      }
      const summary = await readSie(file(name));
      const result = await importSie(opened.db, file(name), { organisationId: id });
      expect(result.transactions, name).toBe(summary.transactionCount);
      expect(result.vouchers, name).toBe(summary.voucherCount);
      // The stored rows give, account by account, what the file's #TRANS rows give.
      const expected: Record<string, number> = {};
      await readSie(file(name), {
        onVoucher: (v) => {
          for (const t of v.transactions) if (t.kind === "TRANS") expected[t.account] = (expected[t.account] ?? 0) + t.amount;
        },
      });
      expect(await sumsByAccount(result.importId), name).toEqual(expected);
    }
  });

  it("names the unbalanced voucher of the -bad-balance file with its line", async () => {
    const error = (await importSie(opened.db, file("transaktioner_ovnbolag-bad-balance.se"), { organisationId: org }).catch((e: unknown) => e)) as SieFileError;
    expect(error.errors[0]).toMatchObject({ line: 3905 });
    expect(error.message).toMatch(/Verifikation B 1 \(2011-01-07\) balanserar inte/);
  });

  it("stores Sie4.si's disagreements of #UB/#RES with its transactions as warnings of the import", async () => {
    const result = await importSie(opened.db, file("Sie4.si"), { organisationId: org });
    expect(result.disagreements).toHaveLength(35);
    const stored = await opened.db.selectFrom("ledger_imports").select(["warnings", "status", "year", "transaction_count"]).where("id", "=", result.importId).executeTakeFirstOrThrow();
    const warnings = stored.warnings as { line: number; field: string; message: string }[];
    const balanceWarnings = warnings.filter((w) => w.field === "#UB" || w.field === "#RES");
    expect(balanceWarnings).toHaveLength(35);
    expect(balanceWarnings[0]!.message).toBe("Konto 1119: #IB + verifikationerna ger -542\u00a0400,00 kr, men #UB anger -474\u00a0600,00 kr (skillnad 67\u00a0800,00 kr)");
    expect(stored.status).toBe("done");
    expect(stored.transaction_count).toBe(result.transactions);
    // The totals kept at import agree with the rows.
    const totals = await opened.db.selectFrom("ledger_totals").select(["account", (eb) => eb.fn.sum<string>("amount_ore").as("s")]).where("import_id", "=", result.importId).where("dimension", "=", 0).groupBy("account").execute();
    expect(Object.fromEntries(totals.map((t) => [t.account, Number(t.s)]))).toEqual(await sumsByAccount(result.importId));
  });

  it("replaces the year's earlier import, with consent, instead of counting it twice; the earlier one is kept as a version", async () => {
    const first = await importSie(opened.db, file("SIE4_Exempelfil_med_underdim.SE"), { organisationId: org });
    const second = await importSie(opened.db, file("SIE4_Exempelfil_med_underdim.SE"), { organisationId: org, replace: true });
    expect(second.replaced).toContain(first.importId);
    const statuses = await opened.db.selectFrom("ledger_imports").select(["id", "status"]).where("id", "in", [first.importId, second.importId]).orderBy("id").execute();
    expect(statuses.map((s) => s.status)).toEqual(["replaced", "done"]);
    const kept = await opened.db.selectFrom("ledger_transactions").select("account").where("import_id", "=", first.importId).execute();
    expect(kept.length).toBe(second.transactions);
    const objects = await opened.db.selectFrom("ledger_objects").selectAll().where("organisation_id", "=", org).execute();
    expect(objects.length).toBeGreaterThan(0);
  });

  it("refuses a file whose amounts together pass what a report can sum exactly, naming the line, and stores nothing", async () => {
    const id = await createLedgerOrganisation(opened.db, "STOR", "Stora belopp");
    // Each amount is a valid öre amount; together (3 000 + 3 000 miljarder kr) they pass the limit.
    const sie = ["#FLAGGA 0", "#SIETYP 4", "#RAR 0 20240101 20241231", '#VER A 1 20240305 "Stort"', "{", "#TRANS 7010 {} 3000000000000.00", "#TRANS 1930 {} -3000000000000.00", "}"].join("\r\n");
    const error = await importSie(opened.db, encodeCp437(sie), { organisationId: id, fileName: "stor.se" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SieFileError);
    expect((error as Error).message).toContain("stor.se, rad 7 (#TRANS belopp): beloppen i filen blir tillsammans (utan tecken) större än 5 600 miljarder kronor");
    const rows = await opened.db.selectFrom("ledger_transactions").innerJoin("ledger_imports", "ledger_imports.id", "ledger_transactions.import_id").select("account").where("organisation_id", "=", id).execute();
    expect(rows).toEqual([]);
    // Half of it is a file like any other.
    const half = sie.replace("3000000000000.00", "1000000000000.00").replace("-3000000000000.00", "-1000000000000.00");
    expect((await importSie(opened.db, encodeCp437(half), { organisationId: id, fileName: "halv.se" })).transactions).toBe(2);
  });

  it("stores each row's fields exactly: Swedish letters, a backslash, objects of other dimensions, an own date", async () => {
    const id = await createLedgerOrganisation(opened.db, "TXT", "Texter");
    const sie = [
      "#FLAGGA 0",
      "#SIETYP 4",
      '#RAR 0 20240101 20241231',
      '#VER A 1 20240305 "Lön"',
      "{",
      '#TRANS 7010 {1 "100" 6 "8941"} 1234.50 20240306 "Lön för mars - åäö ÅÄÖ"',
      '#TRANS 1930 {} -1234.50 "" "Utbetalning \\\\ bank"',
      "}",
      '#VER A 2 20240401 "Övrigt"',
      "{",
      '#TRANS 5410 {1 "200" 9 "X"} 10',
      "#TRANS 1930 {} -10",
      "}",
    ].join("\r\n");
    const result = await importSie(opened.db, encodeCp437(sie), { organisationId: id, fileName: "texter.se" });
    const rows = await opened.db
      .selectFrom("ledger_transactions")
      .select(["voucher_seq", "row_no", "period", "account", "cost_centre", "project", "objects", "amount_ore", "text"])
      .select((eb) => eb.fn<string>("to_char", [eb.ref("trans_date"), eb.val("YYYY-MM-DD")]).as("date"))
      .where("import_id", "=", result.importId)
      .orderBy("voucher_seq")
      .orderBy("row_no")
      .execute();
    expect(rows.map((r) => ({ ...r, amount_ore: Number(r.amount_ore) }))).toEqual([
      { voucher_seq: 1, row_no: 1, period: 202403, date: "2024-03-06", account: "7010", cost_centre: "100", project: "8941", objects: null, amount_ore: 123450, text: "Lön för mars - åäö ÅÄÖ" },
      { voucher_seq: 1, row_no: 2, period: 202403, date: "2024-03-05", account: "1930", cost_centre: null, project: null, objects: null, amount_ore: -123450, text: "Utbetalning \\ bank" },
      { voucher_seq: 2, row_no: 1, period: 202404, date: "2024-04-01", account: "5410", cost_centre: "200", project: null, objects: [{ dimension: 1, code: "200" }, { dimension: 9, code: "X" }], amount_ore: 1000, text: null },
      { voucher_seq: 2, row_no: 2, period: 202404, date: "2024-04-01", account: "1930", cost_centre: null, project: null, objects: null, amount_ore: -1000, text: null },
    ]);
  });
});
