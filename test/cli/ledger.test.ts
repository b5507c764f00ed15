import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCp437 } from "../../src/formats/sie/encoding";
import { fordela } from "../helpers/cli";
import { createCliEnvironment } from "../helpers/db";

/** A year 2024 file: `vouchers` salaries of 100 kr, and a budget of 5 000 kr for January on 7010. */
function yearFile(vouchers: number): string {
  const lines = ["#FLAGGA 0", "#SIETYP 4", "#RAR 0 20240101 20241231", '#KONTO 7010 "Löner"', '#KONTO 1930 "Bank"', "#PBUDGET 0 202401 7010 {} 5000.00"];
  for (let v = 1; v <= vouchers; v++) lines.push(`#VER A ${v} 20240115 "Lön"`, "{", "#TRANS 7010 {} 100.00", "#TRANS 1930 {} -100.00", "}");
  return lines.join("\r\n") + "\r\n";
}

// `fordela import sie` and `fordela report` as a user runs them: real processes, on PGlite or (DATABASE_URL) PostgreSQL.
describe("fordela import sie and fordela report", { timeout: 300_000 }, () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let dir: string;
  const write = (name: string, text: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, typeof text === "string" ? encodeCp437(text) : text);
    return path;
  };
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
    dir = mkdtempSync(join(tmpdir(), "fordela-sie-"));
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports a file, then refuses to replace the year without --replace, showing before and after", () => {
    const first = fordela(env, "import", "sie", write("hel.se", yearFile(40)), "--org", "23");
    expect(first.stderr).not.toMatch(/Fel/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Importerade 80 transaktioner i 40 verifikationer för 2024/);

    const again = fordela(env, "import", "sie", write("liten.se", yearFile(3)), "--org", "23");
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/Transaktioner: 80 → 6/);
    expect(again.stderr).toMatch(/Personal: 4[\s\u00a0]000 kr → 300 kr/);
    expect(again.stderr).toMatch(/långt färre transaktioner/);
    expect(again.stderr).toMatch(/--replace/);

    const report = fordela(env, "report", "budget-vs-outcome", "--org", "23", "--year", "2024", "--by", "account", "--format", "json");
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { rows: { key: string; budget: number; outcome: number }[] };
    expect(json.rows.find((r) => r.key === "7010")).toMatchObject({ budget: -500_000, outcome: -400_000 });
  });

  it("replaces with --replace, and the report follows", () => {
    const replaced = fordela(env, "import", "sie", write("ny.se", yearFile(3)), "--org", "23", "--replace");
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/ersätter import \d+/);
    const table = fordela(env, "report", "budget-vs-outcome", "--org", "23", "--year", "2024");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Personal/);
    expect(table.stdout).toMatch(/-300 kr/);

    // The replaced file is a kept version: make-current brings it back, and the report with it.
    const earlier = /ersätter import (\d+)/.exec(replaced.stdout)![1]!;
    const current = fordela(env, "import", "make-current", earlier);
    expect(current.stderr).toBe("");
    expect(current.stdout).toMatch(new RegExp(`^Import ${earlier} gäller nu för 2024; import \\d+ sparas som version\\.`));
    expect(fordela(env, "report", "budget-vs-outcome", "--org", "23", "--year", "2024").stdout).toMatch(/-4[\s\u00a0]000 kr/);
    const again = fordela(env, "import", "make-current", earlier);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(new RegExp(`Import ${earlier} är redan den gällande för 2024`));
    // And back to the three-voucher file the next test reads.
    const later = /import (\d+) sparas som version/.exec(current.stdout)![1]!;
    expect(fordela(env, "import", "make-current", later).code).toBe(0);
  });

  it("refuses a cut file, an empty one and a wrong SIE type, naming the line, and stores nothing", () => {
    const whole = yearFile(2);
    const cut = fordela(env, "import", "sie", write("cut.se", whole.slice(0, whole.indexOf("#VER") + 12)), "--org", "23", "--replace");
    expect(cut.code).not.toBe(0);
    expect(cut.stderr).toMatch(/cut\.se, rad 7/);
    const empty = fordela(env, "import", "sie", write("tom.se", new Uint8Array([0xef, 0xbb, 0xbf])), "--org", "23", "--replace");
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toMatch(/tom\.se/);
    const five = fordela(env, "import", "sie", write("fem.se", yearFile(1).replace("#SIETYP 4", "#SIETYP 5")), "--org", "23", "--replace");
    expect(five.code).not.toBe(0);
    expect(five.stderr).toMatch(/fem\.se, rad 2 \(#SIETYP typnr\): SIE-typ 5 finns inte/);
    const table = fordela(env, "report", "budget-vs-outcome", "--org", "23", "--year", "2024", "--format", "csv");
    expect(table.stdout).toMatch(/-300,00/);
  });

  it("reports a July–June financial year as the file names it, 2009/10, with all twelve months", () => {
    const file = new URL("../fixtures/sie-samples/BL0001_typ4.SE", import.meta.url).pathname;
    const imported = fordela(env, "import", "sie", file, "--org", "23");
    expect(imported.code).toBe(0);
    const table = fordela(env, "report", "budget-vs-outcome", "--org", "23", "--year", "2009", "--by", "month");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Utfall 2009\/10/);
    expect(table.stdout).toMatch(/Räkenskapsår 2009\/10: 2009-07 – 2010-06\./);
    const months = [...table.stdout.matchAll(/^(\S+ 20\d\d)\s/gm)].map((m) => m[1]);
    expect(months).toEqual(["juli 2009", "augusti 2009", "september 2009", "oktober 2009", "november 2009", "december 2009", "januari 2010", "februari 2010", "mars 2010", "april 2010", "maj 2010", "juni 2010"]);
  });

  it("keeps the annual report's registers: a permit and an assignment added, then listed as the report prints them", () => {
    const permit = fordela(env, "registers", "add-permit", "--org", "23", "--year", "2023", "--area", "Bäckenkirurgi", "--phase", "2023-05-24", "--outcome", "granted", "--start", "2024-07-01", "--principal", "Sus");
    expect(permit.stderr).toBe("");
    expect(permit.code).toBe(0);
    expect(fordela(env, "registers", "add-assignment", "--org", "23", "--year", "2023", "--unit", "RCC Syd", "--role", "Webbansvarig", "--percent", "75").code).toBe(0);
    const list = fordela(env, "registers", "list", "--org", "23", "--year", "2023");
    expect(list.stdout).toMatch(/^Bäckenkirurgi\s+NHV 2023-05-24\s+Tillstånd\s+2024-07-01\s+Sus$/m);
    expect(list.stdout).toMatch(/^Webbansvarig\s+75\s%$/m);
    expect(list.stdout).toMatch(/^Summa\s+75\s%$/m);
    const bad = fordela(env, "registers", "add-permit", "--org", "23", "--year", "2023", "--area", "X", "--phase", "2023-02-30", "--outcome", "granted", "--principal", "Sus");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--phase "2023-02-30" är inget datum/);
  });

  it("names a missing year and an unknown report", () => {
    expect(fordela(env, "report", "budget-vs-outcome", "--org", "23").stderr).toMatch(/--year/);
    expect(fordela(env, "report", "okänd", "--org", "23", "--year", "2024").stderr).toMatch(/Okänd rapport/);
  });
});
