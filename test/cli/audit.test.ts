import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connect";
import { createCliEnvironment } from "../helpers/db";
import { fordela } from "../helpers/cli";

// `fordela audit verify` on the database a real installation uses: intact after ordinary use,
// and the first altered entry named (exit code 1) after somebody edits the log behind the guard.

describe("fordela audit verify", () => {
  let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
  beforeAll(async () => {
    cli = await createCliEnvironment();
  });
  afterAll(() => cli.drop());

  const tamperedDatabase = () => openDatabase(cli.env.DATABASE_URL ? { url: cli.env.DATABASE_URL } : { dataDir: cli.env.FORDELA_DATA_DIR });

  it("says the chain is intact, then names an entry changed behind the guard", { timeout: 240_000 }, () => {
    expect(fordela(cli.env, "user", "add", "anna", "--org", "23", "--role", "editor").code).toBe(0);
    expect(fordela(cli.env, "user", "add", "bertil", "--org", "23", "--role", "reader").code).toBe(0);
    const ok = fordela(cli.env, "audit", "verify");
    expect(ok.stderr).toBe("");
    expect(ok.stdout.trim()).toBe("Granskningsloggen är obruten: 2 poster, alla kedjade och oförändrade.");
    expect(ok.code).toBe(0);
  });

  it("exits 1 naming the first altered entry", { timeout: 240_000 }, async () => {
    const opened = await tamperedDatabase();
    const first = await opened.db.selectFrom("audit_log").select("id").orderBy("id").executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(opened.db);
    await sql`UPDATE audit_log SET after = '{"username": "mallory"}' WHERE id = ${first.id}`.execute(opened.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(opened.db);
    await opened.close();
    const broken = fordela(cli.env, "audit", "verify");
    expect(broken.stderr.trim()).toBe(`Fel: Post ${first.id} har ändrats efter att den skrevs: dess innehåll stämmer inte med dess hash.`);
    expect(broken.code).toBe(1);
  });
});
