import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";
import { loadDemoRegisters } from "../../db/demo/registers";

// Issue 12 item 7 through the API: seed 001's NHV permits and RCC Syd's assignments, kept per
// organisation and year, changed with revisions, and printed in the annual report.

type ErrorBody = { error: { code: string; message: string } };
type RegistersBody = { permits: { id: number; careArea: string; outcome: string; revision: number }[]; assignments: { id: number; role: string; percent: number; revision: number }[] };

let api: TestApi;
let org: number;
let editor: TestClient;

beforeAll(async () => {
  api = await createTestApi();
  await loadDemoRegisters(api.opened.db);
  org = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "SVR-SODRA").executeTakeFirstOrThrow()).id;
  editor = await api.loginAs({ username: "sodra.redaktor", displayName: "Sara", roles: [{ organisationCode: "SVR-SODRA", role: "editor" }] });
});
afterAll(async () => api.close());

describe("registers API", () => {
  it("lists seed 001's thirteen permits and RCC Syd's assignments, 1 030 % of full time with the project leaders", async () => {
    const { status, body } = await editor.json<RegistersBody>("GET", `/api/registers?organisationId=${org}&year=2023`);
    expect(status).toBe(200);
    expect(body.permits).toHaveLength(13);
    expect(body.permits.filter((p) => p.outcome === "granted" || p.outcome === "granted_partner")).toHaveLength(8);
    expect(body.assignments.map((a) => a.percent).reduce((a, b) => a + b, 0)).toBe(1030);
  });

  it("adds, changes and removes rows with revisions, and says in Swedish what is wrong", async () => {
    const row = { careArea: "Ny vård", applicationPhase: "2024-02-30", outcome: "applied", startDate: null, principal: "Sus" };
    const bad = await editor.json<ErrorBody>("PUT", "/api/registers/nhv-permits", { organisationId: org, year: 2024, revision: 0, row });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/row\.applicationPhase: Datumet finns inte i kalendern/);
    const added = await editor.json<RegistersBody>("PUT", "/api/registers/nhv-permits", { organisationId: org, year: 2024, revision: 0, row: { ...row, applicationPhase: "2024-02-28" } });
    expect(added.status).toBe(200);
    const { id } = added.body.permits[0]!;
    const stale = await editor.json<ErrorBody>("PUT", "/api/registers/nhv-permits", { organisationId: org, year: 2024, id, revision: 0, row: { ...row, applicationPhase: "2024-02-28" } });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: "stale" } } });
    const changed = await editor.json<RegistersBody>("PUT", "/api/registers/nhv-permits", { organisationId: org, year: 2024, id, revision: 1, row: { ...row, applicationPhase: "2024-02-28", outcome: "granted" } });
    expect(changed.body.permits[0]).toMatchObject({ outcome: "granted", revision: 2 });
    expect((await editor.json("DELETE", "/api/registers/nhv-permits", { organisationId: org, id, revision: 2 })).status).toBe(200);
    expect((await editor.json<RegistersBody>("GET", `/api/registers?organisationId=${org}&year=2024`)).body.permits).toEqual([]);

    const zero = await editor.json<ErrorBody>("PUT", "/api/registers/assignments", { organisationId: org, year: 2024, revision: 0, row: { unit: "RCC Syd", role: "HR", percent: 0, note: null } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toMatch(/Andelen är minst 1 %/);
  });

  it("prints the registers in the annual report", async () => {
    const { status, body } = await editor.json<{ registers: RegistersBody }>("GET", `/api/followup/annual-report?organisationId=${org}&year=2023`);
    expect(status).toBe(200);
    expect(body.registers.permits.map((p) => p.careArea)).toContain("Extraktion av pacemakerutrustning");
    expect(body.registers.assignments.map((a) => a.role)).toContain("Strateger/utvecklare");
  });

  it("keeps another organisation's reader out", async () => {
    const outsider = await api.loginAs({ username: "norr.lasare", displayName: "Nils", roles: [{ organisationCode: "SVR-NORRA", role: "reader" }] });
    expect((await outsider.json("GET", `/api/registers?organisationId=${org}&year=2023`)).status).toBe(403);
  });
});
