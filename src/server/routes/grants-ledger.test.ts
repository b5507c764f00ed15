import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { loadDemoGrants } from "../../db/demo/grants";
import { jamtlandSie } from "../../../test/fixtures/ledger/jamtland-sie";
import { failAtCommit } from "../../../test/helpers/fail-at-commit";
import { syncLedgerSpending } from "../../app/grants/sync-ledger-spending";

// Spending from imported outcomes: Region Jämtland Härjedalen's ledger books costs on object 9929
// (seed 003's accounting object); syncing makes them the grant's used amount.

const kr = (n: number) => n * 100;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("grant spending from the ledger", () => {
  let api: TestApi;
  let editor: TestClient;
  let orgId: number;
  let partId: number;

  beforeAll(async () => {
    api = await createTestApi();
    await loadDemoGrants(api.opened.db);
    editor = await api.loginAs({ username: "jamtland", roles: [{ organisationCode: "23", role: "editor" }] });
    orgId = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
    const grants = await editor.json<{ grants: Json[] }>("GET", "/api/grants/recipients/23");
    partId = grants.body.grants.find((g) => g.agreementName === "Ökad tillgänglighet i hälso- och sjukvården 2023")!.partId;
  });
  afterAll(() => api.close());

  const figures = async () => (await editor.json<Json>("GET", `/api/grants/parts/${partId}/recipients/23`)).body;

  it("imports the region's SIE file, syncs object 9929's costs for 2023 and changes used, unspent and repay", async () => {
    const before = await figures();
    expect(before.figures).toMatchObject({ received: kr(5_039_944), spent: 0, unspent: kr(5_039_944), toRepay: kr(5_039_944) });

    const started = await editor.upload(`/api/ledger/imports/sie?organisationId=${orgId}&fileName=rjh-2023.se`, await jamtlandSie());
    expect(started.status).toBe(202);
    const jobId = ((await started.json()) as { id: string }).id;
    let job: Json = { status: "running" };
    for (let i = 0; i < 300 && job.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await editor.json<Json>("GET", `/api/ledger/jobs/${jobId}`)).body;
    }
    expect(job).toMatchObject({ status: "done", result: { year: 2023 } });

    const sync = await editor.json<Json>("POST", "/api/followup/grant-spending", { organisationId: orgId, partId, recipientCode: "23", year: 2023 });
    expect(sync.status).toBe(200);
    // 3 000 000 + 1 200 000 + 423 541; the other project's 777 777 and the grant income are not costs on 9929.
    expect(sync.body).toMatchObject({ object: "9929", year: 2023, costs: kr(4_623_541), income: kr(5_039_944) });
    expect(sync.body.spendingId).toEqual(expect.any(Number));

    const after = await figures();
    expect(after.figures).toMatchObject({ received: kr(5_039_944), spent: kr(4_623_541), unspent: kr(416_403), toRepay: kr(416_403) });
    expect(after.spending).toEqual([expect.objectContaining({ source: "ledger", sourceRef: "huvudbok:2023:9929", amount: kr(4_623_541), spentOn: "2023-12-31" })]);

    // Syncing again replaces the ledger row rather than counting the costs twice.
    await editor.json("POST", "/api/followup/grant-spending", { organisationId: orgId, partId, recipientCode: "23", year: 2023 });
    expect((await figures()).figures.spent).toBe(kr(4_623_541));
  });

  it("keeps manual rows beside the ledger row and adds nothing for a year without costs on the object", async () => {
    await editor.json("POST", `/api/grants/parts/${partId}/recipients/23/spending`, { spentOn: "2024-01-10", amount: kr(16_403), description: "Efterfakturering" });
    const empty = await editor.json<Json>("POST", "/api/followup/grant-spending", { organisationId: orgId, partId, recipientCode: "23", year: 2024 });
    expect(empty.body).toMatchObject({ costs: 0, rows: 0, spendingId: null });
    expect((await figures()).figures).toMatchObject({ spent: kr(4_639_944), unspent: kr(400_000), toRepay: kr(400_000) });
  });

  it("refuses a reader of the recipient and another organisation's editor, whatever organisationId they send", async () => {
    const reader = await api.loginAs({ username: "jamtland-lasare", roles: [{ organisationCode: "23", role: "reader" }] });
    const stranger = await api.loginAs({ username: "stockholm-redigerare", roles: [{ organisationCode: "01", role: "editor" }] });
    const strangerOrg = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "01").executeTakeFirstOrThrow()).id;
    expect((await reader.json("POST", "/api/followup/grant-spending", { organisationId: orgId, partId, recipientCode: "23", year: 2023 })).status).toBe(403);
    // Its own organisation's id no longer lets an editor write another recipient's spending.
    expect((await stranger.json("POST", "/api/followup/grant-spending", { organisationId: strangerOrg, partId, recipientCode: "23", year: 2023 })).status).toBe(403);
  });

  it("writes the spending row and its audit row together, or neither", async () => {
    const actor = { id: null, username: "jamtland", isAdmin: false, roles: [{ organisationId: orgId, role: "editor" as const }] };
    const audits = async () => (await api.opened.db.selectFrom("audit_log").select("id").where("entity", "=", "grant_spending").execute()).length;
    const auditsBefore = await audits();
    const spentBefore = (await figures()).figures.spent;
    const restore = await failAtCommit(api.opened.db, "grant_spending");
    await expect(syncLedgerSpending(api.opened.db, actor, { partId, recipientCode: "23", year: 2023 })).rejects.toThrow(/commit refused/);
    await restore();
    expect(await audits()).toBe(auditsBefore);
    expect((await figures()).figures.spent).toBe(spentBefore);
  });
});
