import { createRoute, z } from "@hono/zod-openapi";
import { populationDates, populationOf } from "../../db/queries/population";
import { requireUser, type App } from "../context";
import { errorResponses, jsonResponse } from "../schemas";

const dates = createRoute({
  method: "get",
  path: "/api/population/dates",
  tags: ["Referensdata"],
  summary: "Datum som det finns folkmängd för",
  responses: { 200: jsonResponse(z.array(z.string()), "Datum, ÅÅÅÅ-MM-DD"), ...errorResponses },
});

const lookup = createRoute({
  method: "get",
  path: "/api/population",
  tags: ["Referensdata"],
  summary: "Folkmängd för ett område på ett datum, med delarna den är summerad av",
  request: {
    query: z.object({
      code: z.string().openapi({ example: "SVR-SODRA" }),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Datum skrivs ÅÅÅÅ-MM-DD"),
      basis: z.enum(["membership", "whole_regions"]).default("membership"),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        population: z.number(),
        basis: z.string(),
        parts: z.array(z.object({ areaCode: z.string(), name: z.string(), population: z.number() })),
      }),
      "Folkmängd",
    ),
    ...errorResponses,
  },
});

export function registerPopulationRoutes(app: App) {
  app.openapi(dates, async (c) => {
    requireUser(c.get("user"));
    return c.json(await populationDates(c.get("db")), 200);
  });

  app.openapi(lookup, async (c) => {
    requireUser(c.get("user"));
    const { code, date, basis } = c.req.valid("query");
    const figure = await populationOf(c.get("db"), { code, date, basis });
    return c.json({ population: figure.population, basis: figure.basis, parts: figure.parts }, 200);
  });
}
