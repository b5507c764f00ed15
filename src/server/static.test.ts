import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import type { Db } from "../db/connect";

// The static handler never touches the database; requests that reach the API would fail loudly.
const noDb = {} as Db;

describe("static files", () => {
  let root: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "fordela-static-"));
    const web = join(root, "web");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Fördela</title>");
    writeFileSync(join(web, "assets", "app-1a2b.js"), "console.log(1)");
    writeFileSync(join(web, "favicon.svg"), "<svg/>");
    // A sibling whose name starts with the web folder's: a prefix check without a separator leaks it.
    mkdirSync(join(root, "web-private"));
    writeFileSync(join(root, "web-private", "secret.txt"), "hemligt");
    writeFileSync(join(root, "secret.txt"), "hemligt");
    app = createApp(noDb, { secureCookies: false, webDir: web });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const get = (path: string, accept = "*/*") => Promise.resolve(app.request(path, { headers: { accept } }));

  it("serves a built asset with a long cache and the right type", async () => {
    const res = await get("/assets/app-1a2b.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await res.text()).toBe("console.log(1)");
    expect((await get("/favicon.svg")).status).toBe(200);
  });

  it.each([
    "/..%2fweb-private/secret.txt",
    "/..%2Fweb-private%2Fsecret.txt",
    "/%2e%2e/web-private/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/assets/%2e%2e%5c%2e%2e%5csecret.txt",
    "/%252e%252e%252fsecret.txt",
    "/assets//..//..//secret.txt",
    "/..\\secret.txt",
  ])("refuses traversal %s", async (path) => {
    for (const accept of ["*/*", "text/html"]) {
      const res = await get(path, accept);
      expect(res.status, `${path} (${accept})`).not.toBe(200);
      expect(await res.text()).not.toContain("hemligt");
    }
  });

  it("answers 404 for an unknown asset, whatever the client accepts", async () => {
    for (const accept of ["*/*", "text/html", "application/javascript"]) {
      const res = await get("/assets/nope.js", accept);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("<title>");
    }
    expect((await get("/nope.css", "text/html")).status).toBe(404);
  });

  it("gives the app's HTML only to page navigations", async () => {
    for (const path of ["/", "/fordelningar/12", "/budget/region%20%C3%B6st"]) {
      const res = await get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
    }
    expect((await get("/fordelningar/12", "application/json")).status).toBe(404);
    expect((await get("/fordelningar/12")).status).toBe(404);
  });

  it("leaves unknown API paths to the API's JSON 404", async () => {
    const res = await get("/api/finns-inte", "text/html");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("static files before the web UI is built", () => {
  it("answers a page with a Swedish message that says how to build it, and leaves the API alone", async () => {
    const root = mkdtempSync(join(tmpdir(), "fordela-unbuilt-"));
    try {
      const app = createApp(noDb, { secureCookies: false, webDir: join(root, "web") });
      const page = await app.request("/uppfoljning", { headers: { accept: "text/html" } });
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/inte byggt.*npm run build/);
      expect((await app.request("/assets/app.js")).status).toBe(404);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
