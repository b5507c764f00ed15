// The server under load (`npm run bench`): a server process per database with the bench ledger
// imported, driven by autocannon at 50 and 200 connections on a plain read endpoint, the
// budget-vs-outcome report (every grouping) and drill-down, while a probe times /api/health.
// Also start-up time and memory of the compiled build against the TypeScript sources.
import { Worker } from "node:worker_threads";
import autocannon, { type Request } from "autocannon";
import { fordelaCommand, login, startServer, type StartedServer } from "../test/helpers/server-process";
import { cpuSplit } from "./cpu-split";
import { duringImport } from "./during-import";

export interface LoadRow {
  what: string;
  connections: string;
  requestsPerSecond: string;
  p50: string;
  p99: string;
  errors: string;
  health: string;
  note: string;
}

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const BENCH_USER = "bench";
const BENCH_EDITOR = "bench-import";
const BENCH_PASSWORD = "bänk-lösenord-som-är-långt";

interface Scenario {
  what: string;
  note: string;
  requests(organisationId: number, year: number): Request[];
}

const groupings = ["class", "account", "costcentre", "project", "month"];

const scenarios: Scenario[] = [
  { what: "läsning: /api/organisations", note: "mål p99 ≤ 100 ms (PostgreSQL, 200)", requests: () => [{ method: "GET", path: "/api/organisations?kind=region" }] },
  {
    what: "rapport: budget mot utfall",
    note: "alla fem grupperingar i tur; mål p99 ≤ 500 ms (PostgreSQL, 200)",
    requests: (org, year) => groupings.map((by) => ({ method: "GET", path: `/api/followup/budget-vs-outcome?organisationId=${org}&year=${year}&by=${by}` })),
  },
  {
    what: "drill-down: verifikationsrader",
    note: "en månad, 100 rader per sida",
    requests: (org, year) => [{ method: "GET", path: `/api/followup/transactions?organisationId=${org}&year=${year}&month=3&limit=100` }],
  },
];

/**
 * Times /api/health every 100 ms while a load runs: the slowest answer tells whether the server
 * stayed responsive. In a thread of its own, so that what is timed is the server: in this
 * process's loop, which also runs the load generator at up to 80 % of a core, an answer waited
 * for the generator's work too. Started, and connected by its first answer, before the load: like a
 * load balancer that keeps its connection, it is not among the 200 new connections the server
 * accepts at the start.
 */
async function healthProbe(url: string): Promise<{ stop(): Promise<{ maxMs: number; failures: number }> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
    let running = true, maxMs = 0, failures = 0;
    parentPort.once("message", () => (running = false));
    (async () => {
      await (await fetch(workerData + "/api/health")).arrayBuffer();
      parentPort.postMessage("connected");
      while (running) {
        const started = performance.now();
        try {
          const res = await fetch(workerData + "/api/health", { signal: AbortSignal.timeout(10000) });
          await res.arrayBuffer();
          if (res.status !== 200) failures++;
        } catch {
          failures++;
        }
        maxMs = Math.max(maxMs, performance.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
      parentPort.postMessage({ maxMs, failures });
    })();`,
    { eval: true, workerData: url },
  );
  await new Promise((resolve) => worker.once("message", resolve));
  const result = new Promise<{ maxMs: number; failures: number }>((resolve) => worker.once("message", resolve));
  return {
    async stop() {
      worker.postMessage("stop");
      const r = await result;
      await worker.terminate();
      return r;
    },
  };
}

async function drive(server: StartedServer, headers: Record<string, string>, requests: Request[], connections: number) {
  const probe = await healthProbe(server.url);
  const cpu = cpuSplit(server.pid);
  const result = await autocannon({ url: server.url, connections, duration: SECONDS, headers, requests, timeout: 10 });
  const cpuUse = cpu.stop();
  const health = await probe.stop();
  return { result, health, cpuUse };
}

const fmt = (n: number) => Math.round(n).toLocaleString("sv-SE");

/**
 * The bench ledger imported into a fresh database (env points at it), then the server started
 * and loaded. The database's organisation `orgCode` holds the ledger for `year`.
 */
export async function loadBench(kind: "PGlite" | "PostgreSQL", env: NodeJS.ProcessEnv, sieFile: string, orgCode: string, year: number): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  const row = (what: string, note: string, extra: Partial<LoadRow> = {}): LoadRow => ({ what: `${kind}: ${what}`, connections: "", requestsPerSecond: "", p50: "", p99: "", errors: "", health: "", note, ...extra });

  // Start-up of the sources through tsx against the compiled build, both measured to the line
  // that says the server answers, on a database an unmeasured first start has made (initdb and
  // migrations are a one-off).
  await (await startServer(env)).stop();
  for (const [label, runSource] of [["start (TypeScript via tsx)", "1"], ["start (kompilerad build)", "0"]] as const) {
    const server = await startServer({ ...env, FORDELA_RUN_SOURCE: runSource });
    await new Promise((r) => setTimeout(r, 1000));
    rows.push(row(label, `${(server.startMs / 1000).toFixed(2)} s till svar; RSS i vila ${server.rssMb()?.toFixed(0) ?? "–"} MB`));
    await server.stop();
  }

  const imported = performance.now();
  fordelaCommand(env, ["import", "sie", sieFile, "--org", orgCode]);
  rows.push(row("import av bänkhuvudboken (CLI)", `${((performance.now() - imported) / 1000).toFixed(1)} s`));
  fordelaCommand(env, ["user", "add", BENCH_USER, "--name", "Bänk", "--org", orgCode, "--role", "reader", "--password-stdin"], `${BENCH_PASSWORD}\n`);
  fordelaCommand(env, ["user", "add", BENCH_EDITOR, "--name", "Bänkimport", "--org", orgCode, "--role", "editor", "--password-stdin"], `${BENCH_PASSWORD}\n`);

  const server = await startServer(env);
  try {
    const { cookie } = await login(server.url, BENCH_USER, BENCH_PASSWORD);
    const headers = { cookie };
    const orgs = (await (await fetch(`${server.url}/api/organisations`, { headers })).json()) as { id: number; code: string }[];
    const organisationId = orgs.find((o) => o.code === orgCode)!.id;
    rows.push(...(await reportTimes(kind, server.url, headers, organisationId, year)));
    for (const scenario of scenarios) {
      const requests = scenario.requests(organisationId, year);
      // One request of each kind first, so no cold cache is measured as load.
      for (const r of requests) await (await fetch(`${server.url}${r.path}`, { headers })).arrayBuffer();
      for (const connections of [50, 200]) {
        process.stderr.write(`  ${kind}: ${scenario.what}, ${connections} anslutningar i ${SECONDS} s …\n`);
        const { result, health, cpuUse } = await drive(server, headers, requests, connections);
        const failed = result.errors + result.timeouts + result.non2xx;
        rows.push(
          row(scenario.what, [scenario.note, cpuUse].filter(Boolean).join("; "), {
            connections: String(connections),
            requestsPerSecond: fmt(result.requests.average),
            p50: `${result.latency.p50} ms`,
            p99: `${result.latency.p99} ms`,
            errors: failed === 0 ? "0" : `${failed} (${result.timeouts} tidsgräns, ${result.non2xx} ej 2xx)`,
            health: `max ${fmt(health.maxMs)} ms${health.failures ? `, ${health.failures} fel` : ""}`,
          }),
        );
      }
    }
    rows.push(row("serverns RSS efter lasten", `${server.rssMb()?.toFixed(0) ?? "–"} MB`));
    process.stderr.write(`  ${kind}: inloggning, sida och rapport medan bänkhuvudboken importeras igen …\n`);
    const users = { reader: { username: BENCH_USER, password: BENCH_PASSWORD }, editor: { username: BENCH_EDITOR, password: BENCH_PASSWORD } };
    rows.push(...(await duringImport(kind, server, users, sieFile, organisationId, year)));
  } finally {
    await server.stop();
  }
  return rows;
}

/**
 * Each grouping of budget vs outcome asked for once by one client: the first answer computes the
 * report over the imported ledger, the next five are served again (median) until an import or
 * the class mapping changes.
 */
async function reportTimes(kind: string, url: string, headers: Record<string, string>, organisationId: number, year: number): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  const timed = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${url}${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return performance.now() - started;
  };
  for (const by of groupings) {
    const path = `/api/followup/budget-vs-outcome?organisationId=${organisationId}&year=${year}&by=${by}`;
    const first = await timed(path);
    const again: number[] = [];
    for (let i = 0; i < 5; i++) again.push(await timed(path));
    again.sort((a, b) => a - b);
    rows.push({
      what: `${kind}: rapport (${by}), en klient`,
      connections: "1",
      requestsPerSecond: "",
      p50: `${fmt(again[2]!)} ms`,
      p99: "",
      errors: "",
      health: "",
      note: `första svaret (beräknas) ${fmt(first)} ms; p50 = igen (median av 5)`,
    });
  }
  return rows;
}

export function printLoadRows(rows: LoadRow[]): void {
  const header: LoadRow = { what: "Last", connections: "Anslutn.", requestsPerSecond: "Anrop/s", p50: "p50", p99: "p99", errors: "Fel", health: "/api/health", note: "" };
  const all = [header, ...rows];
  const w = (k: keyof LoadRow) => Math.max(...all.map((r) => r[k].length));
  console.log(`\nFördela under last: ${SECONDS} s per mätning (BENCH_LOAD_SECONDS)\n`);
  for (const r of all) {
    console.log(
      `${r.what.padEnd(w("what"))}  ${r.connections.padStart(w("connections"))}  ${r.requestsPerSecond.padStart(w("requestsPerSecond"))}  ${r.p50.padStart(w("p50"))}  ${r.p99.padStart(w("p99"))}  ${r.errors.padStart(w("errors"))}  ${r.health.padEnd(w("health"))}  ${r.note}`,
    );
  }
}
