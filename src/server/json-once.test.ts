import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import { jsonOnce } from "./json-once";

describe("jsonOnce", () => {
  it("answers as c.json does, and serializes a value served again only once", async () => {
    const report = { rows: [{ key: "3010", label: "Intäkter åäö", amount: -1_000 }], total: 1 };
    const app = new Hono();
    app.get("/once", (c) => jsonOnce(c, report));
    app.get("/json", (c) => c.json(report));
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const first = await app.request("/once");
      const again = await app.request("/once");
      const plain = await app.request("/json");
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toBe(plain.headers.get("content-type"));
      const body = await plain.text();
      expect(await first.text()).toBe(body);
      expect(await again.text()).toBe(body);
      // Once for /once (twice asked), once for /json.
      expect(stringify.mock.calls.filter(([v]) => v === report)).toHaveLength(2);
    } finally {
      stringify.mockRestore();
    }
  });
});
