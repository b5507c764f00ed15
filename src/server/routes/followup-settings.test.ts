import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { createLedgerOrganisation } from "../../../test/helpers/ledger";
import { seed001Sie } from "../../../test/fixtures/ledger/seed001-sie";
import { loadDemoGrants } from "../../db/demo/grants";

type ErrorBody = { error: { code: string; message: string } };

// Issue 12 item 4 through the API: seed 001's project accounts right after its first import and
// one accepted suggestion, and the excluded projects remembered per user in the database.

let api: TestApi;
let org: number;
let controller: TestClient;

async function importSeed001(client: TestClient) {
  const started = await client.upload(`/api/ledger/imports/sie?organisationId=${org}&fileName=ssvr-2023.se`, new Uint8Array(await seed001Sie()));
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  for (let i = 0; i < 500; i++) {
    const job = await client.json<{ status: string }>("GET", `/api/ledger/jobs/${id}`);
    if (job.body.status !== "running") return job.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("importen blev inte klar");
}

beforeAll(async () => {
  api = await createTestApi();
  org = await createLedgerOrganisation(api.opened.db);
  controller = await api.loginAs({ username: "controller", roles: [{ organisationCode: "SSVR", role: "editor" }] });
}, 120_000);
afterAll(() => api.close());

describe("follow-up without setup", () => {
  it("suggests 3010 as joint financing from seed 001's chart; accepting it gives seed 001's project accounts", async () => {
    expect(await importSeed001(controller)).toMatchObject({ status: "done" });
    const before = await controller.json<{ total: { jointFinancing: number } }>("GET", `/api/followup/project-accounts?organisationId=${org}&year=2023&exclude=8938`);
    expect(before.body.total.jointFinancing).toBe(0);

    const suggestion = await controller.json<{ rows: { account: string; treatment: string; change: boolean; reason: string }[]; basis: string }>("GET", `/api/followup/account-suggestion?organisationId=${org}`);
    expect(suggestion.status).toBe(200);
    expect(suggestion.body.rows.filter((r) => r.change).map((r) => [r.account, r.treatment])).toEqual([["3010", "jointFinancing"]]);
    expect(suggestion.body.rows.filter((r) => !r.change).map((r) => r.account)).toEqual(["3020", "3120", "3510", "3920"]);

    const stale = await controller.json("POST", "/api/followup/account-suggestion/accept", { organisationId: org, basis: "3010:I" });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: "stale" } } });

    const reader = await api.loginAs({ username: "lasare", roles: [{ organisationCode: "SSVR", role: "reader" }] });
    expect((await reader.json("POST", "/api/followup/account-suggestion/accept", { organisationId: org, basis: suggestion.body.basis })).status).toBe(403);

    const accepted = await controller.json<{ added: unknown[]; revision: number }>("POST", "/api/followup/account-suggestion/accept", { organisationId: org, basis: suggestion.body.basis });
    expect(accepted.status).toBe(200);
    expect(accepted.body.added).toEqual([{ from: "3010", to: "3010", class: "income", jointFinancing: true }]);
    expect(accepted.body.revision).toBe(1);
    expect((await controller.json("GET", `/api/ledger/account-classes?organisationId=${org}`)).body).toEqual({ overrides: [{ from: "3010", to: "3010", class: "income", jointFinancing: true }], revision: 1 });
    // A save of the set based on what the page read before the accept would drop 3010: refused.
    const staleSet = await controller.json<ErrorBody>("PUT", "/api/ledger/account-classes", { organisationId: org, overrides: [], revision: 0 });
    expect(staleSet).toMatchObject({ status: 409, body: { error: { code: "stale" } } });
    expect(staleSet.body.error.message).toMatch(/^Kontoklasserna har ändrats av controller \d{4}-\d{2}-\d{2} \d{2}:\d{2} efter att du öppnade sidan/);

    // Seed 001's table (the annual report's project accounts, 8938 outside the subtotal), in öre.
    const table = await controller.json<{ subtotal: Record<string, number>; total: Record<string, number> }>("GET", `/api/followup/project-accounts?organisationId=${org}&year=2023&exclude=8938`);
    expect(table.body.subtotal).toMatchObject({ opening: 3_762_505_400, jointFinancing: 263_362_000, otherIncome: 1_060_000_000, closing: 3_628_732_400 });
    expect(table.body.total).toMatchObject({ opening: 5_631_590_300, jointFinancing: 263_362_000, otherIncome: 2_242_933_700, closing: 5_327_289_900 });

    const again = await controller.json<{ rows: { change: boolean }[] }>("GET", `/api/followup/account-suggestion?organisationId=${org}`);
    expect(again.body.rows.some((r) => r.change)).toBe(false);
    expect((await controller.json("POST", "/api/followup/account-suggestion/accept", { organisationId: org, basis: suggestion.body.basis })).status).toBe(409);

    const audit = await api.opened.db.selectFrom("audit_log").select(["action", "entity"]).where("entity", "=", "ledger_account_classes").execute();
    expect(audit).toEqual([{ action: "update", entity: "ledger_account_classes" }]);
  });

  it("remembers each user's excluded projects, with a revision check", async () => {
    const empty = await controller.json("GET", `/api/followup/preferences?organisationId=${org}`);
    expect(empty.body).toEqual({ excludedProjects: [], revision: 0 });
    const saved = await controller.json("PUT", "/api/followup/preferences", { organisationId: org, excludedProjects: ["8938", " 8938", "8925"], revision: 0 });
    expect(saved).toMatchObject({ status: 200, body: { excludedProjects: ["8925", "8938"], revision: 1 } });
    expect((await controller.json("PUT", "/api/followup/preferences", { organisationId: org, excludedProjects: [], revision: 0 })).status).toBe(409);
    expect((await controller.json("PUT", "/api/followup/preferences", { organisationId: org, excludedProjects: ["8938"], revision: 1 })).body).toEqual({ excludedProjects: ["8938"], revision: 2 });
    expect((await controller.json("GET", `/api/followup/preferences?organisationId=${org}`)).body).toEqual({ excludedProjects: ["8938"], revision: 2 });

    // Another user of the same organisation has choices of their own.
    const other = await api.loginAs({ username: "kollega", roles: [{ organisationCode: "SSVR", role: "reader" }] });
    expect((await other.json("GET", `/api/followup/preferences?organisationId=${org}`)).body).toEqual({ excludedProjects: [], revision: 0 });
    expect((await other.json("PUT", "/api/followup/preferences", { organisationId: org, excludedProjects: ["8930"], revision: 0 })).status).toBe(200);
    expect((await controller.json("GET", `/api/followup/preferences?organisationId=${org}`)).body).toMatchObject({ excludedProjects: ["8938"] });
    const outsider = await api.loginAs({ username: "utomstaende", roles: [{ organisationCode: "23", role: "editor" }] });
    expect((await outsider.json("GET", `/api/followup/preferences?organisationId=${org}`)).status).toBe(403);
  });

  it("links an object to a grant decision that exists, and refuses one that does not", async () => {
    await loadDemoGrants(api.opened.db);
    const grant = await api.opened.db.selectFrom("grant_decisions").select("id").orderBy("id").executeTakeFirstOrThrow();
    const link = { dimension: 6, code: "8941", grantId: grant.id, budgetLine: null, label: null };
    const saved = await controller.json<{ code: string; grantId: number; revision: number }[]>("PUT", "/api/ledger/object-links", { organisationId: org, link, revision: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.map((l) => [l.code, l.grantId, l.revision])).toEqual([["8941", grant.id, 1]]);
    const stale = await controller.json<ErrorBody>("PUT", "/api/ledger/object-links", { organisationId: org, link: { ...link, label: "Ny" }, revision: 0 });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: "stale" } } });
    expect(stale.body.error.message).toMatch(/^Kopplingen för objekt 8941 har ändrats av controller /);
    const missing = await controller.json("PUT", "/api/ledger/object-links", { organisationId: org, link: { ...link, grantId: 999_999 }, revision: 1 });
    expect(missing).toMatchObject({ status: 400, body: { error: { message: "Statsbidraget (beslut 999999) finns inte (fält link.grantId)." } } });
  });
});
