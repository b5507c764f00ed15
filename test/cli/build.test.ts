import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_OPTIONS } from "../../bin/node-options.mjs";
import { fordela } from "../helpers/cli";
import { createCliEnvironment } from "../helpers/db";

// The production build: the CLI and server compiled to one JavaScript file that plain Node runs.
// Built into a folder of this test's own inside the installation, so a parallel test that runs
// the installed command never sees a half-written dist/server/fordela.mjs.
describe("npm run build:server", () => {
  mkdirSync("dist", { recursive: true });
  const outDir = mkdtempSync(join("dist", "test-build-"));
  const bundle = join(outDir, "fordela.mjs");
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, ["scripts/build-server.mjs", "--outfile", bundle], { encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    ({ env, drop } = await createCliEnvironment());
  });
  afterAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    await drop();
  });

  it("is plain JavaScript: no TypeScript loader is needed to run it", () => {
    expect(readFileSync(bundle, "utf8")).not.toMatch(/from ["']tsx/);
    const help = spawnSync(process.execPath, [...NODE_OPTIONS, bundle, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Användning: fordela <kommando>");
  });

  it("computes the same allocation as the sources, reading migrations and reference data from the installation", () => {
    const args = ["allocate", "--total", "62 500 000 kr", "--recipients", "regioner", "--key", "population", "--date", "2023-12-31", "--format", "json"];
    const compiled = spawnSync(process.execPath, [...NODE_OPTIONS, bundle, ...args], { env, encoding: "utf8", timeout: 170_000 });
    expect(compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
    const fromSources = fordela(env, ...args);
    expect(fromSources.code).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(fromSources.stdout));
  });
});
