import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";
import { fordela } from "../helpers/cli";

// `fordela user …` as an operator runs it: Swedish and English role names, every change
// through the use cases in src/app/users.
describe("fordela user", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
  });
  afterAll(() => drop());

  it("adds, lists, changes roles, resets, deactivates and reactivates a user", () => {
    const added = fordela(env, "user", "add", "bertil", "--name", "Bertil Beslutsfattare", "--org", "23", "--role", "handläggare");
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/skapad \(handläggare i 23\)/);
    expect(added.stdout).toMatch(/Engångslösenord .*: \S{20}/);

    expect(fordela(env, "user", "set-role", "bertil", "--org", "23", "--role", "approver").stdout).toMatch(/beslutsfattare i 23/);
    expect(fordela(env, "user", "set-role", "bertil", "--org", "25", "--role", "Läsare").stdout).toMatch(/beslutsfattare i 23, läsare i 25|läsare i 25, beslutsfattare i 23/);
    expect(fordela(env, "user", "remove-role", "bertil", "--org", "25").stdout).not.toMatch(/läsare/);

    const unknown = fordela(env, "user", "set-role", "bertil", "--org", "23", "--role", "redigerare");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Okänd roll "redigerare": välj läsare \(reader\), handläggare \(editor\)/);

    const list = fordela(env, "user", "list", "--search", "bertil");
    expect(list.stdout).toMatch(/bertil\tBertil Beslutsfattare\tska byta lösenord\tbeslutsfattare i 23/);

    expect(fordela(env, "user", "reset-password", "bertil").stdout).toMatch(/Nytt engångslösenord för bertil .*: \S{20}/);
    expect(fordela(env, "user", "deactivate", "bertil").stdout).toMatch(/avstängd/);
    expect(fordela(env, "user", "list").stdout).not.toMatch(/bertil/);
    expect(fordela(env, "user", "list", "--all").stdout).toMatch(/bertil.*avstängd/);
    expect(fordela(env, "user", "reactivate", "bertil").stdout).toMatch(/aktiv igen/);
    expect(fordela(env, "user", "sessions", "bertil").stdout).toMatch(/inga pågående sessioner/);
    expect(fordela(env, "user", "end-sessions", "bertil").stdout).toMatch(/0 sessioner avslutades/);

    const missing = fordela(env, "user", "deactivate", "ingen");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Användaren "ingen" finns inte/);
  }, 600_000);
});
