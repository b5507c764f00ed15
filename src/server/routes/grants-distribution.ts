import { codeString } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { readAnnex, setAnnexDistribution, type AnnexSource } from "../../app/grants/set-annex-distribution";
import { setKeyDistribution } from "../../app/grants/set-key-distribution";
import { checkDistribution } from "../../core/grants/parts-check";
import { computeAllocation } from "../../db/queries/compute-allocation";
import { getDistribution } from "../../db/queries/grants-distribution";
import { distributionTable } from "../../formats/grants/export";
import { writeXlsx } from "../../formats/xlsx/write";
import { recordExport } from "../../app/exports/record-export";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { visiblePart } from "./grants-access";
import { AllocationResultSchema, AnnexInputSchema, AnnexLineSchema, ComparisonKeySchema, DistributionSchema, GrantAllocationRequest, PartsCheckSchema, RevisionField, staleResponse as locked, tags } from "./grants-schemas";
import { mimeType, mediaType } from "../../core/export-formats";
import { populationBases } from "../../core/population-key";

const get = createRoute({
  method: "get",
  path: "/api/grants/parts/{id}/distribution",
  tags,
  summary: "Delens fördelning till mottagare, summakontroll och jämförelse bilaga/nyckel",
  request: { params: IdParam },
  responses: { 200: jsonResponse(DistributionSchema, "Fördelningen"), ...errorResponses, ...notFoundResponse },
});

const previewKey = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/distribution/preview",
  tags,
  summary: "Beräkna en nyckelfördelning av delen utan att spara (folkmängd, lika delar, fasta belopp)",
  request: { params: IdParam, ...jsonBody(GrantAllocationRequest) },
  responses: { 200: jsonResponse(z.object({ result: AllocationResultSchema, check: PartsCheckSchema }), "Beräkningen"), ...errorResponses, ...notFoundResponse },
});

const saveKey = createRoute({
  method: "put",
  path: "/api/grants/parts/{id}/distribution/key",
  tags,
  summary: "Spara en nyckelfördelning; totalen måste vara delens belopp. revision: fördelningens revision som den lästes (0 när delen inte är fördelad)",
  request: { params: IdParam, ...jsonBody(GrantAllocationRequest.extend({ revision: RevisionField })) },
  responses: { 200: jsonResponse(DistributionSchema, "Sparad"), ...errorResponses, ...notFoundResponse, ...locked },
});

const parseAnnex = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/distribution/annex/parse",
  tags,
  summary: "Läs inklistrade eller inmatade bilagebelopp utan att spara: rader och summakontroll",
  request: { params: IdParam, ...jsonBody(AnnexInputSchema) },
  responses: { 200: jsonResponse(z.object({ lines: z.array(AnnexLineSchema), check: PartsCheckSchema }), "Tolkade rader"), ...errorResponses, ...notFoundResponse },
});

const saveAnnex = createRoute({
  method: "put",
  path: "/api/grants/parts/{id}/distribution/annex",
  tags,
  summary: "Spara beslutade belopp enligt bilagan (inmatade eller inklistrade), ev. med jämförelsenyckel. revision: fördelningens revision som den lästes (0 när delen inte är fördelad)",
  request: { params: IdParam, ...jsonBody(AnnexInputSchema.extend({ revision: RevisionField })) },
  responses: { 200: jsonResponse(DistributionSchema, "Sparad"), ...errorResponses, ...notFoundResponse, ...locked },
});

const importAnnex = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/distribution/annex/import",
  tags,
  summary: "Läs in bilagans belopp från XLSX eller CSV (allt eller inget). Formulärfält: file, revision (fördelningens, 0 när delen inte är fördelad), comparisonDate (valfritt), comparisonBasis, comparisonEqual=true",
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({
            file: z.any().openapi({ type: "string", format: "binary" }),
            revision: codeString().regex(/^\d+$/, "Ange fördelningens revision (fält revision)"),
            comparisonDate: codeString().optional(),
            comparisonBasis: z.enum(populationBases).optional(),
            comparisonEqual: codeString().optional(),
          }),
        },
      },
    },
  },
  responses: { 200: jsonResponse(DistributionSchema, "Inläst och sparad"), ...errorResponses, ...notFoundResponse, ...locked },
});

const exportXlsx = createRoute({
  method: "get",
  path: "/api/grants/parts/{id}/distribution.xlsx",
  tags,
  summary: "Exportera delens fördelning (med jämförelse) som XLSX",
  request: { params: IdParam },
  responses: {
    200: { description: "Arbetsboken", content: { [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } } },
    ...errorResponses,
    ...notFoundResponse,
  },
});

function annexSource(input: z.infer<typeof AnnexInputSchema>): { annex: AnnexSource; source: string } {
  if (input.text !== undefined) return { annex: { kind: "text", text: input.text }, source: input.source === "inmatat" ? "inklistrad text" : input.source };
  if (!input.lines) throw new ApiError(400, "validation", "Ange bilagans rader (lines) eller inklistrad text (text).");
  return { annex: { kind: "lines", lines: input.lines }, source: input.source };
}

export function registerGrantDistributionRoutes(app: App) {
  app.openapi(get, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const owner = await visiblePart(c.get("db"), user, id);
    const found = await getDistribution(c.get("db"), id, owner.amount);
    if (!found) throw new ApiError(404, "not_found", `Del ${id} är inte fördelad ännu.`);
    return c.json(found, 200);
  });

  app.openapi(previewKey, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const owner = await visiblePart(c.get("db"), user, id);
    const { result } = await computeAllocation(c.get("db"), c.req.valid("json"));
    return c.json({ result, check: checkDistribution(owner.amount, result.shares) }, 200);
  });

  app.openapi(saveKey, async (c) => {
    const user = requireUser(c.get("user"));
    const { revision, ...request } = c.req.valid("json");
    return c.json(await setKeyDistribution(c.get("db"), user, c.req.valid("param").id, { request, revision }), 200);
  });

  app.openapi(parseAnnex, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const owner = await visiblePart(c.get("db"), user, id);
    const { annex, source } = annexSource(c.req.valid("json"));
    const lines = await readAnnex(annex, owner.recipientGroup, source);
    return c.json({ lines, check: checkDistribution(owner.amount, lines) }, 200);
  });

  app.openapi(saveAnnex, async (c) => {
    const user = requireUser(c.get("user"));
    const { revision, comparisonKey, ...input } = c.req.valid("json");
    const { annex, source } = annexSource({ ...input, comparisonKey });
    return c.json(await setAnnexDistribution(c.get("db"), user, c.req.valid("param").id, { annex, source, comparisonKey, revision }), 200);
  });

  app.openapi(importAnnex, async (c) => {
    const user = requireUser(c.get("user"));
    const form = c.req.valid("form") as Record<string, unknown>;
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError(400, "validation", "Välj en fil (fält file).");
    const date = typeof form.comparisonDate === "string" && form.comparisonDate !== "" ? form.comparisonDate : undefined;
    const parsedKey = date ? ComparisonKeySchema.safeParse({ kind: "population", date, basis: form.comparisonBasis ?? "membership" }) : undefined;
    if (parsedKey && !parsedKey.success) throw new ApiError(400, "validation", "Jämförelsenyckeln: ange datum som ÅÅÅÅ-MM-DD (fält comparisonDate) och område membership eller whole_regions (fält comparisonBasis).");
    const key = parsedKey?.success ? parsedKey.data : form.comparisonEqual === "true" ? ({ kind: "equal" } as const) : null;
    const annex = { kind: "file" as const, bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
    return c.json(await setAnnexDistribution(c.get("db"), user, c.req.valid("param").id, { annex, source: file.name, comparisonKey: key, revision: Number(form.revision) }), 200);
  });

  app.openapi(exportXlsx, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const owner = await visiblePart(db, user, id);
    const distribution = await getDistribution(db, id, owner.amount);
    if (!distribution) throw new ApiError(404, "not_found", `Del ${id} är inte fördelad ännu.`);
    const part = await db.selectFrom("grant_parts").select("purpose").where("id", "=", id).executeTakeFirstOrThrow();
    const body = await writeXlsx([{ name: "Fördelning", table: distributionTable(`Fördelning: ${part.purpose}`, distribution) }]);
    await recordExport(db, user, { entity: "grant_distribution", entityId: id, organisationId: owner.organisationId, after: { format: "xlsx" } });
    return c.body(new Uint8Array(body), 200, {
      "content-type": mimeType("xlsx"),
      "content-disposition": `attachment; filename="fordelning-del-${id}.xlsx"`,
    }) as never;
  });
}
