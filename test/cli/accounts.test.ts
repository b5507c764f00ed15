import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed001Sie } from "../fixtures/ledger/seed001-sie";
import { fordela } from "../helpers/cli";
import { createCliEnvironment } from "../helpers/db";

// `fordela accounts suggest` after seed 001's first import: the suggestion, --accept, and the
// project accounts right without any other setting.
describe("fordela accounts suggest", { timeout: 300_000 }, () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
    dir = mkdtempSync(join(tmpdir(), "fordela-accounts-"));
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("suggests 3010 as joint financing, saves it with --accept, and seed 001's project accounts follow", async () => {
    const file = join(dir, "ssvr-2023.se");
    writeFileSync(file, await seed001Sie());
    expect(fordela(env, "import", "sie", file, "--org", "SVR-SODRA").code).toBe(0);

    const shown = fordela(env, "accounts", "suggest", "--org", "SVR-SODRA");
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("3010  Solidarisk finansiering  →  solidarisk finansiering (namnet innehåller ”solidarisk finansiering”)");
    expect(shown.stdout).toContain("Räknas redan som övriga intäkter: 3020 Ramanslag, 3120 Statsbidrag, 3510 Kursavgifter, 3920 Övriga intäkter.");
    expect(shown.stdout).toContain("Kör med --accept");

    const accepted = fordela(env, "accounts", "suggest", "--org", "SVR-SODRA", "--accept");
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain("Förslaget är sparat: 1 kontointervall tillagda.");
    expect(fordela(env, "accounts", "suggest", "--org", "SVR-SODRA").stdout).toContain("Inget att föreslå");

    const report = fordela(env, "report", "project-accounts", "--org", "SVR-SODRA", "--year", "2023", "--exclude", "8938", "--format", "json");
    expect(report.code).toBe(0);
    const table = JSON.parse(report.stdout) as { subtotal: Record<string, number> };
    expect(table.subtotal).toMatchObject({ opening: 3_762_505_400, jointFinancing: 263_362_000, otherIncome: 1_060_000_000, closing: 3_628_732_400 });
  });
});
