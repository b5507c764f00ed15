import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/connect";
import { createTestApi, type TestApi, type TestClient } from "../helpers/api";
import { exampleOf, operationsOf, requestFor, type JsonSchema, type Operation, type Target } from "../helpers/openapi-requests";
import { seedRecords } from "../helpers/seed-records";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a JSON value, the root included. */
function placesOf(value: Json, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...placesOf(v, [...at, i])));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...placesOf(v, [...at, k]));
  return out;
}

function setAt(value: Json, path: Path, replace: (old: Json | undefined) => Json | undefined): Json {
  if (path.length === 0) return replace(value) ?? null;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = replace(node[last]);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = next;
  return copy as Json;
}

interface Mutated {
  what: string;
  url: string;
  body?: string;
  contentType?: string;
}

const wrongTypes: Json[] = [null, true, 0, -1, "", "text", [], {}, [1, "a"], { a: 1 }];
const hugeNumbers = ["1e999", "-1e999", "9223372036854775808", "-9223372036854775809", "1e308", "123456789012345678901234567890", "0.5", "-0"];

/** A mutation of a good request: what to do to it, and where. */
const mutation = fc.record({
  kind: fc.constantFrom("malformed-json", "content-type", "nul", "impossible-date", "long-string", "wrong-type", "missing-field", "extra-field", "huge-number", "negative-id"),
  place: fc.nat(),
  pick: fc.nat(),
  length: fc.integer({ min: 2_000, max: 40_000 }),
});

function mutate(op: Operation, good: { url: string; body?: string; contentType?: string }, m: { kind: string; place: number; pick: number; length: number }): Mutated {
  const body: Json = good.body !== undefined && good.contentType === "application/json" ? (JSON.parse(good.body) as Json) : null;
  const places = body === null ? [] : placesOf(body).filter((p) => p.length > 0);
  const place = places.length > 0 ? places[m.place % places.length]! : undefined;
  const asJson = (value: Json, what: string): Mutated => ({ what, url: good.url, body: JSON.stringify(value), contentType: "application/json" });
  const at = (replace: (old: Json | undefined) => Json | undefined, what: string) => (place ? asJson(setAt(body, place, replace), `${what} at ${place.join(".")}`) : asJson(replace(body) ?? null, `${what} as the body`));
  switch (m.kind) {
    case "malformed-json": {
      const text = good.body ?? "{}";
      const cut = text.slice(0, m.pick % Math.max(1, text.length));
      return { what: "malformed JSON", url: good.url, body: [cut, `${text}}`, `${text},`, "{'a': 1}", "{\"a\": undefined}", "\u0000"][m.pick % 6], contentType: "application/json" };
    }
    case "content-type":
      return { what: "wrong content type", url: good.url, body: good.body ?? "{}", contentType: ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "image/png"][m.pick % 5] };
    case "nul":
      return at((old) => (typeof old === "string" ? `${old}\u0000` : "a\u0000b"), "NUL");
    case "impossible-date":
      return at(() => ["2023-02-30", "2023-13-45", "2023-00-10", "0000-00-00", "9999-99-99"][m.pick % 5]!, "impossible date");
    case "long-string":
      return at(() => "å".repeat(m.length), `string of ${m.length}`);
    case "wrong-type":
      return at(() => wrongTypes[m.pick % wrongTypes.length]!, "wrong type");
    case "missing-field":
      return place ? at(() => undefined, "missing") : asJson({}, "empty body");
    case "extra-field":
      return body !== null && typeof body === "object" && !Array.isArray(body) ? asJson({ ...body, [`extra${m.pick % 3}`]: wrongTypes[m.pick % wrongTypes.length]! }, "extra field") : asJson({ extra: 1 }, "extra field");
    case "huge-number": {
      const marker = "__HUGE__";
      const value = place ? setAt(body, place, () => marker) : marker;
      return { what: `huge number at ${place?.join(".") ?? "body"}`, url: good.url, body: JSON.stringify(value).replace(`"${marker}"`, hugeNumbers[m.pick % hugeNumbers.length]!), contentType: "application/json" };
    }
    default: {
      const bad = ["-1", "0", "99999999999999999999", "abc", "1.5"][m.pick % 5]!;
      if (op.path.includes("{id}")) {
        const url = good.url.replace(/\/\d+(?=\/|$|\?)/, `/${bad}`);
        return { what: `path id ${bad}`, url, body: good.body, contentType: good.contentType };
      }
      const idPlace = places.find((p) => /id$/i.test(String(p[p.length - 1])));
      return idPlace ? asJson(setAt(body, idPlace, () => -1), `negative id at ${idPlace.join(".")}`) : at(() => -1, "negative number");
    }
  }
}

/** Row counts and row versions of every table that a refused request must leave alone. */
async function snapshot(db: Db, tables: string[]): Promise<string> {
  const parts = tables.map((t) => `'${t}=' || (SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text FROM "${t}")`);
  const row = await sql.raw<{ s: string }>(`SELECT concat_ws(',', ${parts.join(", ")}) AS s`).execute(db);
  return row.rows[0]!.s;
}

/** A snapshot once background work (an import job started by an earlier request) has settled. */
async function settled(db: Db, tables: string[]): Promise<string> {
  let last = await snapshot(db, tables);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 30));
    const now = await snapshot(db, tables);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * A refused import is recorded as a failed import (its row and audit entry) by design, so the
 * import list shows the attempt; only those tables may change when these refuse.
 */
const recordsFailedAttempt: Record<string, string[]> = {
  "POST /api/ledger/imports/csv": ["ledger_imports", "audit_log", "audit_chain_head"],
  "POST /api/ledger/imports/sie": ["ledger_imports", "audit_log", "audit_chain_head"],
};

// For every write operation of the OpenAPI document: mutated requests sent as a system
// administrator are answered without a server error, and a refused one writes nothing.
describe("write operations under mutated input", () => {
  let api: TestApi;
  let admin: TestClient;
  let writes: Operation[];
  let resolve: (s: JsonSchema) => JsonSchema;
  let target: Target;
  let tables: string[];

  beforeAll(async () => {
    api = await createTestApi();
    const doc = await (await api.app.request("/api/openapi.json")).json();
    const parsed = operationsOf(doc);
    resolve = parsed.resolve;
    // Logging out would end the session the test runs in.
    writes = parsed.operations.filter((o) => ["POST", "PUT", "PATCH", "DELETE"].includes(o.method) && o.key !== "POST /api/auth/logout");
    admin = await api.loginAs({ username: "fuzz-admin", isAdmin: true });
    target = await seedRecords(api, admin, "23");
    const listed = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(api.opened.db);
    // Sessions and login bookkeeping change on every request by design.
    tables = listed.rows.map((r) => r.table_name).filter((t) => !/session|login|throttle/.test(t)).sort();
    // Logins hash passwords (scrypt) and a busy machine makes that slow.
  }, 600_000);
  afterAll(() => api.close());

  it("answers every mutated write without a 5xx and writes nothing when it refuses", async () => {
    expect(writes.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const op of writes) {
      const good = requestFor(op, target, resolve);
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const sent = mutate(op, good, m);
          const before = await settled(api.opened.db, tables);
          const res = await admin.send(op.method, sent.url, sent.body, sent.contentType);
          const text = await res.text();
          const label = `${op.key} with ${sent.what}: ${res.status}`;
          if (res.status >= 500) problems.push(`${label} ${text.slice(0, 200)}`);
          else if (res.status >= 400 && !op.path.startsWith("/api/auth/")) {
            const after = await snapshot(api.opened.db, tables);
            if (after !== before) {
              const was = new Set(before.split(","));
              const changed = after.split(",").filter((t) => !was.has(t)).map((t) => t.split("=")[0]!);
              const unexpected = changed.filter((t) => !recordsFailedAttempt[op.key]?.includes(t));
              if (unexpected.length > 0) problems.push(`${label}, refused but ${unexpected.join(", ")} changed`);
            }
          }
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 6) },
      );
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it("builds a plausible body for every JSON write (the fuzz starts from something near valid)", () => {
    for (const op of writes.filter((o) => o.bodySchema)) expect(exampleOf(op.bodySchema!, target, resolve, 0)).not.toBeNull();
  });
});
