import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_OPTIONS } from "../../bin/node-options.mjs";
import { fordela } from "../helpers/cli";
import { createCliEnvironment } from "../helpers/db";

// The production build: the CLI and server compiled to JavaScript that plain Node runs (an entry
// and a chunk per command, so a command loads only the packages it uses).
// Built into a folder of this test's own inside the installation, so a parallel test that runs
// the installed command never sees a half-written dist/server/fordela.mjs.
/** The packages a module loads before it runs: its static imports, and theirs among the build's own files. */
function staticPackages(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const text = readFileSync(entry, "utf8");
  const specifiers = [...text.matchAll(/^import\s[^;]*?from\s*"([^"]+)";/gms), ...text.matchAll(/^import\s*"([^"]+)";/gm)].map((m) => m[1]!);
  return specifiers.flatMap((s) => (s.startsWith(".") ? staticPackages(join(dirname(entry), s), seen) : s.startsWith("node:") ? [] : [s]));
}

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

  it("is plain JavaScript: no TypeScript loader is needed to run it, and --help loads no command", () => {
    const chunks = readdirSync(join(outDir, "chunks")).filter((f) => f.endsWith(".mjs"));
    for (const file of [bundle, ...chunks.map((f) => join(outDir, "chunks", f))]) expect(readFileSync(file, "utf8")).not.toMatch(/from ["']tsx/);
    // What the entry loads before it knows the command (its static imports, followed through the
    // chunks) holds none of the heavy packages: pdfmake, exceljs, the database and the server load with the commands that use them.
    const heavy = ["pdfmake", "exceljs", "@electric-sql/pglite", "kysely-pglite", "pg", "kysely", "hono", "@hono/node-server", "@hono/zod-openapi", "openid-client", "nodemailer"];
    expect(staticPackages(bundle).filter((p) => heavy.includes(p))).toEqual([]);
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
