import { codeString, freeText } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { deleteSpending } from "../../app/grants/delete-spending";
import { recipientDetail, recipientOverview } from "../../app/grants/read-grants";
import { recordReceipt } from "../../app/grants/record-receipt";
import { recordSpending } from "../../app/grants/record-spending";
import { requireUser, type App } from "../context";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { todayOr } from "./grants-access";
import { CodeParam, DateText, InternalDecisionSchema, Ore, ReceiptSchema, RecipientGrantSchema, RevisionField, SpendingSchema, staleResponse, tags } from "./grants-schemas";

const TodayQuery = z.object({ today: DateText.optional().openapi({ description: "Räkna status som om i dag vore detta datum" }) });
const PartRecipient = IdParam.extend({ code: codeString().min(1).openapi({ param: { name: "code", in: "path" }, example: "23" }) });

const RecipientDetail = RecipientGrantSchema.extend({
  spending: z.array(SpendingSchema),
  internalDecisions: z.array(InternalDecisionSchema),
}).openapi("GrantRecipientDetail");

const overview = createRoute({
  method: "get",
  path: "/api/grants/recipients/{code}",
  tags,
  summary: "Mottagarens vy: vad organisationen har rätt till per beslutsdel, rekvisition, förbrukat, outnyttjat, återbetalning och nästa steg",
  request: { params: CodeParam, query: TodayQuery },
  responses: {
    200: jsonResponse(z.object({ organisation: z.object({ code: z.string(), name: z.string() }), grants: z.array(RecipientGrantSchema) }), "Bidragen"),
    ...errorResponses,
    ...notFoundResponse,
  },
});

const detail = createRoute({
  method: "get",
  path: "/api/grants/parts/{id}/recipients/{code}",
  tags,
  summary: "En mottagares uppgifter för en beslutsdel, med utgifter och interna fördelningsbeslut",
  request: { params: PartRecipient, query: TodayQuery },
  responses: { 200: jsonResponse(RecipientDetail, "Mottagarens bidrag"), ...errorResponses, ...notFoundResponse },
});

const receipt = createRoute({
  method: "put",
  path: "/api/grants/parts/{id}/recipients/{code}/receipt",
  tags,
  summary: "Spara rekvisition, utbetalning, objekt, redovisning och återbetalning (handläggare hos mottagaren). revision: receiptRevision som den lästes (0 när inget är sparat)",
  request: { params: PartRecipient, ...jsonBody(ReceiptSchema.extend({ revision: RevisionField })) },
  responses: { 200: jsonResponse(RecipientDetail, "Sparat"), ...errorResponses, ...notFoundResponse, ...staleResponse },
});

const spend = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/recipients/{code}/spending",
  tags,
  summary: "Registrera en utgift för hand (källa manual)",
  request: { params: PartRecipient, ...jsonBody(z.object({ spentOn: DateText, amount: Ore, description: freeText().trim().min(1, "Ange vad utgiften avser") })) },
  responses: { 201: jsonResponse(RecipientDetail, "Registrerad"), ...errorResponses, ...notFoundResponse },
});

const unspend = createRoute({
  method: "delete",
  path: "/api/grants/spending/{id}",
  tags,
  summary: "Ta bort en handregistrerad utgift",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ deleted: z.number() }), "Borttagen"), ...errorResponses, ...notFoundResponse },
});

export function registerGrantRecipientRoutes(app: App) {
  app.openapi(overview, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await recipientOverview(c.get("db"), user, c.req.valid("param").code, todayOr(c.req.valid("query").today)), 200);
  });

  app.openapi(detail, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    return c.json(await recipientDetail(c.get("db"), user, id, code, todayOr(c.req.valid("query").today)), 200);
  });

  app.openapi(receipt, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    return c.json(await recordReceipt(c.get("db"), user, id, code, c.req.valid("json")), 200);
  });

  app.openapi(spend, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    return c.json(await recordSpending(c.get("db"), user, id, code, c.req.valid("json")), 201);
  });

  app.openapi(unspend, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await deleteSpending(c.get("db"), user, c.req.valid("param").id), 200);
  });
}
