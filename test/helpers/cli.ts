import { spawnSync } from "node:child_process";
import { NODE_OPTIONS } from "../../bin/node-options.mjs";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `fordela` command in its own process, as a user does: output and exit code. */
export function fordela(env: NodeJS.ProcessEnv, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [...NODE_OPTIONS, "--import", "tsx", "src/cli/main.ts", ...args], { env, encoding: "utf8", timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
