import { createRoute, z } from "@hono/zod-openapi";
import { allocate } from "../../core/allocation";
import { earmarkedTotal, internalAllocationInput, resolvedLines } from "../../core/grants/internal";
import type { Db } from "../../db/connect";
import { decideInternal, getInternalDecision, hasNewerVersion, insertInternalDecision, listInternalDecisions, updateInternalDraft } from "../../db/queries/grants-internal";
import { can, readableOrganisationIds, requireRole } from "../../app/access";
import { writeAudit } from "../../app/audit";
import type { CurrentUser } from "../auth/users";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { organisationByCode, visiblePart } from "./grants-access";
import { AllocationResultSchema, InternalDecisionSchema, InternalInputSchema, InternalLineSchema, NonNegativeOre, tags } from "./grants-schemas";

const conflict = { 409: { description: "Beslutet är fattat och kan inte ändras", content: { "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) } } } };
const CreateSchema = InternalInputSchema.extend({ partId: z.number().int().positive(), organisationCode: z.string().min(1).openapi({ example: "23" }) });

const list = createRoute({
  method: "get",
  path: "/api/grants/internal-decisions",
  tags,
  summary: "Interna fördelningsbeslut: beslutade för alla, utkast för den egna organisationen",
  request: { query: z.object({ partId: z.coerce.number().int().positive().optional(), organisationCode: z.string().optional() }) },
  responses: { 200: jsonResponse(z.array(InternalDecisionSchema), "Besluten, nyaste version först"), ...errorResponses },
});

const preview = createRoute({
  method: "post",
  path: "/api/grants/internal-decisions/preview",
  tags,
  summary: "Beräkna raderna (restraden med) utan att spara",
  request: jsonBody(z.object({ total: NonNegativeOre, lines: z.array(InternalLineSchema).min(1) })),
  responses: {
    200: jsonResponse(z.object({ resolvedLines: z.array(InternalLineSchema.extend({ amount: z.number(), explanation: z.string() })), earmarked: z.number(), result: AllocationResultSchema }), "Raderna med belopp"),
    ...errorResponses,
  },
});

const create = createRoute({
  method: "post",
  path: "/api/grants/internal-decisions",
  tags,
  summary: "Nytt internt fördelningsbeslut (utkast) för ett mottaget bidrag",
  request: jsonBody(CreateSchema),
  responses: { 201: jsonResponse(InternalDecisionSchema, "Sparat utkast"), ...errorResponses, ...notFoundResponse },
});

const get = createRoute({
  method: "get",
  path: "/api/grants/internal-decisions/{id}",
  tags,
  summary: "Ett internt fördelningsbeslut, med ändringar mot föregående version",
  request: { params: IdParam },
  responses: { 200: jsonResponse(InternalDecisionSchema, "Beslutet"), ...errorResponses, ...notFoundResponse },
});

const update = createRoute({
  method: "put",
  path: "/api/grants/internal-decisions/{id}",
  tags,
  summary: "Ändra ett utkast; ett fattat beslut ger 409 (skapa en ny version)",
  request: { params: IdParam, ...jsonBody(InternalInputSchema) },
  responses: { 200: jsonResponse(InternalDecisionSchema, "Ändrat"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const decide = createRoute({
  method: "post",
  path: "/api/grants/internal-decisions/{id}/decide",
  tags,
  summary: "Fatta beslutet (beslutsfattare); därefter ändras det aldrig",
  request: { params: IdParam },
  responses: { 200: jsonResponse(InternalDecisionSchema, "Beslutat"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const version = createRoute({
  method: "post",
  path: "/api/grants/internal-decisions/{id}/versions",
  tags,
  summary: "Ny version (utkast) av ett fattat beslut; ändringarna visas mot den föregående",
  request: { params: IdParam },
  responses: { 201: jsonResponse(InternalDecisionSchema, "Nytt utkast"), ...errorResponses, ...notFoundResponse, ...conflict },
});

function compute(total: number, lines: z.infer<typeof InternalLineSchema>[]) {
  const result = allocate(internalAllocationInput(total, lines));
  return { result, resolved: resolvedLines(lines, result) };
}

async function visible(db: Db, user: CurrentUser, id: number) {
  const found = await getInternalDecision(db, id);
  if (!found || (found.status === "draft" && !can(user, found.organisationId, "reader"))) throw new ApiError(404, "not_found", `Internt beslut ${id} finns inte.`);
  return found;
}

const immutable = () => new ApiError(409, "decided", "Beslutet är fattat och kan inte ändras. Skapa en ny version i stället.");

export function registerGrantInternalRoutes(app: App) {
  app.openapi(list, async (c) => {
    const user = requireUser(c.get("user"));
    const { partId, organisationCode } = c.req.valid("query");
    const db = c.get("db");
    const organisationId = organisationCode ? (await organisationByCode(db, organisationCode)).id : undefined;
    return c.json(await listInternalDecisions(db, { partId, organisationId, draftOrganisations: readableOrganisationIds(user) }), 200);
  });

  app.openapi(preview, async (c) => {
    requireUser(c.get("user"));
    const { total, lines } = c.req.valid("json");
    const { result, resolved } = compute(total, lines);
    return c.json({ resolvedLines: resolved, earmarked: earmarkedTotal(resolved), result }, 200);
  });

  app.openapi(create, async (c) => {
    const user = requireUser(c.get("user"));
    const input = c.req.valid("json");
    const db = c.get("db");
    const org = await organisationByCode(db, input.organisationCode);
    requireRole(user, org.id, "editor");
    await visiblePart(db, user, input.partId);
    const { result } = compute(input.total, input.lines);
    const { partId, organisationCode: _code, ...values } = input;
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertInternalDecision(trx, { ...values, partId, organisationId: org.id, result }, user.id);
      await writeAudit(trx, user, { action: "create", entity: "grant_internal_decision", entityId: newId, organisationId: org.id, after: input });
      return newId;
    });
    return c.json((await getInternalDecision(db, id))!, 201);
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await visible(c.get("db"), user, c.req.valid("param").id), 200);
  });

  app.openapi(update, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const before = await visible(db, user, id);
    requireRole(user, before.organisationId, "editor");
    if (before.status === "decided") throw immutable();
    const input = c.req.valid("json");
    const { result } = compute(input.total, input.lines);
    await db.transaction().execute(async (trx) => {
      if (!(await updateInternalDraft(trx, id, { ...input, result }))) throw immutable();
      await writeAudit(trx, user, { action: "update", entity: "grant_internal_decision", entityId: id, organisationId: before.organisationId, before: { title: before.title, total: before.total, metadata: before.metadata, lines: before.lines }, after: input });
    });
    return c.json((await getInternalDecision(db, id))!, 200);
  });

  app.openapi(decide, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const before = await visible(db, user, id);
    requireRole(user, before.organisationId, "approver");
    if (before.status === "decided") throw new ApiError(409, "decided", "Beslutet är redan fattat.");
    await db.transaction().execute(async (trx) => {
      if (!(await decideInternal(trx, id, user.id))) throw new ApiError(409, "decided", "Beslutet är redan fattat.");
      await writeAudit(trx, user, { action: "decide", entity: "grant_internal_decision", entityId: id, organisationId: before.organisationId, before: { status: "draft" }, after: { status: "decided" } });
    });
    return c.json((await getInternalDecision(db, id))!, 200);
  });

  app.openapi(version, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const previous = await visible(db, user, id);
    requireRole(user, previous.organisationId, "editor");
    if (previous.status !== "decided") throw new ApiError(409, "draft", "Utkast ändras direkt; nya versioner skapas från fattade beslut.");
    if (await hasNewerVersion(db, id)) throw new ApiError(409, "superseded", `Version ${previous.version} har redan en nyare version; utgå från den senaste.`);
    const newId = await db.transaction().execute(async (trx) => {
      const created = await insertInternalDecision(
        trx,
        { partId: previous.partId, organisationId: previous.organisationId, title: previous.title, total: previous.total, metadata: previous.metadata, lines: previous.lines, result: previous.result, version: previous.version + 1, previousId: previous.id },
        user.id,
      );
      await writeAudit(trx, user, { action: "create", entity: "grant_internal_decision", entityId: created, organisationId: previous.organisationId, after: { versionOf: previous.id, version: previous.version + 1 } });
      return created;
    });
    return c.json((await getInternalDecision(db, newId))!, 201);
  });
}
