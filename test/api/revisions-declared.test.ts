import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../helpers/api";
import { operationsOf, type JsonSchema } from "../helpers/openapi-requests";

// Issue 9: every update, decide and new-version call carries the revision it was based on, so a
// stale one can be refused with 409. Walked from the OpenAPI document: a new operation that
// changes a stored record without a revision fails here until it has one, or until it is listed
// below with the reason it needs none.

/** Changes of stored records whose body carries no revision, and why that is safe. */
const WITHOUT_REVISION: Record<string, string> = {
  "DELETE /api/grants/spending/{id}": "a spending row is never edited, only entered or deleted: there is no later version to overwrite",
};

/** An operation that changes a record already stored (not one that creates, previews or checks). */
const changesStoredRecord = (method: string, path: string) =>
  method === "PUT" || method === "PATCH" || method === "DELETE" || (method === "POST" && /\/(decide|versions|deactivate|reactivate|reset-password)$/.test(path));

/** The body's required top-level fields, through $ref and allOf. */
function requiredOf(raw: JsonSchema | undefined, resolve: (s: JsonSchema) => JsonSchema): string[] {
  if (!raw) return [];
  const schema = resolve(raw);
  return [...(schema.required ?? []), ...(schema.allOf ?? []).flatMap((s) => requiredOf(s, resolve))];
}

/** The body's property names, through $ref, allOf/anyOf/oneOf and arrays ("values.revision"). */
function fieldsOf(raw: JsonSchema | undefined, resolve: (s: JsonSchema) => JsonSchema, prefix = "", depth = 0): string[] {
  if (!raw || depth > 6) return [];
  const schema = resolve(raw);
  const choices = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (choices.length) return choices.flatMap((c) => fieldsOf(c, resolve, prefix, depth + 1));
  if (schema.items) return fieldsOf(schema.items, resolve, prefix, depth + 1);
  return Object.entries(schema.properties ?? {}).flatMap(([name, s]) => [`${prefix}${name}`, ...fieldsOf(s, resolve, `${prefix}${name}.`, depth + 1)]);
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

describe("revisions on every change of a stored record", () => {
  it("are required by each update, decide, new-version and delete operation, or its exemption says why", async () => {
    const doc = await (await api.app.request("/api/openapi.json")).json();
    const { operations, resolve } = operationsOf(doc);
    const changes = operations.filter((op) => changesStoredRecord(op.method, op.path));
    expect(changes.length).toBeGreaterThan(30);
    const missing = changes
      .filter((op) => !(op.key in WITHOUT_REVISION))
      .filter((op) => {
        const fields = fieldsOf(op.bodySchema, resolve);
        const required = requiredOf(op.bodySchema, resolve);
        // A revision per row (index values) counts too: each row is a record of its own.
        return !(required.includes("revision") || required.includes("expectedVersion") || fields.some((f) => f.endsWith(".revision")));
      })
      .map((op) => op.key);
    expect(missing).toEqual([]);
    // An exemption for an operation that no longer exists would hide a new one of the same name.
    expect(Object.keys(WITHOUT_REVISION).filter((key) => !changes.some((op) => op.key === key))).toEqual([]);
  });
});
