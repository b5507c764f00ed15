// Benchmark of the follow-up: `npm run bench` (BENCH_TRANSACTIONS=… to scale down; BENCH_IMPORT=0
// or BENCH_LOAD=0 to leave out the import part or the server under load).
// Imports the reference ledger (bench/reference/gen_ledger.py, 1 000 000 vouchers; the bench's
// own reproducible SIE 4 file when python3 is missing or BENCH_REFERENCE=0) into PGlite and
// PostgreSQL, times the budget-vs-outcome report over it, and times hledger's
// `balance --budget` on the bench's own file.
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "../src/db/connect";
import { migrate } from "../src/db/migrate";
import { importSie } from "../src/ledger/import-sie";
import { budgetVsOutcomeReport } from "../src/ledger/report";
import { generateSieFile } from "../src/formats/sie";
import { NODE_OPTIONS } from "../bin/node-options.mjs";
import { writeHledgerJournal } from "./hledger-journal";
import { loadBench, printLoadRows, type LoadRow } from "./load";
import { referenceLedger } from "./reference-ledger";

const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 1_000_000);
const PG_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SEED = 20240101;
const YEAR = 2024;

/** Highest resident set size seen while `work` runs, sampled every 20 ms. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - start, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

function vmHwmMb(): number | null {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : null;
}

interface Row {
  what: string;
  seconds: string;
  rowsPerSecond: string;
  peakRssMb: string;
  note: string;
}
const rows: Row[] = [];
const fmt = (n: number) => Math.round(n).toLocaleString("sv-SE");

/**
 * The disks written out before an import is timed: the PostgreSQL import came right after
 * PGlite's, whose gigabyte of files the kernel was still writing back, and measured 256 000
 * rows/s there against 300 000–344 000 on a quiet machine. A CHECKPOINT needs a superuser; without
 * one the server's own dirty buffers stay.
 */
async function settleWrites(opened: OpenDatabase): Promise<void> {
  spawnSync("sync");
  if (opened.kind === "postgres") await sql`CHECKPOINT`.execute(opened.db).catch(() => {});
}

async function benchDatabase(kind: "PGlite" | "PostgreSQL", opened: OpenDatabase, file: string, year: number): Promise<void> {
  await migrate(opened.db);
  const { id } = await opened.db.insertInto("organisations").values({ code: "BENCH", kind: "region", name: "Bench", short_name: "Bench", county_code: null, parent_id: null }).returning("id").executeTakeFirstOrThrow();
  let lastShown = -1;
  await settleWrites(opened);
  const imported = await measure(() =>
    importSie(opened.db, file, {
      organisationId: id,
      onProgress: (p) => {
        const percent = p.totalBytes ? Math.floor((p.bytesRead * 100) / p.totalBytes) : 0;
        if (percent >= lastShown + 10) {
          lastShown = percent;
          process.stderr.write(`  ${kind}: ${percent} % (${fmt(p.transactions)} transaktioner)\n`);
        }
      },
    }),
  );
  const n = imported.value.transactions;
  rows.push({ what: `${kind}: import`, seconds: (imported.ms / 1000).toFixed(2), rowsPerSecond: fmt(n / (imported.ms / 1000)), peakRssMb: imported.peakRssMb.toFixed(0), note: kind === "PGlite" ? "mål: topp ≤ 300 MB (se VmHWM)" : "mål ≥ 275 000 rader/s" });
  for (const by of ["class", "account", "costcentre", "project", "month"] as const) {
    await budgetVsOutcomeReport(opened.db, { organisationId: id, year, by }); // warm-up
    const times: number[] = [];
    let peak = 0;
    for (let i = 0; i < 5; i++) {
      const r = await measure(() => budgetVsOutcomeReport(opened.db, { organisationId: id, year, by }));
      times.push(r.ms);
      peak = Math.max(peak, r.peakRssMb);
    }
    times.sort((a, b) => a - b);
    rows.push({ what: `${kind}: budget mot utfall (${by})`, seconds: (times[2]! / 1000).toFixed(3), rowsPerSecond: fmt(n / (times[2]! / 1000)), peakRssMb: peak.toFixed(0), note: `median av 5; mål p50 ≤ ${kind === "PGlite" ? "0,100" : "0,050"} s` });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "fordela-bench-"));
  let ledger: { file: string; year: number; description: string } | undefined;
  try {
    const file = join(dir, "bench.se");
    process.stderr.write(`Genererar ${fmt(TRANSACTIONS)} #TRANS-rader (frö ${SEED}) i ${file}\n`);
    const gen = await measure(() => generateSieFile(createWriteStream(file), { seed: SEED, transactions: TRANSACTIONS, accounts: 300, costCentres: 500, projects: 200, year: YEAR }));
    rows.push({ what: "Generera SIE-fil", seconds: (gen.ms / 1000).toFixed(2), rowsPerSecond: fmt(TRANSACTIONS / (gen.ms / 1000)), peakRssMb: gen.peakRssMb.toFixed(0), note: `${(statSync(file).size / 2 ** 20).toFixed(0)} MB` });
    // The imports, the reports and the server under load run over the reference ledger (1 000 000
    // vouchers) when its generator can run; hledger reads the bench's own file.
    ledger = referenceLedger(dir) ?? { file, year: YEAR, description: `bänkens egen fil, ${fmt(TRANSACTIONS)} #TRANS-rader` };
    process.stderr.write(`Import, rapporter och last över ${ledger.description}\n`);

    // BENCH_IMPORT=0 skips this part (each database's import and reports, and hledger) to measure the server alone.
    if (process.env.BENCH_IMPORT !== "0") {
      // Each database in a child process of its own: the other's memory (PGlite's heap holds its
      // whole cluster) must not count in this one's peak, and each child reports its own VmHWM.
      // The children run with the product's Node options, as the server does.
      for (const kind of ["PGlite", "PostgreSQL"] as const) {
        const child = spawnSync(process.execPath, [...NODE_OPTIONS, ...process.execArgv, process.argv[1]!, "--child", kind, ledger.file, dir, String(ledger.year)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 });
        const out = child.stdout.trim().split("\n").pop() ?? "";
        if (child.status !== 0 || !out.startsWith("{")) {
          rows.push({ what: kind, seconds: "–", rowsPerSecond: "–", peakRssMb: "–", note: `barnprocessen misslyckades (status ${child.status})` });
          continue;
        }
        const reported = JSON.parse(out) as { rows: Row[]; vmHwmMb: number | null };
        rows.push(...reported.rows, { what: `${kind}: processens VmHWM`, seconds: "", rowsPerSecond: "", peakRssMb: reported.vmHwmMb?.toFixed(0) ?? "–", note: kind === "PGlite" ? "mål ≤ 300 MB" : "" });
      }

      const journal = join(dir, "bench.journal");
      const written = await measure(() => writeHledgerJournal(file, journal));
      rows.push({ what: "Skriv hledger-journal", seconds: (written.ms / 1000).toFixed(2), rowsPerSecond: fmt(TRANSACTIONS / (written.ms / 1000)), peakRssMb: written.peakRssMb.toFixed(0), note: "" });
      const version = hledgerVersion();
      if (version.status === 0) {
        const start = performance.now();
        const out = execFileSync("/usr/bin/time", ["-f", "%M", "hledger", "-f", journal, "balance", "--budget", "-p", String(YEAR), "--depth", "1"], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
        const ms = performance.now() - start;
        void out;
        rows.push({ what: `hledger balance --budget (${version.stdout.trim()})`, seconds: (ms / 1000).toFixed(2), rowsPerSecond: fmt(TRANSACTIONS / (ms / 1000)), peakRssMb: "–", note: "läser journalen och summerar per klass" });
        const ours = rows.find((r) => r.what === "PostgreSQL: budget mot utfall (class)") ?? rows.find((r) => r.what === "PGlite: budget mot utfall (class)");
        const importRow = rows.find((r) => r.what === "PostgreSQL: import") ?? rows.find((r) => r.what === "PGlite: import");
        // Only over the same file: the reference ledger is not the file hledger read.
        if (ours && importRow && ledger.file === file) {
          const reportRatio = ms / 1000 / Number(ours.seconds);
          const withImport = ms / 1000 / (Number(ours.seconds) + Number(importRow.seconds));
          rows.push({ what: "Kvot hledger / Fördela", seconds: "", rowsPerSecond: "", peakRssMb: "", note: `rapport: ${reportRatio.toFixed(0)}×; import + rapport: ${withImport.toFixed(2)}× (${ours.what.split(":")[0]})` });
        }
      } else rows.push({ what: "hledger", seconds: "–", rowsPerSecond: "–", peakRssMb: "–", note: "hledger saknas och kunde inte installeras (apt-get install hledger)" });
    }
    if (process.env.BENCH_LOAD !== "0") loadRows.push(...(await serverUnderLoad(dir, ledger)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const header: Row = { what: "Steg", seconds: "Sekunder", rowsPerSecond: "Rader/s", peakRssMb: "Topp RSS MB", note: "" };
  const all = [header, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  console.log(`\nFördela bench: import och rapporter över ${ledger?.description ?? "–"}; bänkens egen fil (generering, hledger): ${fmt(TRANSACTIONS)} #TRANS-rader, 300 konton, 500 kostnadsställen, 200 projekt\n`);
  for (const r of all) console.log(`${r.what.padEnd(w("what"))}  ${r.seconds.padStart(w("seconds"))}  ${r.rowsPerSecond.padStart(w("rowsPerSecond"))}  ${r.peakRssMb.padStart(w("peakRssMb"))}  ${r.note}`);
  console.log(`\nHuvudprocessens högsta RSS (VmHWM; generering och hledger-journal): ${vmHwmMb()?.toFixed(0) ?? "okänd"} MB`);
  if (loadRows.length > 0) printLoadRows(loadRows);
}

const loadRows: LoadRow[] = [];

/**
 * The server on each database, with the reference ledger of 1 000 000 vouchers imported when
 * the generator beside the repository is there (the bench's own file otherwise), under load.
 */
async function serverUnderLoad(dir: string, ledger: { file: string; year: number }): Promise<LoadRow[]> {
  spawnSync(process.execPath, ["scripts/build-server.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
  // The web build, for the page the server is asked for while it imports.
  if (!existsSync(join("dist", "web", "index.html"))) spawnSync("npm", ["run", "build:web"], { stdio: ["ignore", "ignore", "inherit"] });
  const out: LoadRow[] = [];
  const pglite = join(dir, "pglite-load");
  mkdirSync(pglite, { recursive: true });
  out.push(...(await loadBench("PGlite", { ...process.env, DATABASE_URL: "", FORDELA_DATA_DIR: pglite, FORDELA_INSECURE_COOKIES: "1" }, ledger.file, "23", ledger.year)));
  const name = `fordela_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    out.push({ what: "PostgreSQL", connections: "", requestsPerSecond: "", p50: "", p99: "", errors: "", health: "", note: `ej tillgänglig: ${(e as Error).message}` });
    return out;
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    out.push(...(await loadBench("PostgreSQL", { ...process.env, DATABASE_URL: url.toString(), FORDELA_INSECURE_COOKIES: "1" }, ledger.file, "23", ledger.year)));
  } finally {
    const dropper = new pg.Client({ connectionString: PG_URL });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  }
  return out;
}

/**
 * Debian's hledger, installed with apt-get when it is missing and this runs as root (as .ci/run
 * installs chromium), so that a fresh machine's bench prints the comparison too.
 */
function hledgerVersion(): { status: number | null; stdout: string } {
  const found = spawnSync("hledger", ["--version"], { encoding: "utf8" });
  if (found.status === 0 || process.getuid?.() !== 0 || spawnSync("apt-get", ["--version"]).status !== 0) return found;
  process.stderr.write("Installerar Debians hledger (apt-get install hledger) …\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "hledger"], { stdio: "ignore", env });
  return spawnSync("hledger", ["--version"], { encoding: "utf8" });
}

/** One database's import and reports, run in a child process; prints its rows as JSON. */
async function child(kind: "PGlite" | "PostgreSQL", file: string, dir: string, year: number): Promise<void> {
  if (kind === "PGlite") {
    // On disk, as the product runs it (FORDELA_DATA_DIR); BENCH_PGLITE=memory for memory://.
    const dataDir = process.env.BENCH_PGLITE === "memory" ? "memory://" : join(dir, "pglite");
    if (dataDir !== "memory://") {
      // The product opens a data dir made at its first start: initdb's memory (≈ 550 MB more at
      // its peak) belongs to that one-off start, so it runs in a process of its own here.
      mkdirSync(dataDir, { recursive: true });
      const init = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--init-pglite", dataDir], { stdio: ["ignore", "ignore", "inherit"] });
      if (init.status !== 0) throw new Error(`PGlite-katalogen ${dataDir} kunde inte skapas`);
    }
    const lite = await openDatabase({ dataDir });
    try {
      await benchDatabase("PGlite", lite, file, year);
    } finally {
      await lite.close();
    }
  } else {
    const name = `fordela_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    let pgOk = true;
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
    } catch (e) {
      pgOk = false;
      rows.push({ what: "PostgreSQL", seconds: "–", rowsPerSecond: "–", peakRssMb: "–", note: `ej tillgänglig: ${(e as Error).message}` });
    } finally {
      await admin.end().catch(() => {});
    }
    if (pgOk) {
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const opened = await openDatabase({ url: url.toString() });
      try {
        await benchDatabase("PostgreSQL", opened, file, year);
      } finally {
        await opened.close();
        const dropper = new pg.Client({ connectionString: PG_URL });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      }
    }
  }
  process.stdout.write(`${JSON.stringify({ rows, vmHwmMb: vmHwmMb() })}\n`);
}

const childAt = process.argv.indexOf("--child");
const initAt = process.argv.indexOf("--init-pglite");
if (initAt >= 0) {
  const made = await openDatabase({ dataDir: process.argv[initAt + 1]! });
  await migrate(made.db);
  await made.close();
} else if (childAt >= 0) await child(process.argv[childAt + 1] as "PGlite" | "PostgreSQL", process.argv[childAt + 2]!, process.argv[childAt + 3]!, Number(process.argv[childAt + 4]));
else await main();
