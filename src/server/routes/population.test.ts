import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";

describe("population API", () => {
  let api: TestApi;
  let admin: TestClient;
  let editor: TestClient;
  beforeAll(async () => {
    api = await createTestApi();
    admin = await api.loginAs({ username: "admin1", isAdmin: true });
    editor = await api.loginAs({ username: "editor23", roles: [{ organisationCode: "23", role: "editor" }] });
  });
  afterAll(() => api.close());

  it("lists the shipped dates and answers a lookup with its parts", async () => {
    const dates = await editor.json<string[]>("GET", "/api/population/dates");
    expect(dates.body).toEqual(expect.arrayContaining(["2021-12-31", "2023-12-31"]));
    const sodra = await editor.json<{ population: number; parts: { areaCode: string }[] }>("GET", "/api/population?code=SVR-SODRA&date=2021-12-31&basis=whole_regions");
    expect(sodra.body.population).toBe(2_104_945);
    expect(sodra.body.parts.map((p) => p.areaCode).sort()).toEqual(["07", "10", "12", "13"]);
  });

  it("imports a file for admins only, all or nothing, and logs it", async () => {
    const good = "code,name,level,population\n23,Jämtlands län,lan,131000\n";
    expect((await editor.upload("/api/population/import?filename=population-2022-10-31-counties.csv", good)).status).toBe(403);

    const bad = "code,name,level,population\n23,Jämtlands län,lan,131000\n10,Blekinge län,lan,x\n";
    const refused = await admin.upload("/api/population/import?filename=population-2022-10-31-counties.csv", bad);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/rad 3/i);
    expect((await admin.json<string[]>("GET", "/api/population/dates")).body).not.toContain("2022-10-31");

    const ok = await admin.upload("/api/population/import?filename=population-2022-10-31-counties.csv", good);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ rows: 1, dates: ["2022-10-31"], inserted: 1 });
    const audit = await api.opened.db.selectFrom("audit_log").selectAll().where("entity", "=", "population").execute();
    expect(audit).toHaveLength(1);
  });
});
