import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { maxJsonText } from "../core/input-schemas";
import { ApiError } from "./errors";
import type { AppEnv } from "./context";

/** The largest JSON body the API takes. */
export const jsonBodyLimit = 1024 * 1024;
/** The largest uploaded file (SIE, CSV outcomes, population, annex): a region's year of ledger rows fits. */
export const uploadBodyLimit = 200 * 1024 * 1024;

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

interface RouteBody {
  method: string;
  pattern: RegExp;
  /** Number of path parameters: a literal path wins over a parameterised one. */
  params: number;
  mediaTypes: string[];
}

function routeBodies(app: OpenAPIHono<AppEnv>): RouteBody[] {
  const routes: RouteBody[] = [];
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== "route") continue;
    const route = def.route;
    const content = (route.request?.body as { content?: Record<string, unknown> } | undefined)?.content;
    const params = (route.path.match(/\{[^}]+\}/g) ?? []).length;
    const literal = route.path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(`^${literal.join("[^/]+")}$`);
    routes.push({ method: route.method.toUpperCase(), pattern, params, mediaTypes: content ? Object.keys(content) : [] });
  }
  return routes.sort((a, b) => a.params - b.params);
}

/** The JSON path of the first string (or key) holding a NUL or longer than the cap. */
function findBadText(value: unknown, path: string): { path: string; problem: "nul" | "long" } | undefined {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path, problem: "nul" };
    if (value.length > maxJsonText) return { path, problem: "long" };
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadText(value[i], path ? `${path}.${i}` : String(i));
      if (bad) return bad;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes("\u0000")) return { path: at, problem: "nul" };
      const bad = findBadText(inner, at);
      if (bad) return bad;
    }
  }
  return undefined;
}

function refuseBadText(bad: { path: string; problem: "nul" | "long" }, where: "body" | "query"): never {
  const field = bad.path || "(kroppen)";
  const message = bad.problem === "nul" ? `Fältet ${field} innehåller ett NUL-tecken, som inte kan sparas.` : `Fältet ${field} är längre än ${maxJsonText} tecken.`;
  throw new ApiError(400, bad.problem === "nul" ? "invalid_character" : "too_long", message, [{ path: bad.path, message }], where === "query" ? { field: bad.path } : { path: bad.path });
}

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, "too_large", `Förfrågan är för stor: högst ${limit / (1024 * 1024)} MB tas emot.`);
};

/**
 * Refuses a request the routes cannot read before any handler sees it: a body over its limit
 * (413), a JSON route sent another content type (415), JSON that does not parse (400), and a
 * NUL character or an over-long text in any JSON string or query parameter (400, naming the
 * field). What it lets through parses; the routes' schemas check the rest.
 */
export function requestGuard(app: OpenAPIHono<AppEnv>) {
  let routes: RouteBody[] | undefined;
  return async (c: Context<AppEnv>, next: Next) => {
    for (const [name, values] of Object.entries(c.req.queries())) {
      for (const v of values) {
        if (v.includes("\u0000") || v.length > maxJsonText) refuseBadText({ path: name, problem: v.includes("\u0000") ? "nul" : "long" }, "query");
      }
    }
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS" || !c.req.raw.body) return next();
    routes ??= routeBodies(app);
    const path = c.req.path;
    const route = routes.find((r) => r.method === method && r.pattern.test(path));
    const takesJson = !route || route.mediaTypes.length === 0 || route.mediaTypes.some((t) => jsonMediaType.test(t));
    const limit = takesJson ? jsonBodyLimit : uploadBodyLimit;
    const mediaType = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
    return bodyLimit({ maxSize: limit, onError: tooLarge(limit) })(c, async () => {
      if (!takesJson) return next();
      const text = await c.req.text();
      if (text.trim() === "") return next();
      if (!jsonMediaType.test(mediaType)) {
        throw new ApiError(415, "unsupported_media_type", `Innehållstypen ${mediaType ? `"${mediaType.slice(0, 100)}"` : "saknas"}: skicka application/json.`);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new ApiError(400, "malformed_json", `Kroppen är inte giltig JSON (${err instanceof Error ? err.message.slice(0, 200) : "kan inte tolkas"}).`);
      }
      const bad = findBadText(parsed, "");
      if (bad) refuseBadText(bad, "body");
      await next();
    });
  };
}
