import { createRoute, z } from "@hono/zod-openapi";
import { compiledOnce } from "../../db/compiled-once";
import type { Db } from "../../db/connect";
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

// Every page asks for the organisations (the scope picker, the forms): compiled once.
const organisationRows = (db: Db) => db.selectFrom("organisations").select(["id", "code", "kind", "name", "short_name", "county_code"]).orderBy("code");
const allOrganisations = compiledOnce((db, _v: Record<string, never>) => organisationRows(db), { shared: true });
const organisationsOfKind = compiledOnce((db, v: { kind: (typeof kinds)[number] }) => organisationRows(db).where("kind", "=", v.kind), { shared: true });

export function registerOrganisationRoutes(app: App) {
  app.openapi(list, async (c) => {
    requireUser(c.get("user"));
    const { kind } = c.req.valid("query");
    const rows = kind ? await organisationsOfKind(c.get("db"), { kind }) : await allOrganisations(c.get("db"), {});
    return c.json(
      rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind, name: r.name, shortName: r.short_name, countyCode: r.county_code })),
      200,
    );
  });
}
