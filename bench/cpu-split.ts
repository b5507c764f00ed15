// Where the processor's time goes while a load runs: the server's process, PostgreSQL's
// processes and this one (the load generator), read from /proc. On a small machine the three
// share the cores, and the split says whether the server waits or is bound by the processor.
import { readdirSync, readFileSync } from "node:fs";

interface CpuTicks {
  server: number;
  postgres: number;
  generator: number;
}

const TICKS_PER_SECOND = 100;

function ticksOf(pid: string): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function isPostgres(pid: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("postgres");
  } catch {
    return false;
  }
}

function snapshot(serverPid: number | undefined): CpuTicks | undefined {
  try {
    let postgres = 0;
    for (const pid of readdirSync("/proc")) if (/^\d+$/.test(pid) && isPostgres(pid)) postgres += ticksOf(pid) ?? 0;
    return { server: serverPid ? (ticksOf(String(serverPid)) ?? 0) : 0, postgres, generator: ticksOf(String(process.pid)) ?? 0 };
  } catch {
    return undefined;
  }
}

/** Starts counting; `stop()` gives "server 10,6 · PostgreSQL 3,9 · lastgenerator 1,4 CPU-s på 30 s", or "" where /proc is missing. */
export function cpuSplit(serverPid: number | undefined): { stop(): string } {
  const before = snapshot(serverPid);
  const started = performance.now();
  return {
    stop() {
      const after = snapshot(serverPid);
      if (!before || !after) return "";
      const s = (k: keyof CpuTicks) => ((after[k] - before[k]) / TICKS_PER_SECOND).toLocaleString("sv-SE", { maximumFractionDigits: 1 });
      return `CPU-s: server ${s("server")} · PostgreSQL ${s("postgres")} · lastgenerator ${s("generator")} på ${Math.round((performance.now() - started) / 1000)} s`;
    },
  };
}
