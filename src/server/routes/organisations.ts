import { createRoute, z } from "@hono/zod-openapi";
import { requireUser, type App } from "../context";
import { errorResponses, jsonResponse } from "../schemas";

const kinds = ["state", "skr", "region", "cooperation_region", "municipality", "board", "other"] as const;

const OrganisationSchema = z
  .object({
    id: z.number(),
    code: z.string().openapi({ example: "23" }),
    kind: z.enum(kinds),
    name: z.string().openapi({ example: "Region Jämtland Härjedalen" }),
    shortName: z.string(),
    countyCode: z.string().nullable(),
  })
  .openapi("Organisation");

const list = createRoute({
  method: "get",
  path: "/api/organisations",
  tags: ["Referensdata"],
  summary: "Organisationer: regioner, samverkansregioner, kommuner, statliga myndigheter, SKR",
  request: { query: z.object({ kind: z.enum(kinds).optional() }) },
  responses: { 200: jsonResponse(z.array(OrganisationSchema), "Organisationer"), ...errorResponses },
});

export function registerOrganisationRoutes(app: App) {
  app.openapi(list, async (c) => {
    requireUser(c.get("user"));
    const { kind } = c.req.valid("query");
    let q = c.get("db").selectFrom("organisations").select(["id", "code", "kind", "name", "short_name", "county_code"]).orderBy("code");
    if (kind) q = q.where("kind", "=", kind);
    const rows = await q.execute();
    return c.json(
      rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind, name: r.name, shortName: r.short_name, countyCode: r.county_code })),
      200,
    );
  });
}
