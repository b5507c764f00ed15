import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../../test/helpers/api";

describe("GET /api/organisations", () => {
  let api: TestApi;
  let reader: TestClient;
  beforeAll(async () => {
    api = await createTestApi();
    reader = await api.loginAs({ username: "org.reader", displayName: "Olle Läsare", roles: [{ organisationCode: "23", role: "reader" }] });
  });
  afterAll(() => api.close());

  type Org = { code: string; kind: string; name: string; shortName: string; countyCode: string | null };

  it("lists the 21 regions by code when asked for regions, and every kind without a filter", async () => {
    const regions = await reader.json<Org[]>("GET", "/api/organisations?kind=region");
    expect(regions.status).toBe(200);
    expect(regions.body).toHaveLength(21);
    expect(regions.body.every((o) => o.kind === "region")).toBe(true);
    expect(regions.body.map((o) => o.code)).toEqual([...regions.body.map((o) => o.code)].sort());
    expect(regions.body.find((o) => o.code === "23")).toMatchObject({ name: "Region Jämtland Härjedalen", countyCode: "23" });
    const municipalities = await reader.json<Org[]>("GET", "/api/organisations?kind=municipality");
    expect(municipalities.body).toHaveLength(290);
    const all = await reader.json<Org[]>("GET", "/api/organisations");
    expect(new Set(all.body.map((o) => o.kind))).toEqual(new Set(["state", "skr", "region", "cooperation_region", "municipality"]));
    expect(all.body.length).toBeGreaterThan(regions.body.length + municipalities.body.length);
  });

  it("refuses an unknown kind with a Swedish error naming the field, and anyone not signed in", async () => {
    const bad = await reader.json<{ error: { message: string } }>("GET", "/api/organisations?kind=landsting");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("kind");
    expect((await api.anonymous.request("GET", "/api/organisations")).status).toBe(401);
  });
});
