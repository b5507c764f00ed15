import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/db/connect";
import { generateSieFile } from "../../src/formats/sie";
import { getJob, INTERRUPTED_AFTER_MS } from "../../src/ledger/jobs";
import { createCliEnvironment } from "../helpers/db";
import { countRows } from "../helpers/ledger";
import { fordelaCommand, startServer } from "../helpers/server-process";

// All or nothing where it is hardest: the server running an import of 500 000 #TRANS rows is
// killed (SIGKILL, no chance to clean up) at several moments of it: early, in the middle, late.
// Afterwards every ledger table holds exactly what it held before, and the job reads as
// interrupted. Moments are shares of the file that progress polls report: the server answers
// them during the import on both databases. On the embedded database the import stages its rows
// under an 'importing' record that no report counts; the next process that opens the directory
// removes them (src/ledger/staged-import.ts), so the tables are compared after one has.

const ledgerTables = ["ledger_imports", "ledger_accounts", "ledger_dimensions", "ledger_objects", "ledger_balances", "ledger_period_amounts", "ledger_vouchers", "ledger_transactions", "ledger_totals", "ledger_class_totals"] as const;
const password = "ett-långt-lösenord-för-test";

const counts = (opened: OpenDatabase) => countRows(opened.db, ledgerTables);

describe("an import whose server is killed part-way", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let file: string;
  const open = () => openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.FORDELA_DATA_DIR! });

  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
    env = { ...env, FORDELA_INSECURE_COOKIES: "1" };
    fordelaCommand(env, ["user", "add", "anna", "--org", "23", "--role", "handläggare", "--password-stdin"], `${password}\n`);
    file = join(mkdtempSync(join(tmpdir(), "fordela-kill-")), "stor.se");
    await generateSieFile(createWriteStream(file), { seed: 11, transactions: 500_000, year: 2024 });
  }, 180_000);
  afterAll(() => drop());

  for (const point of [{ percent: 1 }, { percent: 50 }, { percent: 95 }]) {
    it(`leaves every ledger table as it was when killed early, in the middle and late (${point.percent} %)`, async () => {
      let opened = await open();
      const before = await counts(opened);
      const orgId = (await opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
      await opened.close();

      const server = await startServer(env);
      const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: server.url }, body: JSON.stringify({ username: "anna", password }) });
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const started = await fetch(`${server.url}/api/ledger/imports/sie?organisationId=${orgId}&fileName=stor.se`, {
        method: "POST",
        headers: { cookie, origin: server.url, "x-csrf-token": csrfToken, "content-type": "application/octet-stream" },
        body: readFileSync(file),
      });
      expect(started.status).toBe(202);
      const { id } = (await started.json()) as { id: string };
      let reached = 0;
      for (let i = 0; i < 3000 && reached < point.percent; i++) {
        const job = (await (await fetch(`${server.url}/api/ledger/jobs/${id}`, { headers: { cookie } })).json()) as { status: string; percent: number };
        expect(job, JSON.stringify(job)).toMatchObject({ status: "running" });
        reached = job.percent;
        if (reached < point.percent) await new Promise((r) => setTimeout(r, 20));
      }
      expect(reached).toBeGreaterThanOrEqual(point.percent);
      process.kill(server.pid!, "SIGKILL");
      await server.stop();
      if (!env.DATABASE_URL) expect(fordelaCommand(env, ["migrate"])).toMatch(/Avbrutna importer borttagna: \d+/);

      opened = await open();
      try {
        // PostgreSQL rolls the cut transaction back once it sees the connection gone.
        await expect.poll(() => counts(opened), { timeout: 30_000, interval: 250 }).toEqual(before);
        const job = await getJob(opened.db, id, Date.now() + INTERRUPTED_AFTER_MS + 1000);
        expect(job).toMatchObject({ status: "interrupted", error: { code: "interrupted" } });
      } finally {
        await opened.close();
      }
    }, 300_000);
  }

  it("imports the same file completely afterwards", async () => {
    const out = fordelaCommand(env, ["import", "sie", file, "--org", "23"]);
    expect(out).toMatch(/Importerade 500[\s\u00a0]?000 transaktioner/);
  }, 300_000);
});
