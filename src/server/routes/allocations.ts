import { createRoute, z } from "@hono/zod-openapi";
import { computeAllocation } from "../../db/queries/compute-allocation";
import { getAllocation, insertAllocation, listAllocations, replaceLines } from "../../db/queries/allocations";
import { exportAllocation } from "../exports";
import { can, readableOrganisationIds, requireRole } from "../../app/access";
import { writeAudit } from "../../app/audit";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { AllocationRequestOpenApi, errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import type { CurrentUser } from "../auth/users";
import type { Db } from "../../db/connect";

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
  })
  .openapi("AllocationSummary");

const DetailSchema = SummarySchema.extend({ request: RequestSchema, result: ResultSchema }).openapi("Allocation");

const SaveSchema = z.object({
  title: z.string().trim().min(1, "Ange en rubrik"),
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
  request: { params: IdParam, ...jsonBody(SaveSchema.omit({ organisationId: true })) },
  responses: { 200: jsonResponse(DetailSchema, "Ändrad"), ...errorResponses, ...notFoundResponse },
});

const decide = createRoute({
  method: "post",
  path: "/api/allocations/{id}/decide",
  tags,
  summary: "Fastställ ett utkast; därefter kan det inte ändras",
  request: { params: IdParam },
  responses: { 200: jsonResponse(DetailSchema, "Beslutad"), ...errorResponses, ...notFoundResponse },
});

const newVersion = createRoute({
  method: "post",
  path: "/api/allocations/{id}/versions",
  tags,
  summary: "Skapa en ny version (utkast) av en beslutad fördelning",
  request: { params: IdParam },
  responses: { 201: jsonResponse(DetailSchema, "Nytt utkast"), ...errorResponses, ...notFoundResponse },
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
            ? { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) } }
            : { "text/csv": { schema: z.string() } },
      },
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
);

async function loadVisible(db: Db, user: CurrentUser, id: number) {
  const saved = await getAllocation(db, id);
  // A draft of another organisation is reported as missing, not forbidden: its existence is not public.
  if (!saved || (saved.status === "draft" && !can(user, saved.organisationId, "reader"))) {
    throw new ApiError(404, "not_found", `Fördelning ${id} finns inte.`);
  }
  return saved;
}

async function detail(db: Db, id: number) {
  const saved = await getAllocation(db, id);
  if (!saved) throw new ApiError(404, "not_found", `Fördelning ${id} finns inte.`);
  return saved;
}

export function registerAllocationRoutes(app: App) {
  app.openapi(preview, async (c) => {
    requireUser(c.get("user"));
    const { result } = await computeAllocation(c.get("db"), c.req.valid("json"));
    return c.json(result, 200);
  });

  app.openapi(create, async (c) => {
    const user = requireUser(c.get("user"));
    const { title, organisationId, request } = c.req.valid("json");
    requireRole(user, organisationId, "editor");
    const db = c.get("db");
    const { result } = await computeAllocation(db, request);
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertAllocation(trx, { organisationId, title, request, result, createdBy: user.id });
      await writeAudit(trx, user, { action: "create", entity: "allocation", entityId: newId, organisationId, after: { title, request, total: result.total } });
      return newId;
    });
    return c.json(await detail(db, id), 201);
  });

  app.openapi(list, async (c) => {
    const user = requireUser(c.get("user"));
    const rows = await listAllocations(c.get("db"), readableOrganisationIds(user));
    return c.json(rows.map(({ request: _request, result: _result, ...summary }) => summary), 200);
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    await loadVisible(c.get("db"), user, id);
    return c.json(await detail(c.get("db"), id), 200);
  });

  app.openapi(update, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const { title, request } = c.req.valid("json");
    const db = c.get("db");
    const before = await loadVisible(db, user, id);
    requireRole(user, before.organisationId, "editor");
    if (before.status === "decided") {
      throw new ApiError(409, "decided", "Fördelningen är beslutad och kan inte ändras. Skapa en ny version i stället.");
    }
    const { result } = await computeAllocation(db, request);
    await db.transaction().execute(async (trx) => {
      // Re-checked inside the transaction: a decision taken meanwhile must win.
      const updated = await trx
        .updateTable("allocations")
        .set({ title, spec: JSON.stringify(request), result: JSON.stringify(result), total_ore: result.total, updated_at: new Date() })
        .where("id", "=", id)
        .where("status", "=", "draft")
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new ApiError(409, "decided", "Fördelningen har beslutats under tiden och kan inte ändras.");
      await replaceLines(trx, id, request, result);
      await writeAudit(trx, user, {
        action: "update",
        entity: "allocation",
        entityId: id,
        organisationId: before.organisationId,
        before: { title: before.title, request: before.request, total: before.totalOre },
        after: { title, request, total: result.total },
      });
    });
    return c.json(await detail(db, id), 200);
  });

  app.openapi(decide, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const before = await loadVisible(db, user, id);
    requireRole(user, before.organisationId, "approver");
    if (before.status === "decided") throw new ApiError(409, "decided", "Fördelningen är redan beslutad.");
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("allocations").set({ status: "decided", decided_by: user.id, decided_at: new Date() }).where("id", "=", id).execute();
      await writeAudit(trx, user, { action: "decide", entity: "allocation", entityId: id, organisationId: before.organisationId, before: { status: "draft" }, after: { status: "decided" } });
    });
    return c.json(await detail(db, id), 200);
  });

  app.openapi(newVersion, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const previous = await loadVisible(db, user, id);
    requireRole(user, previous.organisationId, "editor");
    if (previous.status !== "decided") throw new ApiError(409, "draft", "Utkast ändras direkt; nya versioner skapas från beslutade fördelningar.");
    const result = previous.result;
    const newId = await db.transaction().execute(async (trx) => {
      const created = await insertAllocation(trx, {
        organisationId: previous.organisationId,
        title: previous.title,
        request: previous.request,
        result,
        createdBy: user.id,
        version: previous.version + 1,
        previousId: previous.id,
      });
      await writeAudit(trx, user, { action: "create", entity: "allocation", entityId: created, organisationId: previous.organisationId, after: { versionOf: previous.id, version: previous.version + 1 } });
      return created;
    });
    return c.json(await detail(db, newId), 201);
  });

  exportFormats.forEach((format, i) => {
    app.openapi(exportRoutes[i]!, async (c) => {
      const user = requireUser(c.get("user"));
      const { id } = c.req.valid("param");
      const db = c.get("db");
      const saved = await loadVisible(db, user, id);
      const file = await exportAllocation(format, saved);
      await writeAudit(db, user, { action: "export", entity: "allocation", entityId: id, organisationId: saved.organisationId, after: { format } });
      return c.body(file.body, 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="fordelning-${id}.${format}"`,
      }) as never;
    });
  });
}
