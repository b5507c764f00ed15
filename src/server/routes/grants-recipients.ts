import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../../db/connect";
import { listInternalDecisions } from "../../db/queries/grants-internal";
import { addSpending, listSpending, recipientGrants, saveReceipt } from "../../db/queries/grants-recipients";
import { can, readableOrganisationIds, requireRole } from "../../app/access";
import { writeAudit } from "../../app/audit";
import type { CurrentUser } from "../auth/users";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { organisationByCode, todayOr, visiblePart } from "./grants-access";
import { CodeParam, DateText, InternalDecisionSchema, Ore, ReceiptSchema, RecipientGrantSchema, SpendingSchema, tags } from "./grants-schemas";

const TodayQuery = z.object({ today: DateText.optional().openapi({ description: "Räkna status som om i dag vore detta datum" }) });
const PartRecipient = IdParam.extend({ code: z.string().min(1).openapi({ param: { name: "code", in: "path" }, example: "23" }) });

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
  summary: "Spara rekvisition, utbetalning, objekt, redovisning och återbetalning (handläggare hos mottagaren)",
  request: { params: PartRecipient, ...jsonBody(ReceiptSchema) },
  responses: { 200: jsonResponse(RecipientDetail, "Sparat"), ...errorResponses, ...notFoundResponse },
});

const spend = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/recipients/{code}/spending",
  tags,
  summary: "Registrera en utgift för hand (källa manual)",
  request: { params: PartRecipient, ...jsonBody(z.object({ spentOn: DateText, amount: Ore, description: z.string().trim().min(1, "Ange vad utgiften avser") })) },
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

/** A recipient's own figures are for its members; others see only decided entitlements through the distribution. */
function requireMember(user: CurrentUser, org: { id: number; name: string }) {
  if (!can(user, org.id, "reader")) throw new ApiError(403, "forbidden", `Du behöver en roll i ${org.name} för att se organisationens statsbidrag.`);
}

async function loadDetail(db: Db, user: CurrentUser, partId: number, code: string, today: string) {
  const org = await organisationByCode(db, code);
  requireMember(user, org);
  await visiblePart(db, user, partId);
  const [grant] = await recipientGrants(db, { partId, recipientCodes: [code], draftOrganisations: readableOrganisationIds(user) }, today);
  if (!grant) throw new ApiError(404, "not_found", `${org.name} har inget belopp i beslutsdel ${partId}.`);
  const spending = await listSpending(db, partId, code);
  const internalDecisions = await listInternalDecisions(db, { partId, organisationId: org.id, draftOrganisations: readableOrganisationIds(user) });
  return { org, detail: { ...grant, spending, internalDecisions } };
}

export function registerGrantRecipientRoutes(app: App) {
  app.openapi(overview, async (c) => {
    const user = requireUser(c.get("user"));
    const { code } = c.req.valid("param");
    const db = c.get("db");
    const org = await organisationByCode(db, code);
    requireMember(user, org);
    const grants = await recipientGrants(db, { recipientCodes: [code], draftOrganisations: readableOrganisationIds(user) }, todayOr(c.req.valid("query").today));
    return c.json({ organisation: { code: org.code, name: org.name }, grants }, 200);
  });

  app.openapi(detail, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    return c.json((await loadDetail(c.get("db"), user, id, code, todayOr(c.req.valid("query").today))).detail, 200);
  });

  app.openapi(receipt, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    const db = c.get("db");
    const { org, detail: before } = await loadDetail(db, user, id, code, todayOr(undefined));
    requireRole(user, org.id, "editor");
    const input = c.req.valid("json");
    await db.transaction().execute(async (trx) => {
      await saveReceipt(trx, id, code, input);
      await writeAudit(trx, user, { action: "update", entity: "grant_receipt", entityId: `${id}/${code}`, organisationId: org.id, before: before.receipt, after: input });
    });
    return c.json((await loadDetail(db, user, id, code, todayOr(undefined))).detail, 200);
  });

  app.openapi(spend, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    const db = c.get("db");
    const { org } = await loadDetail(db, user, id, code, todayOr(undefined));
    requireRole(user, org.id, "editor");
    const input = c.req.valid("json");
    await db.transaction().execute(async (trx) => {
      const spendingId = await addSpending(trx, { partId: id, recipientCode: code, ...input, source: "manual", sourceRef: null }, user.id);
      await writeAudit(trx, user, { action: "create", entity: "grant_spending", entityId: spendingId, organisationId: org.id, after: { partId: id, recipientCode: code, ...input } });
    });
    return c.json((await loadDetail(db, user, id, code, todayOr(undefined))).detail, 201);
  });

  app.openapi(unspend, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const row = await db.selectFrom("grant_spending").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new ApiError(404, "not_found", `Utgift ${id} finns inte.`);
    const org = await organisationByCode(db, row.recipient_code);
    requireRole(user, org.id, "editor");
    if (row.source !== "manual") throw new ApiError(409, "imported", "Utgiften kommer från en inläst redovisning och tas bort genom en ny import.");
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("grant_spending").where("id", "=", id).execute();
      await writeAudit(trx, user, { action: "delete", entity: "grant_spending", entityId: id, organisationId: org.id, before: row });
    });
    return c.json({ deleted: id }, 200);
  });
}
