import { codeString } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { allocate } from "../../core/allocation";
import { earmarkedTotal, internalAllocationInput, resolvedLines } from "../../core/grants/internal";
import { getInternalDecision, listInternalDecisions } from "../../db/queries/grants-internal";
import { readableOrganisationIds, requireVisible } from "../../app/access";
import { createInternalDecision } from "../../app/grants/create-internal-decision";
import { decideInternalDecision } from "../../app/grants/decide-internal-decision";
import { newInternalVersion } from "../../app/grants/new-internal-version";
import { organisationByCode } from "../../app/grants/read-grants";
import { updateInternalDecision } from "../../app/grants/update-internal-decision";
import { requireUser, type App } from "../context";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { AllocationResultSchema, InternalDecisionSchema, InternalInputSchema, InternalLineSchema, NonNegativeOre, RevisionBody, RevisionField, staleResponse as conflict, tags } from "./grants-schemas";
const CreateSchema = InternalInputSchema.extend({ partId: z.number().int().positive(), organisationCode: codeString().min(1).openapi({ example: "23" }) });

const list = createRoute({
  method: "get",
  path: "/api/grants/internal-decisions",
  tags,
  summary: "Interna fördelningsbeslut: beslutade för alla, utkast för den egna organisationen",
  request: { query: z.object({ partId: z.coerce.number().int().positive().optional(), organisationCode: codeString().optional() }) },
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
  request: { params: IdParam, ...jsonBody(InternalInputSchema.extend({ revision: RevisionField })) },
  responses: { 200: jsonResponse(InternalDecisionSchema, "Ändrat"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const decide = createRoute({
  method: "post",
  path: "/api/grants/internal-decisions/{id}/decide",
  tags,
  summary: "Fatta beslutet (beslutsfattare); därefter ändras det aldrig",
  request: { params: IdParam, ...jsonBody(RevisionBody) },
  responses: { 200: jsonResponse(InternalDecisionSchema, "Beslutat"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const version = createRoute({
  method: "post",
  path: "/api/grants/internal-decisions/{id}/versions",
  tags,
  summary: "Ny version (utkast) av ett fattat beslut; ändringarna visas mot den föregående",
  request: { params: IdParam, ...jsonBody(RevisionBody) },
  responses: { 201: jsonResponse(InternalDecisionSchema, "Nytt utkast"), ...errorResponses, ...notFoundResponse, ...conflict },
});

function compute(total: number, lines: z.infer<typeof InternalLineSchema>[]) {
  const result = allocate(internalAllocationInput(total, lines));
  return { result, resolved: resolvedLines(lines, result) };
}

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
    return c.json(await createInternalDecision(c.get("db"), user, c.req.valid("json")), 201);
  });

  app.openapi(get, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    return c.json(requireVisible(user, await getInternalDecision(c.get("db"), id), `Internt beslut ${id} finns inte.`), 200);
  });

  app.openapi(update, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await updateInternalDecision(c.get("db"), user, c.req.valid("param").id, c.req.valid("json")), 200);
  });

  app.openapi(decide, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await decideInternalDecision(c.get("db"), user, c.req.valid("param").id, c.req.valid("json")), 200);
  });

  app.openapi(version, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await newInternalVersion(c.get("db"), user, c.req.valid("param").id, c.req.valid("json")), 201);
  });
}
