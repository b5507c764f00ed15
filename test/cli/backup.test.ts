import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";
import { fordela } from "../helpers/cli";

// `fordela backup` and `fordela restore` as an operator runs them; the round trip of every table
// is tested in src/db/backup/backup.test.ts.

describe("fordela backup / restore", () => {
  let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
  let dir: string;
  beforeAll(async () => {
    cli = await createCliEnvironment();
    dir = mkdtempSync(join(tmpdir(), "fordela-cli-backup-"));
  });
  afterAll(async () => {
    await cli.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up, refuses to restore over a used database without --force, restores with it", { timeout: 400_000 }, () => {
    expect(fordela(cli.env, "user", "add", "anna", "--org", "23", "--role", "editor").code).toBe(0);
    const file = join(dir, "kopia.gz");
    const backup = fordela(cli.env, "backup", file);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/^Säkerhetskopia skriven till .*kopia\.gz: \d+ tabeller, \d+ rader\.$/m);
    expect(backup.code).toBe(0);

    const refused = fordela(cli.env, "restore", file);
    expect(refused.stderr.trim()).toMatch(/^Fel: Databasen används redan \(1 användare, 1 poster i granskningsloggen\)\. .*--force/);
    expect(refused.code).toBe(1);

    const restored = fordela(cli.env, "restore", file, "--force");
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toMatch(/^Databasen är återställd från kopian gjord .*granskningsloggen är obruten \(2 poster\)\.$/m);
    expect(fordela(cli.env, "audit", "verify").code).toBe(0);
  });
});
