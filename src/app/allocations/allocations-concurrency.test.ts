import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { barrier, saveWithRetry } from "../../../test/helpers/barrier";

/** The message of the database error a statement fails with; a statement that succeeds fails the test. */
async function thrown(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the statement succeeded");
}

// Issue 9: read-modify-write by many clients loses nothing, a decision is taken once, parallel
// "new version" calls never repeat a version, and the database itself refuses to change a
// decided allocation. On PGlite and, with DATABASE_URL, on PostgreSQL.

interface Detail {
  id: number;
  status: string;
  version: number;
  revision: number;
  title: string;
  request: { total: number; unit: number; rounding: string; lines: { label: string; method: string }[] };
}

const request = { total: 60_000_000_00, unit: 100, rounding: "largest-remainder", lines: [{ label: "Gemensamt", method: "equal" }] };

describe("allocations under concurrent use", () => {
  let api: TestApi;
  let editor: TestClient;
  let approver: TestClient;
  let approver2: TestClient;
  let orgId: number;

  beforeAll(async () => {
    api = await createTestApi();
    editor = await api.loginAs({ username: "editor23", roles: [{ organisationCode: "23", role: "editor" }] });
    approver = await api.loginAs({ username: "approver23", roles: [{ organisationCode: "23", role: "approver" }] });
    approver2 = await api.loginAs({ username: "approver23b", roles: [{ organisationCode: "23", role: "approver" }] });
    orgId = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
  }, 600_000);
  afterAll(() => api.close());

  async function draft(title: string): Promise<Detail> {
    const created = await editor.json<Detail>("POST", "/api/allocations", { title, organisationId: orgId, request });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function decided(title: string): Promise<Detail> {
    const d = await draft(title);
    const res = await approver.json<Detail>("POST", `/api/allocations/${d.id}/decide`, { revision: d.revision });
    expect(res.status).toBe(200);
    return res.body;
  }

  it("keeps every accepted change of 50 clients that each read, add a line and save", async () => {
    const { id } = await draft("Femtio samtidiga");
    const clients = 50;
    const allRead = barrier(clients);
    const read = async () => (await editor.json<Detail>("GET", `/api/allocations/${id}`)).body;
    const statuses = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const first = await read();
        // Everyone has read the same revision before anyone saves: the worst case for lost updates.
        await allRead.arrive();
        return saveWithRetry(
          read,
          async (current) => {
            const lines = [...current.request.lines, { label: `Klient ${i}`, method: "equal" }];
            const res = await editor.request("PUT", `/api/allocations/${id}`, { title: current.title, request: { ...current.request, lines }, revision: current.revision });
            return res.status;
          },
          first,
        );
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const after = await read();
    const labels = after.request.lines.map((l) => l.label);
    for (let i = 0; i < clients; i++) expect(labels).toContain(`Klient ${i}`);
    expect(labels).toHaveLength(clients + 1);
    expect(after.revision).toBe(1 + clients);
    const stored = await api.opened.db.selectFrom("allocation_lines").select("label").where("allocation_id", "=", id).execute();
    expect(stored).toHaveLength(clients + 1);
  }, 900_000);

  it("refuses a save based on an old revision, saying who saved and when", async () => {
    const d = await draft("Gammal revision");
    const first = await editor.json<Detail>("PUT", `/api/allocations/${d.id}`, { title: "Först", request, revision: d.revision });
    expect(first.status).toBe(200);
    const second = await approver.json<{ error: { code: string; message: string } }>("PUT", `/api/allocations/${d.id}`, { title: "Sedan", request, revision: d.revision });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("stale");
    expect(second.body.error.message).toMatch(/^Fördelningen har ändrats av .+ \d{4}-\d{2}-\d{2} \d{2}:\d{2} efter att du öppnade sidan/);
    const missing = await editor.json<{ error: { details: { path: string }[] } }>("PUT", `/api/allocations/${d.id}`, { title: "Utan revision", request });
    expect(missing.status).toBe(400);
  });

  it("decides once when two approvers decide at the same time", async () => {
    const d = await draft("Två beslut");
    const [a, b] = await Promise.all([
      approver.request("POST", `/api/allocations/${d.id}/decide`, { revision: d.revision }),
      approver2.request("POST", `/api/allocations/${d.id}/decide`, { revision: d.revision }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decides = await api.opened.db.selectFrom("audit_log").select("id").where("entity", "=", "allocation").where("entity_id", "=", String(d.id)).where("action", "=", "decide").execute();
    expect(decides).toHaveLength(1);
  });

  it("never decides content other than what the approver read when an edit races the decision", async () => {
    const d = await draft("Ändring mot beslut");
    const changed = { ...request, lines: [...request.lines, { label: "Sent tillägg", method: "equal" }] };
    const [edit, decide] = await Promise.all([
      editor.request("PUT", `/api/allocations/${d.id}`, { title: d.title, request: changed, revision: d.revision }),
      approver.request("POST", `/api/allocations/${d.id}/decide`, { revision: d.revision }),
    ]);
    // Exactly one of them wins; the other is told the record changed.
    expect([edit.status, decide.status].sort()).toEqual([200, 409]);
    const after = (await editor.json<Detail>("GET", `/api/allocations/${d.id}`)).body;
    if (decide.status === 200) expect(after.request.lines.map((l) => l.label)).toEqual(["Gemensamt"]);
    else expect(after.status).toBe("draft");
  });

  it("gives ten parallel 'new version' calls one new draft, and never a repeated version", async () => {
    const d = await decided("Tio versioner");
    const results = await Promise.all(Array.from({ length: 10 }, () => editor.request("POST", `/api/allocations/${d.id}/versions`, { revision: d.revision })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const versions = await api.opened.db.selectFrom("allocations").select(["version", "lineage_id"]).where("lineage_id", "=", d.id).execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it("has the database refuse changes to a decided allocation, its lines and repeated versions", async () => {
    const d = await decided("Låst i databasen");
    const db = api.opened.db;
    expect(await thrown(sql`UPDATE allocations SET title = 'Ändrad i efterhand' WHERE id = ${d.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`UPDATE allocations SET status = 'draft' WHERE id = ${d.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`DELETE FROM allocations WHERE id = ${d.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`UPDATE allocation_lines SET amount_ore = 1 WHERE allocation_id = ${d.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`DELETE FROM allocation_lines WHERE allocation_id = ${d.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`INSERT INTO allocation_lines (allocation_id, position, label, method, quota_numerator, quota_denominator, amount_ore, explanation) VALUES (${d.id}, 99, 'x', 'equal', '1', '1', 1, 'x')`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`INSERT INTO allocations (organisation_id, title, total_ore, spec, result, version, lineage_id) VALUES (${orgId}, 'Dubblett', 0, '{}', '{}', 1, ${d.id})`.execute(db))).toMatch(/allocations_lineage_version|duplicate|unique/i);
    const still = (await editor.json<Detail>("GET", `/api/allocations/${d.id}`)).body;
    expect(still).toMatchObject({ title: "Låst i databasen", status: "decided" });
    // A draft is still free to change and delete.
    const free = await draft("Fritt utkast");
    await sql`UPDATE allocations SET title = 'Ändrat utkast' WHERE id = ${free.id}`.execute(db);
    await sql`DELETE FROM allocations WHERE id = ${free.id}`.execute(db);
  });
});
