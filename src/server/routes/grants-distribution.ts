import { createRoute, z } from "@hono/zod-openapi";
import { parseAnnexRows, parseAnnexText, type AnnexLine } from "../../core/grants/annex";
import { checkDistribution } from "../../core/grants/parts-check";
import type { RecipientGroup } from "../../core/grants/types";
import type { Db } from "../../db/connect";
import { computeAllocation } from "../../db/queries/compute-allocation";
import { compareAnnexWithKey } from "../../db/queries/grants-annex-comparison";
import { getDistribution, saveAnnexDistribution, saveKeyDistribution } from "../../db/queries/grants-distribution";
import { readAnnexFile } from "../../formats/grants/annex-file";
import { distributionTable } from "../../formats/grants/export";
import { writeXlsx } from "../../formats/xlsx/write";
import { writeAudit } from "../../app/audit";
import type { CurrentUser } from "../auth/users";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { editablePart, visiblePart } from "./grants-access";
import { AllocationResultSchema, AnnexInputSchema, AnnexLineSchema, ComparisonKeySchema, DistributionSchema, GrantAllocationRequest, PartsCheckSchema, tags } from "./grants-schemas";

const locked = { 409: { description: "Regeringsbeslutet är fastställt", content: { "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) } } } };

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
  summary: "Spara en nyckelfördelning; totalen måste vara delens belopp",
  request: { params: IdParam, ...jsonBody(GrantAllocationRequest) },
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
  summary: "Spara beslutade belopp enligt bilagan (inmatade eller inklistrade), ev. med jämförelsenyckel",
  request: { params: IdParam, ...jsonBody(AnnexInputSchema) },
  responses: { 200: jsonResponse(DistributionSchema, "Sparad"), ...errorResponses, ...notFoundResponse, ...locked },
});

const importAnnex = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/distribution/annex/import",
  tags,
  summary: "Läs in bilagans belopp från XLSX eller CSV (allt eller inget). Formulärfält: file, comparisonDate (valfritt), comparisonBasis, comparisonEqual=true",
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({
            file: z.any().openapi({ type: "string", format: "binary" }),
            comparisonDate: z.string().optional(),
            comparisonBasis: z.enum(["membership", "whole_regions"]).optional(),
            comparisonEqual: z.string().optional(),
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
    200: { description: "Arbetsboken", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) } } },
    ...errorResponses,
    ...notFoundResponse,
  },
});

function annexLines(input: z.infer<typeof AnnexInputSchema>, group: RecipientGroup): AnnexLine[] {
  if (input.text !== undefined) return parseAnnexText(input.text, group, input.source === "inmatat" ? "inklistrad text" : input.source);
  if (!input.lines) throw new ApiError(400, "validation", "Ange bilagans rader (lines) eller inklistrad text (text).");
  const typed = input.lines.map((l, i) => ({ line: i + 1, cells: [l.recipientCode ?? l.name, { ore: l.amount }] }));
  const names = new Map(input.lines.map((l, i) => [i + 1, l.name]));
  return parseAnnexRows(typed, group, input.source).map((l) => ({ ...l, name: names.get(l.line) ?? l.name }));
}

async function storeAnnex(db: Db, user: CurrentUser, partId: number, owner: { organisationId: number; amount: number }, lines: AnnexLine[], source: string, key: z.infer<typeof ComparisonKeySchema> | null) {
  const comparison = key ? await compareAnnexWithKey(db, owner.amount, lines, key) : null;
  await db.transaction().execute(async (trx) => {
    await saveAnnexDistribution(trx, partId, lines, source, comparison, user.id);
    await writeAudit(trx, user, { action: "update", entity: "grant_distribution", entityId: partId, organisationId: owner.organisationId, after: { mode: "annex", source, lines, comparisonKey: key } });
  });
  return (await getDistribution(db, partId, owner.amount))!;
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
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const owner = await editablePart(db, user, id);
    const request = c.req.valid("json");
    if (request.total !== owner.amount) throw new ApiError(400, "invalid", `Fördelningens total (fält total) måste vara delens belopp, ${owner.amount} öre.`);
    const missing = request.lines.findIndex((l) => !l.recipientCode);
    if (missing >= 0) throw new ApiError(400, "invalid", `Rad ${missing + 1}, fält recipientCode: varje rad i en statsbidragsfördelning måste ha en mottagare.`);
    const { result } = await computeAllocation(db, request);
    await db.transaction().execute(async (trx) => {
      await saveKeyDistribution(trx, id, request, result, user.id);
      await writeAudit(trx, user, { action: "update", entity: "grant_distribution", entityId: id, organisationId: owner.organisationId, after: { mode: "key", request, total: result.total } });
    });
    return c.json((await getDistribution(db, id, owner.amount))!, 200);
  });

  app.openapi(parseAnnex, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const owner = await visiblePart(c.get("db"), user, id);
    const lines = annexLines(c.req.valid("json"), owner.recipientGroup);
    return c.json({ lines, check: checkDistribution(owner.amount, lines) }, 200);
  });

  app.openapi(saveAnnex, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const owner = await editablePart(db, user, id);
    const input = c.req.valid("json");
    const lines = annexLines(input, owner.recipientGroup);
    return c.json(await storeAnnex(db, user, id, owner, lines, input.text !== undefined && input.source === "inmatat" ? "inklistrad text" : input.source, input.comparisonKey), 200);
  });

  app.openapi(importAnnex, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const owner = await editablePart(db, user, id);
    const form = c.req.valid("form") as Record<string, unknown>;
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError(400, "validation", "Välj en fil (fält file).");
    const lines = await readAnnexFile(new Uint8Array(await file.arrayBuffer()), file.name, owner.recipientGroup);
    const date = typeof form.comparisonDate === "string" && form.comparisonDate !== "" ? form.comparisonDate : undefined;
    const key = date
      ? ComparisonKeySchema.parse({ kind: "population", date, basis: form.comparisonBasis ?? "membership" })
      : form.comparisonEqual === "true"
        ? ({ kind: "equal" } as const)
        : null;
    return c.json(await storeAnnex(db, user, id, owner, lines, file.name, key), 200);
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
    await writeAudit(db, user, { action: "export", entity: "grant_distribution", entityId: id, organisationId: owner.organisationId, after: { format: "xlsx" } });
    return c.body(new Uint8Array(body), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="fordelning-del-${id}.xlsx"`,
    }) as never;
  });
}
