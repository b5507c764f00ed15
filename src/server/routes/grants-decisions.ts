import { createRoute, z } from "@hono/zod-openapi";
import { checkParts } from "../../core/grants/parts-check";
import { createDecision } from "../../app/grants/create-decision";
import { decideDecision } from "../../app/grants/decide-decision";
import { updateDecision } from "../../app/grants/update-decision";
import { listDecisions } from "../../db/queries/grants-decisions";
import { readableOrganisationIds } from "../../app/access";
import { requireUser, type App } from "../context";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { visibleDecision } from "./grants-access";
import { DecisionInputSchema, DecisionSchema, NonNegativeOre, PartsCheckSchema, RevisionBody, RevisionField, staleResponse as conflict, tags } from "./grants-schemas";

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
  request: { params: IdParam, ...jsonBody(DecisionInputSchema.omit({ organisationId: true }).extend({ revision: RevisionField })) },
  responses: { 200: jsonResponse(DecisionSchema, "Ändrat"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const decide = createRoute({
  method: "post",
  path: "/api/grants/decisions/{id}/decide",
  tags,
  summary: "Fastställ (lås) beslutet; kräver att delarna summerar till totalen och rollen beslutsfattare",
  request: { params: IdParam, ...jsonBody(RevisionBody) },
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
    return c.json(await createDecision(c.get("db"), user, c.req.valid("json")), 201);
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await visibleDecision(c.get("db"), user, c.req.valid("param").id), 200);
  });

  app.openapi(update, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await updateDecision(c.get("db"), user, c.req.valid("param").id, c.req.valid("json")), 200);
  });

  app.openapi(decide, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await decideDecision(c.get("db"), user, c.req.valid("param").id, c.req.valid("json")), 200);
  });
}
