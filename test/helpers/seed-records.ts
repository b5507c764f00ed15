import type { TestApi, TestClient } from "./api";
import type { Target } from "./openapi-requests";

/**
 * One organisation's records made through the API as a system administrator, for tests that
 * call every operation on "own" and "other" records: a draft allocation so far. The ids are
 * keyed by the path prefix whose {id} they fill.
 */
export async function seedRecords(api: TestApi, admin: TestClient, organisationCode: string): Promise<Target> {
  const org = await api.opened.db.selectFrom("organisations").select("id").where("code", "=", organisationCode).executeTakeFirstOrThrow();
  const ids: Record<string, number> = {};
  const allocation = await admin.json<{ id: number }>("POST", "/api/allocations", {
    organisationId: org.id,
    title: `Matris ${organisationCode}`,
    request: { total: 1_000_00, unit: 100, rounding: "largest-remainder", lines: [{ label: "A", method: "equal" }, { label: "B", method: "equal" }] },
  });
  if (allocation.status !== 201 && allocation.status !== 200) throw new Error(`seed allocation: ${allocation.status} ${JSON.stringify(allocation.body)}`);
  ids["/api/allocations"] = allocation.body.id;
  ids["/api/documents/allocations"] = allocation.body.id;
  return { organisationId: org.id, organisationCode, ids };
}
