import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { App } from "./context";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/** Serves the built React app; unknown non-API paths get index.html so client routes work. */
export function registerStatic(app: App, webDir: string) {
  const index = join(webDir, "index.html");
  app.get("*", (c, next) => {
    const path = c.req.path;
    if (path.startsWith("/api/")) return next();
    const file = normalize(join(webDir, decodeURIComponent(path)));
    if (file.startsWith(webDir) && extname(file) && existsSync(file)) {
      const immutable = path.startsWith("/assets/");
      return c.body(readFileSync(file), 200, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    if (!existsSync(index)) return c.text("Webbgränssnittet är inte byggt: kör npm run build:web.", 503);
    return c.body(readFileSync(index), 200, { "content-type": types[".html"]!, "cache-control": "no-cache" });
  });
}
