// A Fördela server in a process of its own, started as an operator starts it (bin/fordela.mjs),
// for the load bench and the multi-instance test: how long it takes to answer, how much memory
// the process that does the work holds, and a clean stop.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

export interface StartedServer {
  url: string;
  /** The process that runs Fördela (the launcher's child). */
  pid: number | undefined;
  /** Milliseconds from spawn until the server printed its address. */
  startMs: number;
  /** Resident memory of the worker process (the one that runs Fördela), in MB. */
  rssMb(): number | null;
  stop(): Promise<void>;
}

/** Runs a `fordela` command to completion (import, user add…) with the given environment. */
export function fordelaCommand(env: NodeJS.ProcessEnv, args: string[], input?: string): string {
  const r = spawnSync(process.execPath, [join(root, "bin/fordela.mjs"), ...args], { env, input, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`fordela ${args.join(" ")} misslyckades (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The launcher starts the worker as its only child; its RSS is what the server holds. */
function workerPid(launcher: ChildProcess): number | undefined {
  try {
    const children = readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? Number(children[0]) : launcher.pid;
  } catch {
    return undefined;
  }
}

function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function startServer(env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<StartedServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, "bin/fordela.mjs"), "serve", "--port", "0", ...extraArgs], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`servern startade inte:\n${output}`)), 120_000);
    const check = () => {
      const match = /Fördela körs på (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`servern avslutades (${code}):\n${output}`));
    });
  });
  const startMs = performance.now() - started;
  const pid = workerPid(child);
  return {
    url,
    pid,
    startMs,
    rssMb: () => rssOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Logs in with a password and returns the cookie and CSRF token a browser would hold. */
export async function login(url: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`inloggningen misslyckades: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}
