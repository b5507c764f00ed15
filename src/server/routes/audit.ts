import { createRoute, z } from "@hono/zod-openapi";
import { UserFacingError } from "../../core/errors";
import { recordExport } from "../../app/exports/record-export";
import { describeChainReport, verifyAuditChain } from "../../db/queries/audit-chain";
import { allAuditEntries, countAuditEntries, listAuditEntries } from "../../db/queries/audit-log";
import { auditTable } from "../../formats/audit-export";
import { writeCsv } from "../../formats/csv/write";
import { writeXlsx } from "../../formats/xlsx/write";
import type { AuditEntry } from "../../core/audit/entry";
import { requireAdmin, type App } from "../context";
import { errorResponses, jsonResponse } from "../schemas";
import { mimeType, mediaType } from "../../core/export-formats";

const tags = ["Administration"];

const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    userId: z.number().nullable(),
    username: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    organisationId: z.number().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
  })
  .openapi("AuditEntry");

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datum som ÅÅÅÅ-MM-DD.");

const FilterQuery = z.object({
  user: z.string().trim().min(1).max(200).optional().openapi({ description: "Användarnamn (skiftläge spelar ingen roll)" }),
  entity: z.string().trim().min(1).max(100).optional().openapi({ description: "Slag av objekt, t.ex. allocation" }),
  entityId: z.string().trim().min(1).max(200).optional().openapi({ description: "Objektets id (med entity: en viss post)" }),
  action: z.string().trim().min(1).max(100).optional(),
  from: day.optional().openapi({ description: "Från och med dag (svensk tid)" }),
  to: day.optional().openapi({ description: "Till och med dag (svensk tid)" }),
});

type FilterInput = z.infer<typeof FilterQuery>;
const toFilter = (q: FilterInput) => ({ username: q.user, entity: q.entity, entityId: q.entityId, action: q.action, from: q.from, to: q.to });

const list = createRoute({
  method: "get",
  path: "/api/audit",
  tags,
  summary: "Granskningslogg: vem ändrade vad och när, med före- och efterläge",
  request: {
    query: FilterQuery.extend({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().positive().optional().openapi({ description: "Visa poster äldre än detta id" }),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ entries: z.array(AuditEntrySchema), total: z.number().openapi({ description: "Antal poster som matchar filtret" }) }), "Loggposter, nyast först"),
    ...errorResponses,
  },
});

/** The most entries one export may hold; a longer log is exported a period at a time. */
const EXPORT_LIMIT = 100_000;

const exportFormats = ["csv", "xlsx"] as const;
const exportRoutes = exportFormats.map((format) =>
  createRoute({
    method: "get",
    path: `/api/audit/export.${format}`,
    tags,
    summary: `Granskningsloggen som ${format.toUpperCase()}, ett fält per rad, med samma filter som listan`,
    request: { query: FilterQuery },
    responses: {
      200: {
        description: "Filen",
        content:
          format === "xlsx"
            ? { [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } }
            : { [mediaType("csv")]: { schema: z.string() } },
      },
      ...errorResponses,
    },
  }),
);

const ChainProblemSchema = z.object({
  kind: z.enum(["altered", "broken-link", "tail-removed", "head-mismatch"]),
  id: z.number().optional(),
  previousId: z.number().nullable().optional(),
  lastId: z.number().nullable().optional(),
  headId: z.number().optional(),
});

const verify = createRoute({
  method: "get",
  path: "/api/audit/verify",
  tags,
  summary: "Kontrollera granskningsloggens hashkedja: första ändrade, inlagda eller borttagna post",
  responses: {
    200: jsonResponse(
      z.object({ intact: z.boolean(), entries: z.number(), lastId: z.number().nullable(), problem: ChainProblemSchema.nullable(), message: z.string() }).openapi("AuditChainReport"),
      "Resultatet av kontrollen",
    ),
    ...errorResponses,
  },
});

export function registerAuditRoutes(app: App) {
  app.openapi(list, async (c) => {
    requireAdmin(c.get("user"));
    const { limit, before, ...query } = c.req.valid("query");
    const db = c.get("db");
    const filter = toFilter(query);
    const [entries, total] = await Promise.all([listAuditEntries(db, filter, { limit, before }), countAuditEntries(db, filter)]);
    return c.json({ entries, total }, 200);
  });

  exportFormats.forEach((format, i) => {
    app.openapi(exportRoutes[i]!, async (c) => {
      const user = requireAdmin(c.get("user"));
      const db = c.get("db");
      const filter = toFilter(c.req.valid("query"));
      const count = await countAuditEntries(db, filter);
      if (count > EXPORT_LIMIT) {
        throw new UserFacingError(`Urvalet har ${count} poster; en export får ha högst ${EXPORT_LIMIT}. Begränsa till exempel med datum.`, { status: 400, code: "too_many" });
      }
      const entries: AuditEntry[] = [];
      for await (const e of allAuditEntries(db, filter)) entries.push(e);
      const table = auditTable(entries);
      const body = format === "xlsx" ? new Uint8Array(await writeXlsx([{ name: "Granskningslogg", table }], { title: "Granskningslogg" })) : writeCsv(table);
      await recordExport(db, user, { entity: "audit_log", after: { format, filter, entries: entries.length } });
      return c.body(body, 200, {
        "content-type": mimeType(format),
        "content-disposition": `attachment; filename="granskningslogg.${format}"`,
      }) as never;
    });
  });

  app.openapi(verify, async (c) => {
    requireAdmin(c.get("user"));
    const report = await verifyAuditChain(c.get("db"));
    return c.json({ intact: report.problem === null, entries: report.entries, lastId: report.lastId, problem: report.problem, message: describeChainReport(report) }, 200);
  });
}
