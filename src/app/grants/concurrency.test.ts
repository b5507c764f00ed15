import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";

// Concurrency of grant changes through the API, on whichever database the suite runs against
// (PGlite, or PostgreSQL with DATABASE_URL). Clients meet at barriers, never sleeps, so every
// run exercises the same interleaving: everybody has read before anybody writes.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Resolves for everyone once `n` callers have arrived. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) open();
    return opened;
  };
}

const part = (amount: number) => ({ recipientGroup: "regions", purpose: "Vårdförlopp", amount, requisitionDeadline: "2023-12-01" });

describe("grant changes under concurrency", () => {
  let api: TestApi;
  let editor: TestClient;
  let approver: TestClient;
  let orgId: number;
  let agreementId: number;

  beforeAll(async () => {
    api = await createTestApi();
    editor = await api.loginAs({ username: "editor23", displayName: "Eva Redigerare", roles: [{ organisationCode: "23", role: "editor" }] });
    approver = await api.loginAs({ username: "approver23", roles: [{ organisationCode: "23", role: "approver" }] });
    orgId = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
    const agreement = await editor.json<Json>("POST", "/api/grants/agreements", { organisationId: orgId, name: "Samtidighet", year: 2023, parties: ["Staten"], total: 1_000_00 });
    agreementId = agreement.body.id;
  });
  afterAll(() => api.close());

  const draft = async (total: number, parts = [part(total)]) => (await editor.json<Json>("POST", "/api/grants/decisions", { agreementId, organisationId: orgId, title: "Utkast", total, parts })).body;

  it("loses no answered write when 50 clients read, change and save one draft decision", async () => {
    const created = await draft(50_00);
    const clients = 50;
    const allRead = barrier(clients);
    const outcomes = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const read = (await editor.json<Json>("GET", `/api/grants/decisions/${created.id}`)).body;
        await allRead();
        const { id: _id, ...rest } = read.parts[0];
        const saved = await editor.json<Json>("PUT", `/api/grants/decisions/${created.id}`, {
          revision: read.revision,
          agreementId,
          title: read.title,
          total: read.total,
          signatories: [...read.signatories, `Signatär ${i}`],
          parts: [{ id: read.parts[0].id, ...pick(rest) }],
        });
        return { i, status: saved.status, body: saved.body };
      }),
    );
    const answered = outcomes.filter((o) => o.status >= 200 && o.status < 300);
    const refused = outcomes.filter((o) => o.status === 409);
    expect(answered.length + refused.length).toBe(clients);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) {
      expect(r.body.error.code).toBe("stale");
      expect(r.body.error.message).toMatch(/har ändrats av editor23 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    }
    const after = (await editor.json<Json>("GET", `/api/grants/decisions/${created.id}`)).body;
    for (const a of answered) expect(after.signatories).toContain(`Signatär ${a.i}`);
    expect(after.revision).toBe(1 + answered.length);
    const audits = await api.opened.db.selectFrom("audit_log").select("id").where("entity", "=", "grant_decision").where("action", "=", "update").where("entity_id", "=", String(created.id)).execute();
    expect(audits).toHaveLength(answered.length);
  });

  it("loses no answered write when 50 clients change one agreement", async () => {
    const agreement = (await editor.json<Json>("POST", "/api/grants/agreements", { organisationId: orgId, name: "Parter", year: 2023, parties: ["Staten"], total: 100 })).body;
    const allRead = barrier(50);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const read = (await editor.json<Json>("GET", `/api/grants/agreements/${agreement.id}`)).body;
        await allRead();
        const saved = await editor.json<Json>("PUT", `/api/grants/agreements/${agreement.id}`, { revision: read.revision, name: read.name, year: read.year, total: read.total, parties: [...read.parties, `Part ${i}`] });
        return { i, status: saved.status };
      }),
    );
    const answered = outcomes.filter((o) => o.status === 200);
    expect(outcomes.every((o) => o.status === 200 || o.status === 409)).toBe(true);
    const after = (await editor.json<Json>("GET", `/api/grants/agreements/${agreement.id}`)).body;
    for (const a of answered) expect(after.parties).toContain(`Part ${a.i}`);
    expect(after.revision).toBe(1 + answered.length);
  });

  it("decides once: of two concurrent decides one gets 409", async () => {
    const created = await draft(10_00);
    const both = barrier(2);
    const outcomes = await Promise.all(
      [0, 1].map(async () => {
        await both();
        return (await approver.json<Json>("POST", `/api/grants/decisions/${created.id}/decide`, { revision: created.revision })).status;
      }),
    );
    expect(outcomes.sort()).toEqual([200, 409]);
    const audits = await api.opened.db.selectFrom("audit_log").select("id").where("entity", "=", "grant_decision").where("action", "=", "decide").where("entity_id", "=", String(created.id)).execute();
    expect(audits).toHaveLength(1);
  });

  it("never decides an unbalanced decision when an edit races the decide (20 races)", async () => {
    for (let race = 0; race < 20; race++) {
      const created = await draft(10_00);
      const both = barrier(2);
      const [edit, decide] = await Promise.all([
        (async () => {
          await both();
          return editor.json<Json>("PUT", `/api/grants/decisions/${created.id}`, { revision: created.revision, agreementId, title: "Utkast", total: 12_00, parts: [{ id: created.parts[0].id, ...part(10_00) }] });
        })(),
        (async () => {
          await both();
          return approver.json<Json>("POST", `/api/grants/decisions/${created.id}/decide`, { revision: created.revision });
        })(),
      ]);
      expect([edit.status, decide.status].sort()).toEqual([200, 409]);
      const after = (await editor.json<Json>("GET", `/api/grants/decisions/${created.id}`)).body;
      if (after.status === "decided") expect(after.check.balanced).toBe(true);
      else expect(after.total).toBe(12_00);
    }
  });

  it("refuses direct SQL that changes a decided decision, its parts or its distribution", async () => {
    const created = await draft(10_00);
    const partId = created.parts[0].id;
    await sql`INSERT INTO grant_distributions (part_id, mode, source) VALUES (${partId}, 'annex', 'test')`.execute(api.opened.db);
    await sql`INSERT INTO grant_entitlements (part_id, recipient_code, position, amount_ore, explanation) VALUES (${partId}, '23', 1, 1000, 'test')`.execute(api.opened.db);
    // Unbalanced: the database refuses to decide it even when asked directly.
    await sql`UPDATE grant_parts SET amount_ore = 999 WHERE id = ${partId}`.execute(api.opened.db);
    await expect(sql`UPDATE grant_decisions SET status = 'decided' WHERE id = ${created.id}`.execute(api.opened.db)).rejects.toThrow(/summerar inte/);
    await sql`UPDATE grant_parts SET amount_ore = 1000 WHERE id = ${partId}`.execute(api.opened.db);
    expect((await approver.json("POST", `/api/grants/decisions/${created.id}/decide`, { revision: created.revision })).status).toBe(200);
    const db = api.opened.db;
    await expect(sql`UPDATE grant_decisions SET title = 'ändrad' WHERE id = ${created.id}`.execute(db)).rejects.toThrow(/fastställt/);
    await expect(sql`DELETE FROM grant_decisions WHERE id = ${created.id}`.execute(db)).rejects.toThrow(/fastställt/);
    await expect(sql`UPDATE grant_parts SET amount_ore = 1 WHERE id = ${partId}`.execute(db)).rejects.toThrow(/fastställt/);
    await expect(sql`INSERT INTO grant_parts (decision_id, position, recipient_group, purpose, amount_ore, activity_reports) VALUES (${created.id}, 9, 'regions', 'x', 0, '[]')`.execute(db)).rejects.toThrow(/fastställt/);
    await expect(sql`DELETE FROM grant_parts WHERE id = ${partId}`.execute(db)).rejects.toThrow(/fastställt/);
    await expect(sql`UPDATE grant_entitlements SET amount_ore = 1 WHERE part_id = ${partId}`.execute(db)).rejects.toThrow(/fastställt/);
    await expect(sql`DELETE FROM grant_distributions WHERE part_id = ${partId}`.execute(db)).rejects.toThrow(/fastställt/);
    const still = (await editor.json<Json>("GET", `/api/grants/decisions/${created.id}`)).body;
    expect(still).toMatchObject({ title: "Utkast", status: "decided", total: 10_00 });
  });

  const internalInput = { title: "Intern fördelning", total: 10_00, metadata: {}, lines: [{ label: "Allt", kind: "remainder" }] };

  it("gives one new version of a decided internal decision when ten ask at once, and the database refuses duplicates", async () => {
    const created = await draft(10_00);
    const internal = (await editor.json<Json>("POST", "/api/grants/internal-decisions", { partId: created.parts[0].id, organisationCode: "23", ...internalInput })).body;
    const decided = (await approver.json<Json>("POST", `/api/grants/internal-decisions/${internal.id}/decide`, { revision: internal.revision })).body;
    expect(decided.status).toBe("decided");
    const all = barrier(10);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, async () => {
        await all();
        return editor.json<Json>("POST", `/api/grants/internal-decisions/${internal.id}/versions`, { revision: decided.revision });
      }),
    );
    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 409)).toHaveLength(9);
    const versions = await api.opened.db.selectFrom("grant_internal_decisions").select(["version", "series_id"]).where("series_id", "=", internal.id).orderBy("version").execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const db = api.opened.db;
    // A second successor of version 1, or a second version 2 in the series, is refused.
    await expect(sql`INSERT INTO grant_internal_decisions (part_id, organisation_id, version, previous_id, title, total_ore, metadata, lines, result) SELECT part_id, organisation_id, 3, id, title, total_ore, metadata, lines, result FROM grant_internal_decisions WHERE id = ${internal.id}`.execute(db)).rejects.toThrow(/grant_internal_one_successor/);
    const v2 = outcomes.find((o) => o.status === 201)!.body;
    await expect(sql`INSERT INTO grant_internal_decisions (part_id, organisation_id, version, previous_id, title, total_ore, metadata, lines, result) SELECT part_id, organisation_id, 2, id, title, total_ore, metadata, lines, result FROM grant_internal_decisions WHERE id = ${v2.id}`.execute(db)).rejects.toThrow(/grant_internal_version_once/);
    await expect(sql`UPDATE grant_internal_decisions SET title = 'ändrad' WHERE id = ${internal.id}`.execute(db)).rejects.toThrow(/fattat/);
    await expect(sql`DELETE FROM grant_internal_decisions WHERE id = ${internal.id}`.execute(db)).rejects.toThrow(/fattat/);
  });

  it("decides an internal decision once and refuses a stale edit", async () => {
    const created = await draft(10_00);
    const internal = (await editor.json<Json>("POST", "/api/grants/internal-decisions", { partId: created.parts[0].id, organisationCode: "23", ...internalInput })).body;
    const edited = await editor.json<Json>("PUT", `/api/grants/internal-decisions/${internal.id}`, { ...internalInput, title: "Ny rubrik", revision: internal.revision });
    expect(edited.status).toBe(200);
    const stale = await editor.json<Json>("PUT", `/api/grants/internal-decisions/${internal.id}`, { ...internalInput, title: "Gammal läsning", revision: internal.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale");
    const both = barrier(2);
    const outcomes = await Promise.all([0, 1].map(async () => (await both(), (await approver.json<Json>("POST", `/api/grants/internal-decisions/${internal.id}/decide`, { revision: edited.body.revision })).status)));
    expect(outcomes.sort()).toEqual([200, 409]);
  });

  it("keeps one of two first saves of a recipient's record and tells the other who saved", async () => {
    const created = await draft(10_00);
    const partId = created.parts[0].id;
    expect((await editor.json("PUT", `/api/grants/parts/${partId}/distribution/annex`, { revision: 0, text: "Region Jämtland Härjedalen\t10" })).status).toBe(200);
    expect((await editor.json<Json>("PUT", `/api/grants/parts/${partId}/distribution/annex`, { revision: 0, text: "Region Jämtland Härjedalen\t10" })).body.error.code).toBe("stale");
    const both = barrier(2);
    const outcomes = await Promise.all(
      ["2023-03-01", "2023-03-02"].map(async (day) => {
        await both();
        return editor.json<Json>("PUT", `/api/grants/parts/${partId}/recipients/23/receipt`, { revision: 0, requisitionedOn: day, requisitioned: 10_00 });
      }),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    const loser = outcomes.find((o) => o.status === 409)!;
    expect(loser.body.error.message).toMatch(/Mottagarens uppgifter har ändrats av editor23/);
    const winner = outcomes.find((o) => o.status === 200)!;
    const after = (await editor.json<Json>("GET", `/api/grants/parts/${partId}/recipients/23`)).body;
    expect(after.receipt.requisitionedOn).toBe(winner.body.receipt.requisitionedOn);
    expect(after.receiptRevision).toBe(1);
  });
});

/** The part's input fields from a part as read (the read adds computed fields the input refuses). */
function pick(p: Json) {
  const { recipientGroup, purpose, amount, expenditureArea, appropriation, appropriationItem, appropriationItemName, oneTime, requisitionDeadline, reportDeadline, reportRecipientCode, repaymentDeadline, repaymentRecipientCode, activityReports } = p;
  return { recipientGroup, purpose, amount, expenditureArea, appropriation, appropriationItem, appropriationItemName, oneTime, requisitionDeadline, reportDeadline, reportRecipientCode, repaymentDeadline, repaymentRecipientCode, activityReports };
}
