import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";
import { fordela } from "../helpers/cli";

// `fordela sso …`: the single sign-on rules through the same use cases as the API, audited
// with the operator's name.
describe("fordela sso", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
  });
  afterAll(() => drop());

  it("adds, lists, moves and removes rules", () => {
    expect(fordela(env, "sso", "rules").stdout).toMatch(/Inga inloggningsregler/);
    const added = fordela(env, "sso", "add-rule", "--claim", "groups", "--contains", "ekonomi", "--org", "23", "--role", "handläggare");
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/tillagd: 1\tgroups innehåller "ekonomi"\thandläggare i 23/);
    expect(fordela(env, "sso", "add-rule", "--claim", "email", "--ends-with", "@regionhalland.se", "--org", "13", "--role", "reader").stdout).toMatch(/tillagd: 2\temail slutar med/);
    expect(fordela(env, "sso", "move-rule", "2", "--to", "1").stdout).toMatch(/flyttad: 1\temail slutar med/);
    const list = fordela(env, "sso", "rules").stdout.trim().split("\n");
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(/^1\temail slutar med "@regionhalland.se"\tläsare i 13/);
    expect(list[1]).toMatch(/^2\tgroups innehåller "ekonomi"\thandläggare i 23/);

    const bad = fordela(env, "sso", "add-rule", "--claim", "groups", "--contains", "x", "--org", "23", "--role", "redigerare");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Ange --role med en av läsare \(reader\)/);
    expect(fordela(env, "sso", "add-rule", "--claim", "groups", "--contains", "x", "--org", "999", "--role", "reader").stderr).toMatch(/Organisationen "999" finns inte/);

    expect(fordela(env, "sso", "remove-rule", "1").stdout).toMatch(/borttagen: 1\temail/);
    expect(fordela(env, "sso", "rules").stdout.trim()).toMatch(/^1\tgroups innehåller "ekonomi"/);
    expect(fordela(env, "sso", "remove-rule", "5").stderr).toMatch(/ingen regel nummer 5/);
    const audit = fordela(env, "audit", "verify");
    expect(audit.code).toBe(0);
  });
});
