import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";
import { fordela as runCli } from "../helpers/cli";

// `fordela grants report` on the demo data: the coordinator's overview as a table and JSON, and
// the financial report of seed 003 written as a PDF.
function fordela(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = runCli(env, ...args);
  return { ...r, stdout: r.stdout.replace(/[\u00a0\u202f]/g, " "), stderr: r.stderr.replace(/[\u00a0\u202f]/g, " ") };
}

const hasPoppler = spawnSync("which", ["pdftotext"]).status === 0;

describe("fordela grants report", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
    expect(fordela(env, "demo").code).toBe(0);
  }, 120_000);
  afterAll(() => drop());

  it("shows the overview for Region Jämtland Härjedalen as a table, refuses a requisition without payee details, and writes the report as PDF", () => {
    const table = fordela(env, "grants", "report", "23", "--today", "2024-03-01");
    expect(table.stderr).toBe("");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Region Jämtland Härjedalen (23), statsbidrag per 2024-03-01");
    expect(table.stdout).toMatch(/5 039 944 kr +0 kr +5 039 944 kr +5 039 944 kr +Lämna ekonomisk redovisning till Socialstyrelsen senast 2024-03-31 +redovisning/);
    expect(table.stdout).toContain("Rätt till bidraget har förfallit".replace("Rätt till", "Rätten till"));

    const partId = /^(\d+) +2023 +Ökad tillgänglighet/m.exec(table.stdout)![1]!;
    const refused = fordela(env, "grants", "report", "23", "--document", "rekvisition", "--part", partId, "--out", join(tmpdir(), "x.pdf"));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Fel: Ange organisationsnummer och bankgiro");

    const out = join(mkdtempSync(join(tmpdir(), "fordela-cli-report-")), "redovisning.pdf");
    const made = fordela(env, "grants", "report", "23", "--document", "redovisning", "--part", partId, "--out", out, "--date", "2024-03-20", "--signatory", "Sara Lewerentz", "--title", "Regiondirektör");
    expect(made.stderr).toBe("");
    expect(made.stdout).toContain(`Ekonomisk redovisning version 1 skriven till ${out}.`);
    if (hasPoppler) {
      const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" }).replace(/[\u00a0\u202f]/g, " ");
      expect(text).toContain("Ekonomisk redovisning");
      expect(text).toContain("5 039 944 kr återbetalas till Kammarkollegiet senast 2024-03-31");
      expect(text).toContain("Sara Lewerentz");
    }
  }, 400_000);
});
