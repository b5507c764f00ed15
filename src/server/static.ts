import { serveStatic } from "@hono/node-server/serve-static";
import { existsSync } from "node:fs";
import type { Context } from "hono";
import type { App } from "./context";

/** The last path segment names a file (`/assets/app-1a2b.js`, `/favicon.ico`), not a page. */
const looksLikeFile = (path: string) => /\.[A-Za-z0-9]{1,10}$/.test(path.slice(path.lastIndexOf("/") + 1));

/** A page navigation asks for HTML; fetch(), <script> and <img> do not. */
const wantsHtml = (c: Context) => (c.req.header("accept") ?? "").includes("text/html");

const notFound = (c: Context) => c.text("Finns inte.", 404, { "cache-control": "no-cache" });

/**
 * Serves the built React app. Files go through @hono/node-server's serveStatic, which refuses
 * dot segments, backslashes and percent-encoded paths (so `/..%2f…` never leaves the folder);
 * an unknown file is 404, and the app's HTML answers only page navigations (Accept: text/html,
 * no file extension) so that client routes work and a missing asset is never mistaken for a page.
 */
export function registerStatic(app: App, webDir: string) {
  // Made once the folder is there: serveStatic warns on stderr about a root that is missing, and
  // a server started before `npm run build` answers pages once the build has made it.
  const make = () => ({ files: serveStatic({ root: webDir }), page: serveStatic({ root: webDir, path: "index.html" }) });
  let handlers: ReturnType<typeof make> | undefined;
  const built = () => {
    if (!handlers && existsSync(`${webDir}/index.html`)) handlers = make();
    return handlers;
  };

  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (path.startsWith("/api/")) return next();
    if (looksLikeFile(path)) {
      // Vite puts a content hash in every name under /assets/, so those never change.
      c.header("cache-control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      const files = built()?.files;
      return (files && (await files(c, async () => {}))) || notFound(c);
    }
    if (!wantsHtml(c)) return notFound(c);
    c.header("cache-control", "no-cache");
    const page = built()?.page;
    if (!page) return c.text("Webbgränssnittet är inte byggt. Kör npm run build (eller starta med npm start) och ladda om sidan.", 503);
    return (await page(c, async () => {})) ?? notFound(c);
  });
}
