import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { barrier, saveWithRetry } from "../../../test/helpers/barrier";
import { checkFrameChange } from "../../core/budget";
import type { FrameChangeSpec } from "../../core/budget/specs";

// Issue 9 for budget documents (here frame changes, which all four kinds share the code of):
// no lost update among 50 read-modify-write clients, one decision, never a decided unbalanced
// frame change, unique versions, and the database refusing changes to a decided document.

const MKR = 100_000_000;
const balanced: FrameChangeSpec = { grossIncrease: 10 * MKR, reductions: [], lines: [{ label: "Vården", amount: 10 * MKR }] };

interface Doc {
  id: number;
  status: string;
  revision: number;
  title: string;
  year: number;
  spec: FrameChangeSpec;
  metadata: Record<string, unknown>;
}

async function thrown(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the statement succeeded");
}

describe("budget documents under concurrent use", () => {
  let api: TestApi;
  let editor: TestClient;
  let approver: TestClient;
  let approver2: TestClient;
  let orgId: number;

  beforeAll(async () => {
    api = await createTestApi();
    editor = await api.loginAs({ username: "controller24", roles: [{ organisationCode: "24", role: "editor" }] });
    approver = await api.loginAs({ username: "namnd24", roles: [{ organisationCode: "24", role: "approver" }] });
    approver2 = await api.loginAs({ username: "namnd24b", roles: [{ organisationCode: "24", role: "approver" }] });
    orgId = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "24").executeTakeFirstOrThrow()).id;
  }, 600_000);
  afterAll(() => api.close());

  async function proposal(title: string, spec: FrameChangeSpec = balanced): Promise<Doc> {
    const res = await editor.json<Doc>("POST", "/api/frame-changes", { organisationId: orgId, title, year: 2025, spec });
    expect(res.status).toBe(201);
    return res.body;
  }

  const read = async (id: number) => (await editor.json<Doc>("GET", `/api/frame-changes/${id}`)).body;
  const put = (client: TestClient, doc: Doc, spec: FrameChangeSpec, revision = doc.revision) =>
    client.request("PUT", `/api/frame-changes/${doc.id}`, { title: doc.title, year: doc.year, spec, metadata: doc.metadata, revision });

  it("keeps every accepted change of 50 clients that each read, add a line and save", async () => {
    const { id } = await proposal("Femtio samtidiga");
    const clients = 50;
    const allRead = barrier(clients);
    const statuses = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const first = await read(id);
        await allRead.arrive();
        return saveWithRetry(
          () => read(id),
          async (current) => (await put(editor, current, { ...current.spec, lines: [...current.spec.lines, { label: `Klient ${i}`, amount: MKR }] })).status,
          first,
        );
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const after = await read(id);
    const labels = after.spec.lines.map((l) => l.label);
    for (let i = 0; i < clients; i++) expect(labels).toContain(`Klient ${i}`);
    expect(labels).toHaveLength(clients + 1);
    expect(after.revision).toBe(1 + clients);
  }, 900_000);

  it("refuses a save based on an old revision with who and when", async () => {
    const doc = await proposal("Gammal revision");
    expect((await put(editor, doc, balanced)).status).toBe(200);
    const stale = await approver.json<{ error: { code: string; message: string } }>("PUT", `/api/frame-changes/${doc.id}`, { title: doc.title, year: 2025, spec: balanced, revision: doc.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale");
    expect(stale.body.error.message).toMatch(/^Ramförändringen har ändrats av .+ \d{4}-\d{2}-\d{2} \d{2}:\d{2} efter att du öppnade sidan/);
  });

  it("decides once when two approvers decide at the same time", async () => {
    const doc = await proposal("Två beslut");
    const [a, b] = await Promise.all([
      approver.request("POST", `/api/frame-changes/${doc.id}/decide`, { revision: doc.revision }),
      approver2.request("POST", `/api/frame-changes/${doc.id}/decide`, { revision: doc.revision }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decides = await api.opened.db.selectFrom("audit_log").select("id").where("entity", "=", "frame_change").where("entity_id", "=", String(doc.id)).where("action", "=", "decide").execute();
    expect(decides).toHaveLength(1);
  });

  it("never decides an unbalanced frame change when an edit races the decision", async () => {
    const unbalanced: FrameChangeSpec = { ...balanced, lines: [{ label: "Vården", amount: 7 * MKR }] };
    for (let round = 0; round < 10; round++) {
      const doc = await proposal(`Kapplöpning ${round}`);
      const go = barrier(2);
      const [edit, decide] = await Promise.all([
        go.arrive().then(() => put(editor, doc, unbalanced)),
        go.arrive().then(() => approver.request("POST", `/api/frame-changes/${doc.id}/decide`, { revision: doc.revision })),
      ]);
      expect([edit.status, decide.status].sort()).toEqual([200, 409]);
    }
    // The approver who reads the unbalanced version cannot decide it either.
    const doc = await proposal("Obalanserad", unbalanced);
    expect((await approver.request("POST", `/api/frame-changes/${doc.id}/decide`, { revision: doc.revision })).status).toBe(400);
    const decided = await api.opened.db.selectFrom("budget_documents").select(["id", "spec"]).where("kind", "=", "frame_change").where("status", "=", "decided").execute();
    expect(decided.length).toBeGreaterThan(0);
    for (const d of decided) expect(checkFrameChange(d.spec as FrameChangeSpec).state).toBe("balanced");
  });

  it("gives ten parallel 'new version' calls one new proposal, and never a repeated version", async () => {
    const doc = await proposal("Tio versioner");
    const decided = (await approver.json<Doc>("POST", `/api/frame-changes/${doc.id}/decide`, { revision: doc.revision })).body;
    const results = await Promise.all(Array.from({ length: 10 }, () => editor.request("POST", `/api/frame-changes/${doc.id}/versions`, { revision: decided.revision })));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const versions = await api.opened.db.selectFrom("budget_documents").select("version").where("lineage_id", "=", doc.id).execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it("has the database refuse changes to a decided document and repeated versions", async () => {
    const doc = await proposal("Låst i databasen");
    expect((await approver.request("POST", `/api/frame-changes/${doc.id}/decide`, { revision: doc.revision })).status).toBe(200);
    const db = api.opened.db;
    expect(await thrown(sql`UPDATE budget_documents SET title = 'Ändrad' WHERE id = ${doc.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`UPDATE budget_documents SET spec = '{}' WHERE id = ${doc.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`UPDATE budget_documents SET status = 'proposal' WHERE id = ${doc.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`DELETE FROM budget_documents WHERE id = ${doc.id}`.execute(db))).toMatch(/decided/);
    expect(await thrown(sql`INSERT INTO budget_documents (kind, organisation_id, title, year, spec, result, metadata, total_ore, version, lineage_id) VALUES ('frame_change', ${orgId}, 'Dubblett', 2025, '{}', '{}', '{}', 0, 1, ${doc.id})`.execute(db))).toMatch(/budget_documents_lineage_version|duplicate|unique/i);
    expect((await read(doc.id)).title).toBe("Låst i databasen");
  });
});
