import { spawnSync } from "node:child_process";
import { inject } from "vitest";
import { NODE_OPTIONS } from "../../bin/node-options.mjs";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `fordela` command in its own process, as a user does: output and exit code.
 * It runs the compiled CLI that `npm start` runs, built from the current sources once per test
 * run (test/global-setup.ts), which also starts in half the time of the sources through tsx.
 */
export function fordela(env: NodeJS.ProcessEnv, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [...NODE_OPTIONS, inject("cliBundle"), ...args], { env, encoding: "utf8", timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
