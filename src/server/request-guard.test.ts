import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi, type TestClient } from "../../test/helpers/api";
import { jsonBodyLimit } from "./request-guard";

interface ErrorBody {
  error: { code: string; message: string; where?: { path?: string; field?: string } };
}

const preview = { total: 100_00, unit: 100, rounding: "largest-remainder", lines: [{ label: "A", method: "equal" }, { label: "B", method: "equal" }] };

// Bad input is the client's fault and always answered 4xx with a Swedish message saying what
// and where; never 500.
describe("bad input", () => {
  let api: TestApi;
  let admin: TestClient;
  let orgId: number;

  beforeAll(async () => {
    api = await createTestApi();
    admin = await api.loginAs({ username: "admin1", isAdmin: true });
    orgId = (await api.opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => api.close());

  async function error(res: Response) {
    return ((await res.json()) as ErrorBody).error;
  }

  it("answers malformed JSON with 400", async () => {
    const res = await admin.send("POST", "/api/allocations/preview", '{"total": 1,', "application/json");
    expect(res.status).toBe(400);
    expect((await error(res)).code).toBe("malformed_json");
  });

  it("answers a wrong content type with 415", async () => {
    const res = await admin.send("POST", "/api/allocations/preview", JSON.stringify(preview), "text/plain");
    expect(res.status).toBe(415);
    expect((await error(res)).message).toMatch(/application\/json/);
  });

  it("answers a body over the limit with 413", async () => {
    const big = JSON.stringify({ ...preview, padding: "x".repeat(jsonBodyLimit) });
    const res = await admin.send("POST", "/api/allocations/preview", big, "application/json");
    expect(res.status).toBe(413);
    expect((await error(res)).message).toMatch(/högst 1 MB/);
  });

  it("names the field holding a NUL character", async () => {
    const res = await admin.json<ErrorBody>("POST", "/api/allocations/preview", { ...preview, lines: [{ label: "A\u0000", method: "equal" }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/lines\.0\.label/);
    expect(res.body.error.where?.path).toBe("lines.0.label");
    const query = await admin.request("GET", `/api/ledger/account-classes?organisationId=${orgId}&x=%00`);
    expect(query.status).toBe(400);
  });

  it("refuses a date that matches the pattern but does not exist", async () => {
    const res = await admin.json<ErrorBody>("GET", "/api/population?date=2023-02-30");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/finns inte i kalendern/);
    const body = await admin.json<ErrorBody>("POST", "/api/allocations/preview", { ...preview, key: { kind: "population", date: "2023-02-30" } });
    expect(body.status).toBe(400);
    expect(body.body.error.message).toMatch(/key\.date/);
  });

  it("answers a population line without a key with 400 naming the line", async () => {
    const res = await admin.json<ErrorBody>("POST", "/api/allocations/preview", { ...preview, lines: [{ label: "Jämtland", recipientCode: "23", method: "population" }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Rad 1/);
  });

  it("answers a duplicate account-class override with 409 or 400 naming it, and a too long text with 400", async () => {
    const override = { from: "4000", to: "4999", class: "staff" };
    const dup = await admin.json<ErrorBody>("PUT", "/api/ledger/account-classes", { organisationId: orgId, overrides: [override, override], revision: 0 });
    expect([400, 409]).toContain(dup.status);
    expect(dup.body.error.message).toMatch(/4000/);
    const long = await admin.json<ErrorBody>("PUT", "/api/ledger/account-classes", { organisationId: orgId, overrides: [{ ...override, from: "4".repeat(30_000) }], revision: 0 });
    expect(long.status).toBe(400);
    const indexLong = await admin.json<ErrorBody>("PUT", "/api/ledger/account-classes", { organisationId: orgId, overrides: [{ ...override, from: "4".repeat(10_000) }], revision: 0 });
    expect(indexLong.status).toBeLessThan(500);
  });
});
