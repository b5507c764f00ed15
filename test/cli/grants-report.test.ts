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

  it("shows the overview for Region Jämtland Härjedalen as a table, writes the requisition with the demo's payee and the report as PDF", () => {
    const table = fordela(env, "grants", "report", "23", "--today", "2024-03-01");
    expect(table.stderr).toBe("");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Region Jämtland Härjedalen (23), statsbidrag per 2024-03-01");
    expect(table.stdout).toMatch(/5 039 944 kr +0 kr +5 039 944 kr +5 039 944 kr +Lämna ekonomisk redovisning till Socialstyrelsen senast 2024-03-31 +redovisning/);
    expect(table.stdout).toContain("Rätten till bidraget har förfallit");

    const partId = /^(\d+) +2023 +Ökad tillgänglighet/m.exec(table.stdout)![1]!;
    const folder = mkdtempSync(join(tmpdir(), "fordela-cli-report-"));
    const requisition = join(folder, "rekvisition.pdf");
    const req = fordela(env, "grants", "report", "23", "--document", "rekvisition", "--part", partId, "--out", requisition, "--date", "2023-06-01", "--signatory", "Sara Lewerentz", "--title", "Regiondirektör");
    expect(req.stderr).toBe("");
    expect(req.stdout).toContain(`Rekvisition version 1 skriven till ${requisition}.`);

    const out = join(folder, "redovisning.pdf");
    const made = fordela(env, "grants", "report", "23", "--document", "redovisning", "--part", partId, "--out", out, "--date", "2024-03-20", "--signatory", "Sara Lewerentz", "--title", "Regiondirektör");
    expect(made.stderr).toBe("");
    expect(made.stdout).toContain(`Ekonomisk redovisning version 1 skriven till ${out}.`);
    if (hasPoppler) {
      const reqText = execFileSync("pdftotext", ["-layout", requisition, "-"], { encoding: "utf8" }).replace(/[\u00a0\u202f]/g, " ");
      expect(reqText).toContain("232100-0214");
      expect(reqText).toContain("555-0009");
      expect(reqText).toContain("5 039 944 kr");
      const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" }).replace(/[\u00a0\u202f]/g, " ");
      expect(text).toContain("Ekonomisk redovisning");
      expect(text).toContain("5 039 944 kr återbetalas till Kammarkollegiet senast 2024-03-31");
      expect(text).toContain("Sara Lewerentz");
    }
  }, 400_000);

  it("shows and saves payment details, refusing a requisition without them and a wrong check digit", () => {
    expect(fordela(env, "grants", "payment", "23").stdout).toContain("Region Jämtland Härjedalen: organisationsnummer 232100-0214; Bankgiro 555-0009");
    const stockholm = fordela(env, "grants", "report", "01", "--today", "2023-06-01");
    expect(stockholm.code).toBe(0);
    const partId = /^(\d+) +2023 +S2023\/00488/m.exec(stockholm.stdout)![1]!;
    const refused = fordela(env, "grants", "report", "01", "--document", "rekvisition", "--part", partId, "--out", join(tmpdir(), "x.pdf"));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Fel: Ange organisationsnummer och bankgiro");

    const noPayee = fordela(env, "grants", "payment", "01", "--orgnr", "232100-0016");
    expect(noPayee.code).toBe(2);
    expect(noPayee.stderr).toContain("Ange precis ett av --bankgiro, --plusgiro, --bankkonto och --iban.");
    const badDigit = fordela(env, "grants", "payment", "01", "--orgnr", "232100-0016", "--bankgiro", "5050-1056");
    expect(badDigit.code).toBe(1);
    expect(badDigit.stderr).toContain("fel kontrollsiffra");
    const saved = fordela(env, "grants", "payment", "01", "--orgnr", "2321000016", "--bankgiro", "5050-1055");
    expect(saved.stderr).toBe("");
    expect(saved.stdout).toContain("Sparat för Region Stockholm: organisationsnummer 232100-0016; bankgiro 5050-1055.");
    const changed = fordela(env, "grants", "payment", "01", "--orgnr", "232100-0016", "--plusgiro", "4 42 80-6");
    expect(changed.stdout).toContain("plusgiro");
    const out = join(mkdtempSync(join(tmpdir(), "fordela-cli-req-")), "rekvisition.xlsx");
    expect(fordela(env, "grants", "report", "01", "--document", "rekvisition", "--part", partId, "--out", out).stdout).toContain("Rekvisition version 1");
  }, 400_000);

  it("refuses a carry-forward that does not move money to a later year, naming what is wrong", () => {
    const table = fordela(env, "grants", "report", "23", "--today", "2024-03-01");
    const partId = /^(\d+) +2023 +Ökad tillgänglighet/m.exec(table.stdout)![1]!;
    const sameYear = /^(\d+) +2023 +S2023\/00488/m.exec(table.stdout)![1]!;
    const missing = fordela(env, "grants", "carry-forward", "23", "--part", partId, "--to-part", sameYear, "--decided", "2024-02-01", "--deadline", "2025-03-31");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--diary: ange diarienumret");
    const badDate = fordela(env, "grants", "carry-forward", "23", "--part", partId, "--to-part", sameYear, "--diary", "S2024/00001", "--decided", "2024-02-30", "--deadline", "2025-03-31");
    expect(badDate.stderr).toContain("--decided: \"2024-02-30\" är inget datum som finns");
    const refused = fordela(env, "grants", "carry-forward", "23", "--part", partId, "--to-part", sameYear, "--diary", "S2024/00001", "--decided", "2024-02-01", "--deadline", "2025-03-31", "--cap", "1 000 000 kr");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("kan bara föras till ett senare år");
    expect(fordela(env, "grants", "report", "23", "--today", "2024-03-01").stdout).not.toContain("förs till nästa år");
  }, 400_000);
});
