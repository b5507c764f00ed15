// The server while it imports (issue 10 item 4): the bench ledger uploaded again through the API,
// and meanwhile a login, a page and a report each asked for in a loop of their own, and the
// import's progress polled. Prints each probe's p50/p99/max and the longest the progress bar stood still.
import { readFileSync } from "node:fs";
import { login, type StartedServer } from "../test/helpers/server-process";
import type { LoadRow } from "./load";

interface Probe {
  what: string;
  note: string;
  ask(): Promise<Response>;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
const ms = (n: number) => `${Math.round(n)} ms`;

/** Times `probe` back to back (a pause of 50 ms between) until `running()` is false. */
async function timeWhile(probe: Probe, running: () => boolean): Promise<{ times: number[]; failures: number }> {
  const times: number[] = [];
  let failures = 0;
  while (running()) {
    const started = performance.now();
    try {
      const res = await probe.ask();
      await res.arrayBuffer();
      if (res.status >= 400) failures++;
    } catch {
      failures++;
    }
    if (running()) times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { times, failures };
}

export interface DuringImportUsers {
  reader: { username: string; password: string };
  editor: { username: string; password: string };
}

export async function duringImport(kind: string, server: StartedServer, users: DuringImportUsers, sieFile: string, organisationId: number, year: number): Promise<LoadRow[]> {
  const row = (what: string, note: string, extra: Partial<LoadRow> = {}): LoadRow => ({ what: `${kind}: under import: ${what}`, connections: "", requestsPerSecond: "", p50: "", p99: "", errors: "", health: "", note, ...extra });
  const reader = await login(server.url, users.reader.username, users.reader.password);
  const editor = await login(server.url, users.editor.username, users.editor.password);
  const body = readFileSync(sieFile);
  const started = performance.now();
  const upload = await fetch(`${server.url}/api/ledger/imports/sie?organisationId=${organisationId}&fileName=bench.se&replace=true`, {
    method: "POST",
    headers: { cookie: editor.cookie, origin: server.url, "x-csrf-token": editor.csrf, "content-type": "application/octet-stream" },
    body,
  });
  if (upload.status !== 202) return [row("uppladdning", `svar ${upload.status}: ${await upload.text()}`)];
  const { id } = (await upload.json()) as { id: string };

  let running = true;
  let status = "running";
  let lastChange = performance.now();
  let stillest = 0;
  let lastSeen = -1;
  let polls = 0;
  const progress = (async () => {
    while (running) {
      const job = (await (await fetch(`${server.url}/api/ledger/jobs/${id}`, { headers: { cookie: editor.cookie } })).json()) as { status: string; transactions: number };
      polls++;
      const now = performance.now();
      if (job.transactions !== lastSeen) {
        stillest = Math.max(stillest, now - lastChange);
        lastChange = now;
        lastSeen = job.transactions;
      }
      if (job.status !== "running") {
        status = job.status;
        running = false;
      } else await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const probes: Probe[] = [
    {
      what: "inloggning",
      note: "mål p99 < 500 ms",
      ask: () => fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: server.url }, body: JSON.stringify(users.reader) }),
    },
    { what: "sida (/uppfoljning)", note: "mål p99 < 500 ms", ask: () => fetch(`${server.url}/uppfoljning`, { headers: { cookie: reader.cookie, accept: "text/html" } }) },
    {
      what: "rapport (budget mot utfall, konto)",
      note: "mål p99 < 500 ms",
      ask: () => fetch(`${server.url}/api/followup/budget-vs-outcome?organisationId=${organisationId}&year=${year}&by=account`, { headers: { cookie: reader.cookie } }),
    },
  ];
  const timed = await Promise.all(probes.map((p) => timeWhile(p, () => running)));
  await progress;
  const seconds = (performance.now() - started) / 1000;
  const rows = [row("importen", `${seconds.toFixed(1)} s från uppladdning till ${status === "done" ? "klar" : status}; ${polls} förloppsfrågor`)];
  probes.forEach((p, i) => {
    const { times, failures } = timed[i]!;
    const sorted = [...times].sort((a, b) => a - b);
    rows.push(row(p.what, `${times.length} anrop; ${p.note}`, { p50: ms(percentile(sorted, 50)), p99: ms(percentile(sorted, 99)), errors: String(failures), health: `max ${ms(sorted.at(-1) ?? NaN)}` }));
  });
  rows.push(row("förloppet", "mål: ändras minst en gång i sekunden", { health: `stod still högst ${ms(stillest)}` }));
  return rows;
}
