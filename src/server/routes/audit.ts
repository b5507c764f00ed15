import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, type App } from "../context";
import { errorResponses, jsonResponse } from "../schemas";

const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    username: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    organisationId: z.number().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi("AuditEntry");

const list = createRoute({
  method: "get",
  path: "/api/audit",
  tags: ["Administration"],
  summary: "Granskningslogg: vem ändrade vad och när, med före- och efterläge",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().positive().optional().openapi({ description: "Visa poster äldre än detta id" }),
      entity: z.string().optional(),
    }),
  },
  responses: { 200: jsonResponse(z.object({ entries: z.array(AuditEntrySchema) }), "Loggposter, nyast först"), ...errorResponses },
});

export function registerAuditRoutes(app: App) {
  app.openapi(list, async (c) => {
    requireAdmin(c.get("user"));
    const { limit, before, entity } = c.req.valid("query");
    let q = c.get("db").selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit);
    if (before) q = q.where("id", "<", before);
    if (entity) q = q.where("entity", "=", entity);
    const rows = await q.execute();
    return c.json(
      {
        entries: rows.map((r) => ({
          id: Number(r.id),
          at: new Date(r.at).toISOString(),
          username: r.username,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          organisationId: r.organisation_id,
          before: r.before,
          after: r.after,
        })),
      },
      200,
    );
  });
}
