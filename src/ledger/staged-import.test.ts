import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db";
import { countRows, createLedgerOrganisation } from "../../test/helpers/ledger";
import type { OpenDatabase } from "../db/connect";
import { generateSieFile } from "../formats/sie";
import { importSie } from "./import-sie";
import { liveImports } from "./imports";
import { removeInterruptedImports } from "./staged-import";

const TABLES = ["ledger_imports", "ledger_vouchers", "ledger_transactions", "ledger_totals", "ledger_class_totals", "ledger_balances", "ledger_period_amounts"];

const counts = (opened: OpenDatabase) => countRows(opened.db, TABLES);

describe("an import leaves the database free for others while it runs", () => {
  let opened: OpenDatabase;
  let dir: string;
  let org: number;
  beforeAll(async () => {
    opened = await createTestDatabase();
    org = await createLedgerOrganisation(opened.db);
    dir = mkdtempSync(join(tmpdir(), "fordela-staged-"));
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers other queries between its writes, and no report counts its rows before it is done", { timeout: 120_000 }, async () => {
    const file = join(dir, "stor.se");
    await generateSieFile(createWriteStream(file), { seed: 5, transactions: 300_000, year: 2024 });
    let running = true;
    let answered = 0;
    let countedWhileRunning = 0;
    const others = (async () => {
      while (running) {
        await opened.db.selectFrom("organisations").select("id").where("id", "=", org).executeTakeFirstOrThrow();
        const live = await opened.db.selectFrom("ledger_transactions").select((eb) => eb.fn.countAll<number>().as("n")).where("import_id", "in", liveImports(opened.db, org, 2024)).executeTakeFirstOrThrow();
        if (running) {
          answered++;
          countedWhileRunning = Math.max(countedWhileRunning, Number(live.n));
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const result = await importSie(opened.db, file, { organisationId: org }).finally(() => (running = false));
    await others;
    expect(result.transactions).toBe(300_000);
    // Each of the import's writes takes the one embedded session only for itself.
    expect(answered).toBeGreaterThanOrEqual(5);
    expect(countedWhileRunning).toBe(0);
    const imports = await opened.db.selectFrom("ledger_imports").select(["status", "transaction_count"]).where("organisation_id", "=", org).execute();
    expect(imports).toEqual([{ status: "done", transaction_count: 300_000 }]);
  });

  it("removes what an import cut off by a dead process had staged, in pieces, and nothing else", { timeout: 120_000 }, async () => {
    const before = await counts(opened);
    const { id } = await opened.db
      .insertInto("ledger_imports")
      .values({ organisation_id: org, file_name: "avbruten.se", kind: "sie", year: 0, status: "importing", imported_by: null, error: null, summary: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    // More rows than one removal statement's range of blocks holds.
    await sql`INSERT INTO ledger_vouchers (import_id, seq, series, number, voucher_date, text, line) SELECT ${id}, s, 'A', s::text, '2024-01-15', 'Avbruten', s FROM generate_series(1, 30000) AS s`.execute(opened.db);
    await sql`INSERT INTO ledger_transactions (import_id, voucher_seq, row_no, period, trans_date, account, cost_centre, project, objects, amount_ore, text)
      SELECT ${id}, s, r, 202401, '2024-01-15', '4010', NULL, NULL, NULL, CASE r WHEN 1 THEN 100 ELSE -100 END, 'Avbruten rad' FROM generate_series(1, 30000) AS s, generate_series(1, 2) AS r`.execute(opened.db);
    await sql`INSERT INTO ledger_totals (import_id, period, account, dimension, object, amount_ore, row_count) VALUES (${id}, 202401, '4010', 0, '', 0, 60000)`.execute(opened.db);
    expect((await counts(opened)).ledger_transactions).toBe(before.ledger_transactions! + 60_000);

    expect(await removeInterruptedImports(opened.db)).toEqual([id]);
    expect(await counts(opened)).toEqual(before);
    // The finished import of the first test is untouched.
    expect(await removeInterruptedImports(opened.db)).toEqual([]);
  });
});
