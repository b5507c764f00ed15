import { createRoute, z } from "@hono/zod-openapi";
import { grantDecisionDocumentData, internalDecisionDocumentData } from "../../db/queries/grants-document-data";
import { grantDecisionFile, internalDecisionFile } from "../../formats/grants/decision-files";
import { can } from "../../app/access";
import { recordExport } from "../../app/exports/record-export";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, notFoundResponse } from "../schemas";
import { mimeType, mediaType } from "../../core/export-formats";
import { displayUnits } from "../../core/money/units";

const FileParam = IdParam.extend({ format: z.enum(["pdf", "xlsx"]).openapi({ param: { name: "format", in: "path" } }) });
const Unit = z.enum(displayUnits).optional().openapi({ description: "Visa beloppen i kr (standard), tkr eller mkr; avrundade tabeller får en not" });
const fileResponses = {
  200: { description: "Filen", content: { [mediaType("pdf")]: { schema: z.string().openapi({ format: "binary" }) }, [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } } },
  ...errorResponses,
  ...notFoundResponse,
};

const grantDecision = createRoute({
  method: "get",
  path: "/api/documents/grant-decisions/{id}/{format}",
  tags: ["Statsbidrag"],
  summary: "Beslutsunderlag för ett regeringsbeslut (PDF) eller dess tabeller (XLSX): delarna med anslagspost och frister, mottagarna per fördelad del",
  request: { params: FileParam, query: z.object({ unit: Unit, copyTo: z.string().optional().openapi({ description: "Kopia till: mottagare åtskilda med semikolon" }) }) },
  responses: fileResponses,
});

const internalDecision = createRoute({
  method: "get",
  path: "/api/documents/internal-decisions/{id}/{format}",
  tags: ["Statsbidrag"],
  summary: "Beslut om intern fördelning av ett mottaget bidrag (PDF) eller dess tabell (XLSX): rader, öronmärkt del, rest, delegation, villkor, utdrag till",
  request: { params: FileParam, query: z.object({ unit: Unit }) },
  responses: fileResponses,
});

const contentType = (format: "pdf" | "xlsx") => (format === "pdf" ? mimeType("pdf") : mimeType("xlsx"));

export function registerGrantDocumentRoutes(app: App) {
  app.openapi(grantDecision, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, format } = c.req.valid("param");
    const { unit, copyTo } = c.req.valid("query");
    const db = c.get("db");
    const data = await grantDecisionDocumentData(db, id);
    // A draft of another organisation is reported as missing, as the grants routes do.
    if (!data || (data.decision.status === "draft" && !can(user, data.decision.organisationId, "reader"))) throw new ApiError(404, "not_found", `Regeringsbeslut ${id} finns inte.`);
    const body = await grantDecisionFile(data, format, { unit, copyTo: copyTo?.split(";").map((s) => s.trim()).filter(Boolean) });
    await recordExport(db, user, { entity: "grant_decision", entityId: id, organisationId: data.decision.organisationId, after: { format, unit: unit ?? "kr", document: true } });
    return c.body(new Uint8Array(body), 200, { "content-type": contentType(format), "content-disposition": `attachment; filename="regeringsbeslut-${id}.${format}"` }) as never;
  });

  app.openapi(internalDecision, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, format } = c.req.valid("param");
    const { unit } = c.req.valid("query");
    const db = c.get("db");
    const data = await internalDecisionDocumentData(db, id);
    if (!data || (data.internal.status === "draft" && !can(user, data.internal.organisationId, "reader"))) throw new ApiError(404, "not_found", `Internt beslut ${id} finns inte.`);
    const body = await internalDecisionFile(data, format, { unit });
    await recordExport(db, user, { entity: "grant_internal_decision", entityId: id, organisationId: data.internal.organisationId, after: { format, unit: unit ?? "kr", document: true } });
    return c.body(new Uint8Array(body), 200, { "content-type": contentType(format), "content-disposition": `attachment; filename="internt-beslut-${id}.${format}"` }) as never;
  });
}
