import { nameText } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { computeAllocation } from "../../db/queries/compute-allocation";
import { createAllocation } from "../../app/allocations/create-allocation";
import { decideAllocation } from "../../app/allocations/decide-allocation";
import { exportAllocation } from "../../app/allocations/export-allocation";
import { newAllocationVersion } from "../../app/allocations/new-allocation-version";
import { listVisibleAllocations, readAllocation } from "../../app/allocations/read-allocations";
import { updateAllocation } from "../../app/allocations/update-allocation";
import { renderAllocationExport } from "../exports";
import { requireUser, type App } from "../context";
import { AllocationRequestOpenApi, errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { conflictResponse, RevisionBody, revisionField, revisionFields } from "../revision-schemas";
import { mediaType } from "../../core/export-formats";

const Fraction = z.object({ numerator: z.string(), denominator: z.string() });

const ShareSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    method: z.string(),
    basis: z.string().nullable(),
    weight: z.number().int().nullable().optional(),
    quota: Fraction,
    amount: z.number().int(),
    roundingDifference: Fraction,
    remainderRank: z.number().int().nullable(),
    explanation: z.string(),
  })
  .openapi("AllocationShare");

const ResultSchema = z
  .object({
    total: z.number().int(),
    inputTotal: z.number().int(),
    unit: z.number().int(),
    rounding: z.string(),
    shares: z.array(ShareSchema),
    difference: z.number().int(),
    tieBreak: z.string(),
  })
  .openapi("AllocationResult");

const RequestSchema = AllocationRequestOpenApi;

const SummarySchema = z
  .object({
    id: z.number(),
    organisationId: z.number(),
    organisationName: z.string(),
    title: z.string(),
    status: z.enum(["draft", "decided"]),
    version: z.number(),
    previousId: z.number().nullable(),
    totalOre: z.number(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    ...revisionFields,
  })
  .openapi("AllocationSummary");

const DetailSchema = SummarySchema.extend({ request: RequestSchema, result: ResultSchema }).openapi("Allocation");

const SaveSchema = z.object({
  title: nameText().trim().min(1, "Ange en rubrik"),
  organisationId: z.number().int().positive(),
  request: RequestSchema,
});

const tags = ["Fördelning"];

const preview = createRoute({
  method: "post",
  path: "/api/allocations/preview",
  tags,
  summary: "Beräkna en fördelning utan att spara den",
  request: jsonBody(RequestSchema),
  responses: { 200: jsonResponse(ResultSchema, "Fördelningen med förklaring per rad"), ...errorResponses },
});

const create = createRoute({
  method: "post",
  path: "/api/allocations",
  tags,
  summary: "Spara en fördelning som utkast",
  request: jsonBody(SaveSchema),
  responses: { 201: jsonResponse(DetailSchema, "Sparad"), ...errorResponses },
});

const list = createRoute({
  method: "get",
  path: "/api/allocations",
  tags,
  summary: "Sparade fördelningar: beslutade för alla, utkast för den egna organisationen",
  responses: { 200: jsonResponse(z.array(SummarySchema), "Fördelningar"), ...errorResponses },
});

const get = createRoute({
  method: "get",
  path: "/api/allocations/{id}",
  tags,
  summary: "En sparad fördelning med rader och förklaringar",
  request: { params: IdParam },
  responses: { 200: jsonResponse(DetailSchema, "Fördelningen"), ...errorResponses, ...notFoundResponse },
});

const update = createRoute({
  method: "put",
  path: "/api/allocations/{id}",
  tags,
  summary: "Ändra ett utkast (ett beslutat beslut ändras aldrig: skapa en ny version)",
  request: { params: IdParam, ...jsonBody(SaveSchema.omit({ organisationId: true }).extend({ revision: revisionField })) },
  responses: { 200: jsonResponse(DetailSchema, "Ändrad"), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

const decide = createRoute({
  method: "post",
  path: "/api/allocations/{id}/decide",
  tags,
  summary: "Fastställ ett utkast; därefter kan det inte ändras",
  request: { params: IdParam, ...jsonBody(RevisionBody) },
  responses: { 200: jsonResponse(DetailSchema, "Beslutad"), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

const newVersion = createRoute({
  method: "post",
  path: "/api/allocations/{id}/versions",
  tags,
  summary: "Skapa en ny version (utkast) av en beslutad fördelning",
  request: { params: IdParam, ...jsonBody(RevisionBody) },
  responses: { 201: jsonResponse(DetailSchema, "Nytt utkast"), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

const exportFormats = ["xlsx", "csv"] as const;
const exportRoutes = exportFormats.map((format) =>
  createRoute({
    method: "get",
    path: `/api/allocations/{id}/export.${format}`,
    tags,
    summary: `Exportera som ${format.toUpperCase()}`,
    request: { params: IdParam },
    responses: {
      200: {
        description: "Filen",
        content:
          format === "xlsx"
            ? { [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } }
            : { [mediaType("csv")]: { schema: z.string() } },
      },
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
);

export function registerAllocationRoutes(app: App) {
  app.openapi(preview, async (c) => {
    requireUser(c.get("user"));
    const { result } = await computeAllocation(c.get("db"), c.req.valid("json"));
    return c.json(result, 200);
  });

  app.openapi(create, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await createAllocation(c.get("db"), user, c.req.valid("json")), 201);
  });

  app.openapi(list, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await listVisibleAllocations(c.get("db"), user), 200);
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await readAllocation(c.get("db"), user, c.req.valid("param").id), 200);
  });

  app.openapi(update, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    return c.json(await updateAllocation(c.get("db"), user, { id, ...c.req.valid("json") }), 200);
  });

  app.openapi(decide, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    return c.json(await decideAllocation(c.get("db"), user, { id, revision: c.req.valid("json").revision }), 200);
  });

  app.openapi(newVersion, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    return c.json(await newAllocationVersion(c.get("db"), user, { id, revision: c.req.valid("json").revision }), 201);
  });

  exportFormats.forEach((format, i) => {
    app.openapi(exportRoutes[i]!, async (c) => {
      const user = requireUser(c.get("user"));
      const { id } = c.req.valid("param");
      const file = await exportAllocation(c.get("db"), user, { id, format }, (saved) => renderAllocationExport(format, saved));
      return c.body(file.body, 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="fordelning-${id}.${format}"`,
      }) as never;
    });
  });
}
