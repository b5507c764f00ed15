import { isoDate, nameText } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { populationCoverage, populationDates, populationOf } from "../../db/queries/population";
import { importPopulationFile } from "../../app/population/import-population";
import { requireAdmin, requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, jsonResponse } from "../schemas";
import { defaultPopulationBasis, populationBases } from "../../core/population-key";

const dates = createRoute({
  method: "get",
  path: "/api/population/dates",
  tags: ["Referensdata"],
  summary: "Datum som det finns folkmängd för",
  responses: { 200: jsonResponse(z.array(z.string()), "Datum, ÅÅÅÅ-MM-DD"), ...errorResponses },
});

const CoverageSchema = z
  .object({
    date: z.string(),
    nation: z.boolean(),
    counties: z.number().int(),
    countiesTotal: z.number().int(),
    municipalities: z.number().int(),
    municipalitiesTotal: z.number().int(),
    complete: z.boolean().openapi({ description: "Every county and every municipality has its own figure" }),
    description: z.string().openapi({ example: "riket, alla 21 län, 256 av 290 kommuner" }),
  })
  .openapi("PopulationCoverage");

const coverage = createRoute({
  method: "get",
  path: "/api/population/coverage",
  tags: ["Referensdata"],
  summary: "Datum med folkmängd och vad varje datum täcker (komplett eller ofullständigt)",
  responses: { 200: jsonResponse(z.array(CoverageSchema), "Datum, äldst först"), ...errorResponses },
});

const lookup = createRoute({
  method: "get",
  path: "/api/population",
  tags: ["Referensdata"],
  summary: "Folkmängd för ett område på ett datum, med delarna den är summerad av",
  request: {
    query: z.object({
      code: z.string().openapi({ example: "SVR-SODRA" }),
      date: isoDate(),
      basis: z.enum(populationBases).default(defaultPopulationBasis.populationLookup),
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

const maxImportBytes = 20 * 1024 * 1024;

const importFile = createRoute({
  method: "post",
  path: "/api/population/import",
  tags: ["Referensdata"],
  summary: "Importera folkmängd från en SCB-fil (JSON-stat 2.0 eller CSV); allt eller inget",
  request: {
    query: z.object({
      filename: nameText().min(1).openapi({ example: "BE0101N1-2022M10.json" }),
      date: isoDate().optional(),
      format: z.enum(["auto", "jsonstat", "csv"]).default("auto"),
    }),
    body: { content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } }, required: true },
  },
  responses: {
    200: jsonResponse(z.object({ rows: z.number(), dates: z.array(z.string()), inserted: z.number(), replaced: z.number() }), "Importerad"),
    ...errorResponses,
  },
});

export function registerPopulationRoutes(app: App) {
  app.openapi(importFile, async (c) => {
    const user = requireAdmin(c.get("user"));
    const { filename, date, format } = c.req.valid("query");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiError(400, "empty", `Filen ${filename} är tom.`);
    if (bytes.length > maxImportBytes) throw new ApiError(400, "too_large", `Filen ${filename} är större än 20 MB.`);
    return c.json(await importPopulationFile(c.get("db"), user, bytes, { fileName: filename, date, format }), 200);
  });

  app.openapi(dates, async (c) => {
    requireUser(c.get("user"));
    return c.json(await populationDates(c.get("db")), 200);
  });

  app.openapi(coverage, async (c) => {
    requireUser(c.get("user"));
    return c.json(await populationCoverage(c.get("db")), 200);
  });

  app.openapi(lookup, async (c) => {
    requireUser(c.get("user"));
    const { code, date, basis } = c.req.valid("query");
    const figure = await populationOf(c.get("db"), { code, date, basis });
    return c.json({ population: figure.population, basis: figure.basis, parts: figure.parts }, 200);
  });
}
