import { createRoute, z } from "@hono/zod-openapi";
import { getAgreement, insertAgreement, listAgreements, updateAgreement } from "../../db/queries/grants-decisions";
import { requireRole } from "../../app/access";
import { writeAudit } from "../../app/audit";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { AgreementInputSchema, AgreementSchema, tags } from "./grants-schemas";

const list = createRoute({
  method: "get",
  path: "/api/grants/agreements",
  tags,
  summary: "Överenskommelser med summan av registrerade regeringsbeslut",
  responses: { 200: jsonResponse(z.array(AgreementSchema), "Överenskommelser"), ...errorResponses },
});

const create = createRoute({
  method: "post",
  path: "/api/grants/agreements",
  tags,
  summary: "Registrera en överenskommelse (redigerare i organisationen)",
  request: jsonBody(AgreementInputSchema),
  responses: { 201: jsonResponse(AgreementSchema, "Registrerad"), ...errorResponses },
});

const get = createRoute({
  method: "get",
  path: "/api/grants/agreements/{id}",
  tags,
  summary: "En överenskommelse",
  request: { params: IdParam },
  responses: { 200: jsonResponse(AgreementSchema, "Överenskommelsen"), ...errorResponses, ...notFoundResponse },
});

const update = createRoute({
  method: "put",
  path: "/api/grants/agreements/{id}",
  tags,
  summary: "Ändra en överenskommelse",
  request: { params: IdParam, ...jsonBody(AgreementInputSchema.omit({ organisationId: true })) },
  responses: { 200: jsonResponse(AgreementSchema, "Ändrad"), ...errorResponses, ...notFoundResponse },
});

export function registerGrantAgreementRoutes(app: App) {
  app.openapi(list, async (c) => {
    requireUser(c.get("user"));
    return c.json(await listAgreements(c.get("db")), 200);
  });

  app.openapi(create, async (c) => {
    const user = requireUser(c.get("user"));
    const input = c.req.valid("json");
    requireRole(user, input.organisationId, "editor");
    const db = c.get("db");
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertAgreement(trx, input, user.id);
      await writeAudit(trx, user, { action: "create", entity: "grant_agreement", entityId: newId, organisationId: input.organisationId, after: input });
      return newId;
    });
    return c.json((await getAgreement(db, id))!, 201);
  });

  app.openapi(get, async (c) => {
    requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const found = await getAgreement(c.get("db"), id);
    if (!found) throw new ApiError(404, "not_found", `Överenskommelse ${id} finns inte.`);
    return c.json(found, 200);
  });

  app.openapi(update, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const db = c.get("db");
    const before = await getAgreement(db, id);
    if (!before) throw new ApiError(404, "not_found", `Överenskommelse ${id} finns inte.`);
    requireRole(user, before.organisationId, "editor");
    await db.transaction().execute(async (trx) => {
      await updateAgreement(trx, id, input);
      await writeAudit(trx, user, { action: "update", entity: "grant_agreement", entityId: id, organisationId: before.organisationId, before, after: input });
    });
    return c.json((await getAgreement(db, id))!, 200);
  });
}
