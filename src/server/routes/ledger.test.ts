import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { createLedgerOrganisation } from "../../../test/helpers/ledger";
import { seed001Sie } from "../../../test/fixtures/ledger/seed001-sie";
import { SEED001_NARRATIVE } from "../../core/followup/seed001.fixture";
import type { OpenDatabase } from "../../db/connect";
import { readSie } from "../../formats/sie";
import { createApp } from "../app";
import { createUser } from "../auth/users";
import { finishJob, progressJob, startJob } from "../../ledger/jobs";

let opened: OpenDatabase;
let app: ReturnType<typeof createApp>;
let org: number;
const password = "lösenord-för-test-1";

interface Session {
  cookie: string;
  csrf: string;
}

async function login(username: string): Promise<Session> {
  const res = await app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function call(s: Session, method: string, path: string, body?: unknown, raw?: { body: BodyInit; type?: string }) {
  // Writes name their origin as a browser's do (a form post without one is refused).
  const headers: Record<string, string> = { cookie: s.cookie, "x-csrf-token": s.csrf, origin: "http://localhost" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (raw?.type) headers["content-type"] = raw.type;
  return app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : raw ? { body: raw.body } : {}) });
}

async function waitForJob(s: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await (await call(s, "GET", `/api/ledger/jobs/${id}`)).json()) as { status: string };
    if (job.status !== "running") return job as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("importjobbet blev inte klart");
}

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  await createUser(opened.db, { username: "controller", password, roles: [{ organisationCode: "SSVR", role: "editor" }] });
  await createUser(opened.db, { username: "lasare", password, roles: [{ organisationCode: "SSVR", role: "reader" }] });
  app = createApp(opened.db, { secureCookies: false });
});
afterAll(async () => opened.close());

describe("ledger and follow-up API", () => {
  it("lists the organisation's imports running now, so a page opened meanwhile follows them", async () => {
    const job = await startJob(opened.db, { organisationId: org, fileName: "pagar.se", totalBytes: 400, startedBy: "controller" });
    progressJob(job, { linesRead: 3, bytesRead: 100, transactions: 2 } as never);
    const s = await login("lasare");
    const res = await call(s, "GET", `/api/ledger/jobs?organisationId=${org}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([expect.objectContaining({ id: job.id, fileName: "pagar.se", status: "running", percent: 25 })]);
    await finishJob(job, { error: { message: "avbruten i testet", errors: [] } });
    expect(await (await call(s, "GET", `/api/ledger/jobs?organisationId=${org}`)).json()).toEqual([]);
  });

  it("imports seed 001's SIE file in the background and serves its reports", async () => {
    const s = await login("controller");
    const classes = await call(s, "PUT", "/api/ledger/account-classes", { organisationId: org, overrides: [{ from: "3010", to: "3019", class: "income", jointFinancing: true }], revision: 0 });
    expect(classes.status).toBe(200);
    const started = await call(s, "POST", `/api/ledger/imports/sie?organisationId=${org}&fileName=ssvr-2023.se`, undefined, { body: new Uint8Array(await seed001Sie()), type: "application/octet-stream" });
    expect(started.status).toBe(202);
    const job = await waitForJob(s, ((await started.json()) as { id: string }).id);
    expect(job).toMatchObject({ status: "done", percent: 100, result: { year: 2023, transactions: 37, ksumma: "verified" } });

    const bvo = (await (await call(s, "GET", `/api/followup/budget-vs-outcome?organisationId=${org}&year=2023&project=none`)).json()) as { total: { outcome: number; deviation: number; deviationPercent: string } };
    expect(bvo.total).toMatchObject({ outcome: -66_374_000, deviation: -26_374_000, deviationPercent: "-65,9" });

    const annual = (await (await call(s, "GET", `/api/followup/annual-report?organisationId=${org}&year=2023&exclude=8938`)).json()) as {
      budgetTable: { label: string; deviation: number }[];
      projectAccounts: { subtotal: { closing: number }; total: { opening: number; closing: number } };
      paragraphs: { project: string; text: string }[];
    };
    expect(annual.budgetTable.map((r) => r.deviation / 100)).toEqual([-53_911, 7_513, -217_342, -263_740]);
    expect(annual.projectAccounts.subtotal.closing).toBe(3_628_732_400);
    expect(annual.projectAccounts.total).toMatchObject({ opening: 5_631_590_300, closing: 5_327_289_900 });
    expect(annual.paragraphs.find((p) => p.project === "8941")!.text.replaceAll("\u00a0", " ")).toContain("kostnader 10 540 tkr, utgående balans 34 623 tkr");

    const check = (await (await call(s, "POST", "/api/followup/narrative-check", { organisationId: org, year: 2023, exclude: ["8938"], text: SEED001_NARRATIVE })).json()) as { mismatches: { project: string; field: string }[] };
    expect(check.mismatches.map((m) => `${m.project} ${m.field}`)).toEqual(["8941 costs", "8941 closing"]);

    const drill = (await (await call(s, "GET", `/api/followup/transactions?organisationId=${org}&year=2023&project=8941&accountClass=staff`)).json()) as { total: number; sum: number };
    expect(drill).toMatchObject({ total: 1, sum: 600_000_000 });

    const imports = (await (await call(s, "GET", `/api/ledger/imports?organisationId=${org}`)).json()) as { status: string; importedBy: string }[];
    expect(imports[0]).toMatchObject({ status: "done", importedBy: "controller" });
    const audit = await opened.db.selectFrom("audit_log").select(["action", "entity"]).where("organisation_id", "=", org).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "update", entity: "ledger_account_classes" },
      { action: "import", entity: "ledger_import" },
    ]);

    const sie = await call(s, "GET", `/api/ledger/budget.sie?organisationId=${org}&year=2023`);
    expect(sie.status).toBe(200);
    const back = await readSie(new Uint8Array(await sie.arrayBuffer()));
    expect([back.budgets, back.ksumma]).toEqual([36, "verified"]);
  });

  it("refuses an unbalanced file through the job, naming the voucher, and stores nothing", async () => {
    const s = await login("controller");
    const bad = Buffer.from('#FLAGGA 0\r\n#SIETYP 4\r\n#RAR 0 20230101 20231231\r\n#VER A 1 20230105 "Fel"\r\n{\r\n#TRANS 1930 {} 100.00\r\n#TRANS 3010 {} -90.00\r\n}\r\n', "latin1");
    const started = await call(s, "POST", `/api/ledger/imports/sie?organisationId=${org}&fileName=fel.se`, undefined, { body: new Uint8Array(bad), type: "application/octet-stream" });
    const job = await waitForJob(s, ((await started.json()) as { id: string }).id);
    expect(job.status).toBe("failed");
    expect((job.error as { message: string }).message).toMatch(/fel\.se, rad 4 \(#VER\): Verifikation A 1 \(2023-01-05\) balanserar inte/);
    const imports = (await (await call(s, "GET", `/api/ledger/imports?organisationId=${org}`)).json()) as { status: string; transactionCount: number }[];
    expect(imports[0]).toMatchObject({ status: "failed", transactionCount: 0 });
  });

  it("saves a CSV mapping and imports outcomes as multipart", async () => {
    const s = await login("controller");
    const saved = await call(s, "PUT", "/api/ledger/csv-mappings", { organisationId: org, mapping: { name: "Utfall", columns: { account: "Konto", period: "Period", amount: "Belopp", project: 3 } }, revision: 0 });
    expect(saved.status).toBe(200);
    const form = new FormData();
    form.append("file", new File(["Konto;Period;Projekt;Belopp\n6550;202401;8941;1 500,25\n"], "utfall-2024-01.csv"));
    const res = await call(s, "POST", `/api/ledger/imports/csv?organisationId=${org}&mapping=Utfall`, undefined, { body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ year: 2024, rows: 1, periods: [202401] });
    const costs = (await (await call(s, "GET", `/api/followup/object-costs?organisationId=${org}&year=2024&object=8941`)).json()) as { costs: number };
    expect(costs.costs).toBe(150_025);
  });

  it("answers a body that claims to be multipart but is not with 400, not 500", async () => {
    const s = await login("controller");
    const res = await call(s, "POST", `/api/ledger/imports/sie?organisationId=${org}`, undefined, { body: "{}", type: "multipart/form-data; boundary=x" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/multipart\/form-data/);
  });

  it("names a July–June financial year 2009/10 in the report and numbers its months from July", async () => {
    const s = await login("controller");
    const bytes = readFileSync(new URL("../../../test/fixtures/sie-samples/BL0001_typ4.SE", import.meta.url));
    const started = await call(s, "POST", `/api/ledger/imports/sie?organisationId=${org}&fileName=BL0001_typ4.SE`, undefined, { body: new Uint8Array(bytes), type: "application/octet-stream" });
    expect(started.status).toBe(202);
    expect(await waitForJob(s, ((await started.json()) as { id: string }).id)).toMatchObject({ status: "done" });
    const report = (await (await call(s, "GET", `/api/followup/budget-vs-outcome?organisationId=${org}&year=2009&by=month`)).json()) as { fiscalYear: unknown; rows: { key: string; label: string }[] };
    expect(report.fiscalYear).toEqual({ label: "2009/10", firstMonth: "2009-07", lastMonth: "2010-06" });
    expect(report.rows[0]).toMatchObject({ key: "01", label: "juli 2009" });
    const june = (await (await call(s, "GET", `/api/followup/transactions?organisationId=${org}&year=2009&month=12&limit=100`)).json()) as { rows: { date: string }[] };
    expect(june.rows.length).toBeGreaterThan(0);
    expect(june.rows.every((r) => r.date.startsWith("2010-06"))).toBe(true);
  });

  it("lets a reader read but not import", async () => {
    const s = await login("lasare");
    expect((await call(s, "GET", `/api/followup/project-accounts?organisationId=${org}&year=2023&exclude=8938`)).status).toBe(200);
    const res = await call(s, "POST", `/api/ledger/imports/sie?organisationId=${org}`, undefined, { body: new Uint8Array(await seed001Sie()), type: "application/octet-stream" });
    expect(res.status).toBe(403);
  });
});
