import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleAtLeast, type Role } from "../../src/core/roles";
import { authorizationMatrix, type Access } from "../authorization-matrix";
import { createTestApi, type TestApi, type TestClient } from "../helpers/api";
import { operationsOf, requestFor, type JsonSchema, type Operation, type Target } from "../helpers/openapi-requests";
import { seedRecords } from "../helpers/seed-records";

type Persona = "anonymous" | Role | "system-admin";
const personas: Persona[] = ["anonymous", "reader", "editor", "approver", "admin", "system-admin"];

function allowed(access: Access, persona: Persona, side: "own" | "other"): boolean {
  if (access === "public") return true;
  if (persona === "anonymous") return false;
  if (persona === "system-admin") return true;
  if (access === "signed-in") return true;
  if (access === "system-admin") return false;
  const needed = side === "own" ? access.own : access.other;
  return needed !== "nobody" && roleAtLeast(persona, needed);
}

// Every operation of the OpenAPI document × anonymous / reader / editor / approver / admin of
// organisation A / a system administrator × organisation A's record / organisation B's, with
// the expected answer taken from test/authorization-matrix.ts.
describe("authorisation matrix", () => {
  let api: TestApi;
  let operations: Operation[];
  let resolve: (s: JsonSchema) => JsonSchema;
  const clients = new Map<Persona, TestClient>();
  const targets = {} as Record<"own" | "other", Target>;

  beforeAll(async () => {
    api = await createTestApi();
    const doc = await (await api.app.request("/api/openapi.json")).json();
    ({ operations, resolve } = operationsOf(doc));
    clients.set("anonymous", api.anonymous);
    for (const role of ["reader", "editor", "approver", "admin"] as const) clients.set(role, await api.loginAs({ username: `matris-${role}`, roles: [{ organisationCode: "23", role }] }));
    const admin = await api.loginAs({ username: "matris-system", isAdmin: true });
    clients.set("system-admin", admin);
    targets.own = await seedRecords(api, admin, "23");
    targets.other = await seedRecords(api, admin, "12");
    // Logins hash passwords (scrypt) and a busy machine makes that slow.
  }, 600_000);
  afterAll(() => api.close());

  it("has a row for every operation in the OpenAPI document", () => {
    const missing = operations.map((o) => o.key).filter((key) => !(key in authorizationMatrix));
    expect(missing, "operations without a row in test/authorization-matrix.ts").toEqual([]);
    const stale = Object.keys(authorizationMatrix).filter((key) => !operations.some((o) => o.key === key));
    expect(stale, "rows for operations the API no longer has").toEqual([]);
  });

  it("answers each cell as the table declares", async () => {
    interface Cell {
      op: Operation;
      persona: Persona;
      side: "own" | "other";
      expectAllowed: boolean;
    }
    const cells: Cell[] = [];
    for (const op of operations) {
      const access = authorizationMatrix[op.key];
      if (!access) continue;
      for (const persona of personas) for (const side of ["own", "other"] as const) cells.push({ op, persona, side, expectAllowed: allowed(access, persona, side) });
    }
    // Refused calls change nothing, so they run first and see every seeded record as seeded;
    // logging out ends a session, so it runs last.
    const order = (c: Cell) => (c.op.key === "POST /api/auth/logout" ? 2 : c.expectAllowed ? 1 : 0);
    cells.sort((a, b) => order(a) - order(b));

    const wrong: string[] = [];
    let unverified = 0;
    for (const cell of cells) {
      const built = requestFor(cell.op, targets[cell.side], resolve);
      const res = await clients.get(cell.persona)!.send(cell.op.method, built.url, built.body, built.contentType);
      const status = res.status;
      await res.arrayBuffer();
      const label = `${cell.op.key} as ${cell.persona} on ${cell.side === "own" ? "own" : "another"} organisation's record: ${status}`;
      if (status >= 500) wrong.push(`${label} (server error)`);
      else if (cell.expectAllowed && (status === 403 || (status === 401 && authorizationMatrix[cell.op.key] !== "public"))) wrong.push(`${label}, expected allowed`);
      else if (!cell.expectAllowed) {
        const refusedAs = cell.persona === "anonymous" ? [401] : [401, 403, 404];
        if (status === 400 || status === 413 || status === 415) unverified++;
        else if (!refusedAs.includes(status)) wrong.push(`${label}, expected ${refusedAs.join("/")}`);
      }
    }
    console.log(`Authorisation matrix: ${cells.length} cells, ${unverified} refused cells stopped at input validation before the access check`);
    expect(wrong).toEqual([]);
  });
});
