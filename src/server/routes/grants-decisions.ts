import { createRoute, z } from "@hono/zod-openapi";
import { checkParts } from "../../core/grants/parts-check";
import { getAgreement, getDecision, insertDecision, listDecisions, updateDecision } from "../../db/queries/grants-decisions";
import { readableOrganisationIds, requireRole } from "../../app/access";
import { writeAudit } from "../../app/audit";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { visibleDecision } from "./grants-access";
import { DecisionInputSchema, DecisionSchema, NonNegativeOre, PartsCheckSchema, tags } from "./grants-schemas";

const conflict = { 409: { description: "Beslutet är fastställt, eller delarna summerar inte", content: { "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) } } } };

const list = createRoute({
  method: "get",
  path: "/api/grants/decisions",
  tags,
  summary: "Regeringsbeslut: fastställda för alla, utkast för den egna organisationen",
  request: { query: z.object({ agreementId: z.coerce.number().int().positive().optional() }) },
  responses: { 200: jsonResponse(z.array(DecisionSchema), "Beslut med delar och summakontroll"), ...errorResponses },
});

const check = createRoute({
  method: "post",
  path: "/api/grants/decisions/check",
  tags,
  summary: "Summakontroll medan formuläret fylls i: summerar delarna till totalbeloppet?",
  request: jsonBody(z.object({ total: NonNegativeOre, parts: z.array(z.object({ amount: NonNegativeOre })) })),
  responses: { 200: jsonResponse(PartsCheckSchema, "Kontrollen"), ...errorResponses },
});

const create = createRoute({
  method: "post",
  path: "/api/grants/decisions",
  tags,
  summary: "Registrera ett regeringsbeslut som utkast. Delar som inte summerar till totalen får sparas i utkast.",
  request: jsonBody(DecisionInputSchema),
  responses: { 201: jsonResponse(DecisionSchema, "Sparat utkast"), ...errorResponses },
});

const get = createRoute({
  method: "get",
  path: "/api/grants/decisions/{id}",
  tags,
  summary: "Ett regeringsbeslut med delar, fördelningsstatus och summakontroll",
  request: { params: IdParam },
  responses: { 200: jsonResponse(DecisionSchema, "Beslutet"), ...errorResponses, ...notFoundResponse },
});

const update = createRoute({
  method: "put",
  path: "/api/grants/decisions/{id}",
  tags,
  summary: "Ändra ett utkast (ett fastställt beslut ger 409)",
  request: { params: IdParam, ...jsonBody(DecisionInputSchema.omit({ organisationId: true })) },
  responses: { 200: jsonResponse(DecisionSchema, "Ändrat"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const decide = createRoute({
  method: "post",
  path: "/api/grants/decisions/{id}/decide",
  tags,
  summary: "Fastställ (lås) beslutet; kräver att delarna summerar till totalen och rollen beslutsfattare",
  request: { params: IdParam },
  responses: { 200: jsonResponse(DecisionSchema, "Fastställt"), ...errorResponses, ...notFoundResponse, ...conflict },
});

export function registerGrantDecisionRoutes(app: App) {
  app.openapi(list, async (c) => {
    const user = requireUser(c.get("user"));
    const { agreementId } = c.req.valid("query");
    return c.json(await listDecisions(c.get("db"), readableOrganisationIds(user), agreementId), 200);
  });

  app.openapi(check, async (c) => {
    requireUser(c.get("user"));
    const { total, parts } = c.req.valid("json");
    return c.json(checkParts(total, parts), 200);
  });

  app.openapi(create, async (c) => {
    const user = requireUser(c.get("user"));
    const input = c.req.valid("json");
    requireRole(user, input.organisationId, "editor");
    const db = c.get("db");
    if (!(await getAgreement(db, input.agreementId))) throw new ApiError(400, "invalid", `Överenskommelse ${input.agreementId} finns inte (fält agreementId).`);
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertDecision(trx, input, user.id);
      await writeAudit(trx, user, { action: "create", entity: "grant_decision", entityId: newId, organisationId: input.organisationId, after: input });
      return newId;
    });
    return c.json((await getDecision(db, id))!, 201);
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await visibleDecision(c.get("db"), user, c.req.valid("param").id), 200);
  });

  app.openapi(update, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const db = c.get("db");
    const before = await visibleDecision(db, user, id);
    requireRole(user, before.organisationId, "editor");
    if (before.status === "decided") throw new ApiError(409, "decided", "Regeringsbeslutet är fastställt och kan inte ändras.");
    const known = new Set(before.parts.map((p) => p.id));
    const stranger = input.parts.find((p) => p.id !== undefined && !known.has(p.id));
    if (stranger) throw new ApiError(400, "invalid", `Del ${stranger.id} hör inte till beslut ${id} (fält parts.id).`);
    await db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom("grant_decisions").select("status").where("id", "=", id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status === "decided") throw new ApiError(409, "decided", "Regeringsbeslutet har fastställts under tiden och kan inte ändras.");
      await updateDecision(trx, id, input);
      await writeAudit(trx, user, { action: "update", entity: "grant_decision", entityId: id, organisationId: before.organisationId, before, after: input });
    });
    return c.json((await getDecision(db, id))!, 200);
  });

  app.openapi(decide, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const before = await visibleDecision(db, user, id);
    requireRole(user, before.organisationId, "approver");
    if (before.status === "decided") throw new ApiError(409, "decided", "Regeringsbeslutet är redan fastställt.");
    if (!before.check.balanced) throw new ApiError(409, "unbalanced", `Beslutet kan inte fastställas: ${before.check.message}`);
    if (before.parts.length === 0) throw new ApiError(409, "unbalanced", "Beslutet kan inte fastställas utan delar.");
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("grant_decisions").set({ status: "decided", decided_by: user.id, decided_at: new Date() }).where("id", "=", id).execute();
      await writeAudit(trx, user, { action: "decide", entity: "grant_decision", entityId: id, organisationId: before.organisationId, before: { status: "draft" }, after: { status: "decided" } });
    });
    return c.json((await getDecision(db, id))!, 200);
  });
}
