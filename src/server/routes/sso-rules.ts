import { createRoute, z } from "@hono/zod-openapi";
import { createSsoRule } from "../../app/sso/create-sso-rule";
import { deleteSsoRule } from "../../app/sso/delete-sso-rule";
import { listSsoRules } from "../../app/sso/list-sso-rules";
import { updateSsoRule } from "../../app/sso/update-sso-rule";
import { roleNames, roles } from "../../core/roles";
import { operatorNames, ruleOperators } from "../../core/sso/claim-rules";
import { requireUser, type App } from "../context";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";

const tags = ["Inloggningsregler"];
const RoleEnum = z.enum(roles).openapi({ description: `Roll: ${roles.map((r) => `${r} = ${roleNames[r]}`).join(", ")}.` });
const OperatorEnum = z.enum(ruleOperators).openapi({
  description: `Villkor: ${ruleOperators.map((o) => `${o} = ${operatorNames[o]}`).join(", ")}. "contains": anspråket är värdet eller en lista som innehåller det (exakt); "ends_with": anspråket, eller ett element i det, slutar med värdet (oavsett skiftläge).`,
});

const RuleSchema = z
  .object({
    id: z.number().int(),
    position: z.number().int().openapi({ description: "Ordning: reglerna prövas från 1 och uppåt; den första som matchar avgör" }),
    claim: z.string(),
    operator: OperatorEnum,
    value: z.string(),
    organisationId: z.number().int(),
    organisationCode: z.string(),
    organisationName: z.string(),
    role: RoleEnum,
    revision: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi("SsoRule");

const RuleInput = z.object({
  claim: z.string().min(1).max(200).openapi({ description: "Anspråkets namn i ID-token eller userinfo, t.ex. groups, email, tid eller realm_access.roles", example: "groups" }),
  operator: OperatorEnum,
  value: z.string().min(1).max(500).openapi({ example: "a1b2c3d4-ekonomi" }),
  organisationCode: z.string().min(1).max(50).openapi({ example: "23" }),
  role: RoleEnum,
  position: z.number().int().positive().max(10_000).optional().openapi({ description: "Plats i ordningen (1 = prövas först); utan: sist, vid ändring oförändrad" }),
});
const Revision = z.object({ revision: z.number().int().positive().openapi({ description: "Regelns revision som ändringen bygger på" }) });
const conflict = { 409: { description: "Regeln har ändrats sedan du läste in den", content: errorResponses[400].content } };

const list = createRoute({
  method: "get",
  path: "/api/sso/rules",
  tags,
  summary: "Inloggningsreglerna i den ordning de prövas (systemadministratör)",
  responses: { 200: jsonResponse(z.array(RuleSchema), "Reglerna"), ...errorResponses },
});

const create = createRoute({
  method: "post",
  path: "/api/sso/rules",
  tags,
  summary: "Lägg till en inloggningsregel: anspråk → organisation och roll (systemadministratör)",
  request: jsonBody(RuleInput),
  responses: { 201: jsonResponse(RuleSchema, "Regeln"), ...errorResponses, ...notFoundResponse },
});

const update = createRoute({
  method: "put",
  path: "/api/sso/rules/{id}",
  tags,
  summary: "Ändra en inloggningsregel eller flytta den i ordningen (systemadministratör)",
  request: { params: IdParam, ...jsonBody(RuleInput.extend(Revision.shape)) },
  responses: { 200: jsonResponse(RuleSchema, "Regeln efter ändringen"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const remove = createRoute({
  method: "delete",
  path: "/api/sso/rules/{id}",
  tags,
  summary: "Ta bort en inloggningsregel (systemadministratör); användarna behåller rollen till nästa inloggning",
  request: { params: IdParam, ...jsonBody(Revision) },
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Borttagen"), ...errorResponses, ...notFoundResponse, ...conflict },
});

export function registerSsoRuleRoutes(app: App) {
  app.openapi(list, async (c) => c.json(await listSsoRules(c.get("db"), requireUser(c.get("user"))), 200));
  app.openapi(create, async (c) => c.json(await createSsoRule(c.get("db"), requireUser(c.get("user")), c.req.valid("json")), 201));
  app.openapi(update, async (c) => c.json(await updateSsoRule(c.get("db"), requireUser(c.get("user")), { ...c.req.valid("json"), id: c.req.valid("param").id }), 200));
  app.openapi(remove, async (c) => {
    await deleteSsoRule(c.get("db"), requireUser(c.get("user")), { id: c.req.valid("param").id, revision: c.req.valid("json").revision });
    return c.json({ ok: true }, 200);
  });
}
