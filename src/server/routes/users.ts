import { createRoute, z } from "@hono/zod-openapi";
import { addUser } from "../../app/users/add-user";
import { deactivateUser, reactivateUser } from "../../app/users/deactivate-user";
import { endSessions } from "../../app/users/end-sessions";
import { getUser } from "../../app/users/get-user";
import { listUsers } from "../../app/users/list-users";
import { removeRole } from "../../app/users/remove-role";
import { resetPassword } from "../../app/users/reset-password";
import { setRole } from "../../app/users/set-role";
import { roleNames, roles } from "../../core/roles";
import { requireUser, type App } from "../context";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";

const roleDescription = `Roll i organisationen: ${roles.map((r) => `${r} = ${roleNames[r]}`).join(", ")}.`;
const RoleEnum = z.enum(roles).openapi({ description: roleDescription });

const ManagedUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    isAdmin: z.boolean().openapi({ description: "Systemadministratör: hanterar alla användare och organisationer" }),
    mustChangePassword: z.boolean(),
    active: z.boolean(),
    deactivatedAt: z.string().nullable(),
    revision: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    activeSessions: z.number().int(),
    singleSignOn: z.boolean().openapi({ description: "Loggar in via identitetsleverantören; rollerna sätts av inloggningsreglerna vid varje inloggning" }),
    roles: z.array(z.object({ organisationId: z.number().int(), organisationCode: z.string(), organisationName: z.string(), role: RoleEnum })),
  })
  .openapi("ManagedUser");

const SessionSchema = z
  .object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), clientAddress: z.string().nullable(), userAgent: z.string().nullable() })
  .openapi("UserSession");

const conflict = { 409: { description: "Användaren har ändrats sedan du läste in den, eller ändringen passar inte användarens läge", content: errorResponses[400].content } };
const Revision = z.object({ revision: z.number().int().positive().openapi({ description: "Användarpostens revision som ändringen bygger på" }) });
const RoleParams = IdParam.extend({ organisationId: z.coerce.number().int().positive().openapi({ param: { name: "organisationId", in: "path" }, example: 1 }) });
const tags = ["Användare"];

const list = createRoute({
  method: "get",
  path: "/api/users",
  tags,
  summary: "Sök användare (systemadministratör: alla; administratör i en organisation: organisationens)",
  request: {
    query: z.object({
      search: z.string().max(100).optional(),
      organisationId: z.coerce.number().int().positive().optional(),
      includeDeactivated: z.enum(["true", "false"]).optional(),
    }),
  },
  responses: { 200: jsonResponse(z.array(ManagedUserSchema), "Användare"), ...errorResponses },
});

const get = createRoute({
  method: "get",
  path: "/api/users/{id}",
  tags,
  summary: "En användare med roller och pågående sessioner",
  request: { params: IdParam },
  responses: { 200: jsonResponse(ManagedUserSchema.extend({ sessions: z.array(SessionSchema) }), "Användaren"), ...errorResponses, ...notFoundResponse },
});

const add = createRoute({
  method: "post",
  path: "/api/users",
  tags,
  summary: "Lägg till en användare; ett engångslösenord visas en gång",
  request: jsonBody(
    z.object({
      username: z.string().min(2).max(64),
      displayName: z.string().max(200).optional(),
      isAdmin: z.boolean().optional(),
      roles: z.array(z.object({ organisationCode: z.string().min(1).max(50), role: RoleEnum })).max(500),
    }),
  ),
  responses: {
    201: jsonResponse(z.object({ user: ManagedUserSchema, oneTimePassword: z.string() }), "Skapad; engångslösenordet måste bytas vid första inloggningen"),
    ...errorResponses,
    ...notFoundResponse,
    ...conflict,
  },
});

const putRole = createRoute({
  method: "put",
  path: "/api/users/{id}/roles/{organisationId}",
  tags,
  summary: "Ge användaren en roll i organisationen, eller byt den",
  request: { params: RoleParams, ...jsonBody(Revision.extend({ role: RoleEnum })) },
  responses: { 200: jsonResponse(ManagedUserSchema, "Användaren efter ändringen"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const deleteRole = createRoute({
  method: "delete",
  path: "/api/users/{id}/roles/{organisationId}",
  tags,
  summary: "Ta bort användarens roll i organisationen",
  request: { params: RoleParams, ...jsonBody(Revision) },
  responses: { 200: jsonResponse(ManagedUserSchema, "Användaren efter ändringen"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const reset = createRoute({
  method: "post",
  path: "/api/users/{id}/reset-password",
  tags,
  summary: "Nytt engångslösenord (visas en gång); användarens sessioner avslutas och en spärr hävs",
  request: { params: IdParam, ...jsonBody(Revision) },
  responses: {
    200: jsonResponse(z.object({ user: ManagedUserSchema, oneTimePassword: z.string(), endedSessions: z.number().int() }), "Lösenordet är återställt"),
    ...errorResponses,
    ...notFoundResponse,
    ...conflict,
  },
});

const deactivate = createRoute({
  method: "post",
  path: "/api/users/{id}/deactivate",
  tags,
  summary: "Stäng av användaren (kan inte logga in; sessionerna avslutas)",
  request: { params: IdParam, ...jsonBody(Revision) },
  responses: { 200: jsonResponse(ManagedUserSchema, "Avstängd"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const reactivate = createRoute({
  method: "post",
  path: "/api/users/{id}/reactivate",
  tags,
  summary: "Aktivera en avstängd användare igen",
  request: { params: IdParam, ...jsonBody(Revision) },
  responses: { 200: jsonResponse(ManagedUserSchema, "Aktiverad"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const endUserSessions = createRoute({
  method: "post",
  path: "/api/users/{id}/end-sessions",
  tags,
  summary: "Avsluta en av användarens sessioner, eller alla",
  request: { params: IdParam, ...jsonBody(z.object({ sessionId: z.string().max(64).optional() })) },
  responses: { 200: jsonResponse(z.object({ ended: z.number().int() }), "Antal avslutade sessioner"), ...errorResponses, ...notFoundResponse },
});

export function registerUserRoutes(app: App) {
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const users = await listUsers(c.get("db"), requireUser(c.get("user")), { search: q.search, organisationId: q.organisationId, includeDeactivated: q.includeDeactivated === "true" });
    return c.json(users, 200);
  });
  app.openapi(get, async (c) => c.json(await getUser(c.get("db"), requireUser(c.get("user")), c.req.valid("param").id), 200));
  app.openapi(add, async (c) => {
    const added = await addUser(c.get("db"), requireUser(c.get("user")), c.req.valid("json"));
    return c.json({ user: added.user, oneTimePassword: added.oneTimePassword! }, 201);
  });
  app.openapi(putRole, async (c) => {
    const { id, organisationId } = c.req.valid("param");
    const { role, revision } = c.req.valid("json");
    return c.json(await setRole(c.get("db"), requireUser(c.get("user")), { userId: id, organisationId, role, revision }), 200);
  });
  app.openapi(deleteRole, async (c) => {
    const { id, organisationId } = c.req.valid("param");
    return c.json(await removeRole(c.get("db"), requireUser(c.get("user")), { userId: id, organisationId, revision: c.req.valid("json").revision }), 200);
  });
  app.openapi(reset, async (c) => {
    const done = await resetPassword(c.get("db"), requireUser(c.get("user")), { userId: c.req.valid("param").id, revision: c.req.valid("json").revision });
    return c.json(done, 200);
  });
  app.openapi(deactivate, async (c) => c.json(await deactivateUser(c.get("db"), requireUser(c.get("user")), { userId: c.req.valid("param").id, revision: c.req.valid("json").revision }), 200));
  app.openapi(reactivate, async (c) => c.json(await reactivateUser(c.get("db"), requireUser(c.get("user")), { userId: c.req.valid("param").id, revision: c.req.valid("json").revision }), 200));
  app.openapi(endUserSessions, async (c) => c.json(await endSessions(c.get("db"), requireUser(c.get("user")), { userId: c.req.valid("param").id, sessionId: c.req.valid("json").sessionId }), 200));
}
