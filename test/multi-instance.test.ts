import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { generateSieFile } from "../src/formats/sie";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../src/db/connect";
import { createCliEnvironment } from "./helpers/db";
import { roundRobinProxy, type Proxy } from "./helpers/round-robin-proxy";
import { fordelaCommand, startServer, type StartedServer } from "./helpers/server-process";

// Two server processes on one PostgreSQL behind a load balancer that sends each request to the
// next server in turn: one user must not notice. Separate processes, so that anything kept in
// one process's memory shows up as a failure here. PostgreSQL only: the embedded database is
// one process's by design.
describe.skipIf(!process.env.DATABASE_URL)("two servers on one PostgreSQL", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let servers: StartedServer[] = [];
  let proxy: Proxy;
  let opened: OpenDatabase;
  const password = "ett-långt-lösenord-för-test";

  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
    env = { ...env, FORDELA_INSECURE_COOKIES: "1" };
    fordelaCommand(env, ["demo"]);
    fordelaCommand(env, ["user", "add", "anna", "--name", "Anna Andersson", "--org", "23", "--role", "approver", "--password-stdin"], `${password}\n`);
    fordelaCommand(env, ["user", "add", "bertil", "--name", "Bertil Berg", "--org", "23", "--role", "reader", "--password-stdin"], `${password}\n`);
    servers = await Promise.all([startServer(env), startServer(env)]);
    proxy = await roundRobinProxy(servers.map((s) => s.url));
    opened = await openDatabase({ url: env.DATABASE_URL });
  });

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await opened?.close();
    await drop();
  });

  /** A browser's view: the cookie and CSRF token it got at login, sent with each request. */
  async function browser() {
    const login = await fetch(`${proxy.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: proxy.url }, body: JSON.stringify({ username: "anna", password }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return (method: string, path: string, body?: unknown) =>
      fetch(`${proxy.url}${path}`, {
        method,
        headers: { cookie, origin: proxy.url, ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }), ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  }

  it("follows a SIE import started through one server from both: its progress while it runs, then its result", async () => {
    const call = await browser();
    const orgs = (await (await call("GET", "/api/organisations?kind=region")).json()) as { id: number; code: string }[];
    const jamtland = orgs.find((o) => o.code === "23")!;
    const file = join(mkdtempSync(join(tmpdir(), "fordela-multi-")), "stor.se");
    await generateSieFile(createWriteStream(file), { seed: 7, transactions: 300_000, year: 2024 });
    const login = await fetch(`${proxy.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: proxy.url }, body: JSON.stringify({ username: "anna", password }) });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const started = await fetch(`${proxy.url}/api/ledger/imports/sie?organisationId=${jamtland.id}&fileName=stor.se`, {
      method: "POST",
      headers: { cookie, origin: proxy.url, "x-csrf-token": csrfToken, "content-type": "application/octet-stream" },
      body: readFileSync(file),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    const job = (await started.json()) as { id: string };
    const seen: { status: string; transactions: number }[] = [];
    const before = [...proxy.served];
    for (let i = 0; i < 600; i++) {
      const res = await fetch(`${proxy.url}/api/ledger/jobs/${job.id}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const now = (await res.json()) as { status: string; transactions: number; result: { transactions: number } | null };
      seen.push(now);
      if (now.status !== "running") {
        expect(now.status).toBe("done");
        expect(now.result!.transactions).toBe(300_000);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.at(-1)!.status).toBe("done");
    // Both servers answered the polls, and the one that does not run the import saw it move.
    expect(proxy.served.every((n, i) => n > before[i]!)).toBe(true);
    expect(seen.some((s) => s.status === "running" && s.transactions > 0)).toBe(true);
  }, 300_000);

  it("shows a job whose server stopped answering as interrupted on the other", async () => {
    const orgId = (await opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
    const id = "00000000-0000-4000-8000-000000000001";
    await opened.db.insertInto("ledger_import_jobs").values({ id, organisation_id: orgId, file_name: "avbruten.se", status: "running", owner: "en-server-som-dog:1:x", heartbeat_at: new Date(Date.now() - 120_000) }).execute();
    const call = await browser();
    for (let i = 0; i < 2; i++) {
      const res = await call("GET", `/api/ledger/jobs/${id}`);
      expect(res.status).toBe(200);
      const job = (await res.json()) as { status: string; error: { message: string } };
      expect(job.status).toBe("interrupted");
      expect(job.error.message).toContain("avbröts innan den blev klar");
    }
  });

  it("answers /api/health on both servers", async () => {
    for (const s of servers) expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });

  it("keeps one session across both servers: every request alternates and all are answered as the same user", async () => {
    const call = await browser();
    const before = [...proxy.served];
    for (let i = 0; i < 6; i++) {
      const me = await call("GET", "/api/auth/me");
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { username: string } }).user.username).toBe("anna");
    }
    expect(proxy.served.map((n, i) => n - before[i]!)).toEqual([3, 3]);
  });

  it("sees a draft saved through one server from the other", async () => {
    const call = await browser();
    const orgs = (await (await call("GET", "/api/organisations?kind=region")).json()) as { id: number; code: string }[];
    const jamtland = orgs.find((o) => o.code === "23")!;
    const created = await call("POST", "/api/allocations", {
      title: "Två servrar",
      organisationId: jamtland.id,
      request: { total: 100_000_00, unit: 100, rounding: "largest-remainder", lines: ["SVR-NORRA", "SVR-SODRA"].map((code) => ({ label: code, recipientCode: code, method: "equal" })) },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    for (let i = 0; i < 2; i++) expect((await call("GET", `/api/allocations/${id}`)).status).toBe(200);
  });

  it("ends the session on both servers at logout", async () => {
    const call = await browser();
    expect((await call("POST", "/api/auth/logout")).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await call("GET", "/api/auth/me")).status).toBe(401);
  });

  it("sees a role changed elsewhere on both servers, though each keeps the sessions it has read", async () => {
    const call = await browser();
    const roleOf = async () => ((await (await call("GET", "/api/auth/me")).json()) as { user: { roles: { role: string }[] } }).user.roles.map((r) => r.role);
    // Both servers have read the session (and keep it).
    expect([await roleOf(), await roleOf()]).toEqual([["approver"], ["approver"]]);
    const anna = await opened.db.selectFrom("users").select("id").where("username", "=", "anna").executeTakeFirstOrThrow();
    try {
      // As another process would (the CLI, a third server): each server hears of it from PostgreSQL.
      await opened.db.updateTable("user_roles").set({ role: "reader" }).where("user_id", "=", anna.id).execute();
      const seen: string[][] = [];
      for (let i = 0; i < 40 && seen.slice(-2).flat().join() !== "reader,reader"; i++) {
        seen.push(await roleOf());
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(seen.slice(-2)).toEqual([["reader"], ["reader"]]);
      // A notice arrives within milliseconds of the commit; the first request after it already sees it.
      expect(seen.length).toBeLessThanOrEqual(4);
    } finally {
      await opened.db.updateTable("user_roles").set({ role: "approver" }).where("user_id", "=", anna.id).execute();
    }
  });

  it("counts failed logins on both servers together: the guesser is throttled as soon as the sum says so, on either server", async () => {
    const attempt = (url: string, pw: string) => fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ username: "bertil", password: pw }) });
    // Ten attempts lock the account (src/app/auth/throttle.ts), refused ones included, so the
    // lock does not depend on how fast they come. Each server sees five: were the counters kept
    // per process, neither would lock and the right password would let Bertil in.
    for (let i = 0; i < 10; i++) expect([401, 429]).toContain((await attempt(proxy.url, "fel-lösenord")).status);
    for (const s of servers) {
      const res = await attempt(s.url, password);
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/spärrad/);
    }
  });

  it("sends each due reminder once when two processes send at the same moment", async () => {
    const inbox: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        stream.on("data", () => {});
        stream.on("end", () => {
          inbox.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const jamtland = await opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow();
      await opened.db.insertInto("reminder_settings").values({ organisation_id: jamtland.id, email: "kansli@regionjh.se", days_before: 30, enabled: true }).execute();
      const mailEnv = { ...env, FORDELA_SMTP_URL: `smtp://127.0.0.1:${port}` };
      const send = () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [join("bin", "fordela.mjs"), "reminders", "send", "--today", "2023-11-20"], { env: mailEnv, stdio: "ignore" });
          child.on("exit", resolve);
        });
      const codes = await Promise.all([send(), send()]);
      expect(codes).toEqual([0, 0]);
      expect(inbox.length).toBeGreaterThan(0);
      expect(new Set(inbox).size).toBe(1);
      const sent = await opened.db.selectFrom("reminders_sent").select(["deadline_key", "email"]).where("email", "=", "kansli@regionjh.se").execute();
      expect(inbox).toHaveLength(sent.length);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
