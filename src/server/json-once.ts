import type { Context } from "hono";

const bodies = new WeakMap<object, string>();

/**
 * The JSON answer for a value served many times unchanged: a report or a page of drill-down from
 * the ledger cache (src/ledger/report-cache.ts), the same object for every request until the
 * ledger changes. It is serialized once and the text kept as long as the value is: under 200
 * clients asking for reports, JSON.stringify per request was the server's largest cost and most
 * of its garbage. The value must never be changed once served (the cache's values are not).
 */
export function jsonOnce(c: Context, value: object): Response {
  let body = bodies.get(value);
  // Kept as text: as bytes (Buffer) @hono/node-server wrote it by a slower path, 30 % fewer answers a second.
  if (body === undefined) bodies.set(value, (body = JSON.stringify(value)));
  return c.body(body, 200, { "content-type": "application/json" });
}
