// The reference ledger the project's benchmarks are compared on: 1 000 000 vouchers and about
// 2 760 000 #TRANS rows for 2023, written by bench/reference/gen_ledger.py (copied from the project's shared bench
// material with its README, which has hledger's, ledger's and beancount's figures for it).
// Used when python3 is there; the bench never needs it (it has its own generator).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

const generator = join(import.meta.dirname, "reference", "gen_ledger.py");

export function referenceLedger(dir: string): { file: string; year: number; description: string } | undefined {
  if (process.env.BENCH_REFERENCE === "0" || !existsSync(generator)) return undefined;
  const vouchers = Number(process.env.BENCH_VOUCHERS ?? 1_000_000);
  const prefix = `gl_${vouchers}`;
  const made = spawnSync("python3", [generator, "-n", String(vouchers), "--seed", "42", "--out", dir, "--prefix", prefix, "--no-beancount"], { stdio: ["ignore", "ignore", "inherit"] });
  const file = join(dir, `${prefix}.se`);
  if (made.status !== 0 || !existsSync(file)) return undefined;
  return { file, year: 2023, description: `referenshuvudboken gen_ledger.py -n ${vouchers} --seed 42 (${(statSync(file).size / 2 ** 20).toFixed(0)} MB)` };
}
