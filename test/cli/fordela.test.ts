import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";
import { fordela } from "../helpers/cli";

describe("fordela CLI", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
  });
  afterAll(() => drop());

  it("allocates 62 500 000 kr over the regions by population, adding up to the krona", () => {
    const r = fordela(env, "allocate", "--total", "62 500 000 kr", "--recipients", "regioner", "--key", "population", "--date", "2023-12-31", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { result } = JSON.parse(r.stdout) as { result: { total: number; shares: { label: string; amount: number }[] } };
    expect(result.shares).toHaveLength(21);
    expect(result.shares.reduce((a, s) => a + s.amount, 0)).toBe(62_500_000_00);
    expect(result.shares.find((s) => s.label === "Region Jämtland Härjedalen")).toBeDefined();
  });

  it("rounds seed 000's contributions up to 10 tkr per region as a table", () => {
    const r = fordela(env, "allocate", "--total", "11 462,5 tkr", "--recipients", "03,04,17,18,19,20,21", "--unit", "10 tkr", "--rounding", "up");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Region Uppsala");
    expect(r.stdout.match(/1\s640\s000\skr/g)).toHaveLength(7);
    expect(r.stdout).toMatch(/11\s480\s000\skr/);
    expect(r.stdout).toMatch(/avrundningen ger 17\s500\skr mer/);
  });

  it("writes seed 003's lines as CSV with the remainder", () => {
    const r = fordela(
      env,
      "allocate",
      "--total",
      "5 039 944 kronor",
      "--line",
      "BUP=973 541",
      "--line",
      "HOSPA=900 000",
      "--line",
      "Övriga kostnader=250 000",
      "--line",
      "Central vårdlots=1 500 000",
      "--line",
      "Övriga satsningar=rest",
      "--format",
      "csv",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Övriga satsningar;[^\n]*1416403/);
  });

  it("fails with a Swedish message and a non-zero exit code on bad input", () => {
    const bad = fordela(env, "allocate", "--total", "1.640", "--recipients", "regioner");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^Fel: --total: /);
    const noDate = fordela(env, "allocate", "--total", "100 kr", "--recipients", "23", "--key", "population", "--date", "2020-12-31");
    expect(noDate.code).toBe(1);
    expect(noDate.stderr).toMatch(/Folkmängd saknas/);
    const unknown = fordela(env, "frobnicate");
    expect(unknown.code).toBe(2);
  });

  it("names the option of a date that does not exist, before the database sees it", () => {
    // A date that matches ÅÅÅÅ-MM-DD but does not exist is named by its option, not by the database.
    const impossible = fordela(env, "allocate", "--total", "100 kr", "--recipients", "23", "--key", "population", "--date", "2023-13-45");
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toMatch(/^Fel: --date: "2023-13-45"/);
    expect(impossible.stderr).not.toMatch(/out of range/);
  });

  it("imports population figures and then allocates on them", () => {
    const file = join(env.FORDELA_DATA_DIR!, "population-2022-10-31-counties.csv");
    writeFileSync(file, "code,name,level,population\n23,Jämtlands län,lan,132000\n10,Blekinge län,lan,158000\n");
    const imported = fordela(env, "import", "population", file);
    expect(imported.stderr + imported.stdout).toMatch(/2022-10-31/);
    expect(imported.code).toBe(0);
    const r = fordela(env, "allocate", "--total", "290 000 kr", "--recipients", "23,10", "--date", "2022-10-31", "--format", "json");
    expect(r.code).toBe(0);
    const { result } = JSON.parse(r.stdout) as { result: { shares: { amount: number }[] } };
    expect(result.shares.map((s) => s.amount)).toEqual([132_000_00, 158_000_00]);
  });

  it("refuses an import with a bad line and stores nothing", () => {
    const file = join(env.FORDELA_DATA_DIR!, "population-2020-12-31-counties.csv");
    writeFileSync(file, "code,name,level,population\n23,Jämtlands län,lan,132000\n10,Blekinge län,lan,många\n");
    const r = fordela(env, "import", "population", file);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/rad 3/i);
    const after = fordela(env, "allocate", "--total", "1 kr", "--recipients", "23", "--date", "2020-12-31");
    expect(after.stderr).toMatch(/Folkmängd saknas/);
  });

  it("adds a user and prints a one-time password", () => {
    const r = fordela(env, "user", "add", "anna", "--name", "Anna Andersson", "--org", "23", "--role", "editor");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Engångslösenord .*: \S{20}/);
    const again = fordela(env, "user", "add", "anna", "--org", "23", "--role", "editor");
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/finns redan/);
  });
});
