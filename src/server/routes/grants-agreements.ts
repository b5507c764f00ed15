import { createRoute, z } from "@hono/zod-openapi";
import { createAgreement } from "../../app/grants/create-agreement";
import { updateAgreement } from "../../app/grants/update-agreement";
import { getAgreement, listAgreements } from "../../db/queries/grants-decisions";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { AgreementInputSchema, AgreementSchema, RevisionField, staleResponse, tags } from "./grants-schemas";

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
  summary: "Registrera en överenskommelse (handläggare i organisationen)",
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
  request: { params: IdParam, ...jsonBody(AgreementInputSchema.omit({ organisationId: true }).extend({ revision: RevisionField })) },
  responses: { 200: jsonResponse(AgreementSchema, "Ändrad"), ...errorResponses, ...notFoundResponse, ...staleResponse },
});

export function registerGrantAgreementRoutes(app: App) {
  app.openapi(list, async (c) => {
    requireUser(c.get("user"));
    return c.json(await listAgreements(c.get("db")), 200);
  });

  app.openapi(create, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await createAgreement(c.get("db"), user, c.req.valid("json")), 201);
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
    return c.json(await updateAgreement(c.get("db"), user, c.req.valid("param").id, c.req.valid("json")), 200);
  });
}
