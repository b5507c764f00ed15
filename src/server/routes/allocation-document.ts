import { isoDate } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { exportAllocation } from "../../app/allocations/export-allocation";
import { renderDecisionPdf } from "../../formats/pdf/decision";
import { allocationDecisionDocument, allocationDecisionSheets } from "../../formats/allocation-document";
import { writeXlsx } from "../../formats/xlsx/write";
import { requireUser, type App } from "../context";
import { errorResponses, IdParam, notFoundResponse } from "../schemas";
import { mimeType, mediaType } from "../../core/export-formats";

const Query = z.object({
  caseNumber: z.string().optional().openapi({ example: "RS 2023/123" }),
  date: isoDate().optional(),
  proposal: z.string().optional().openapi({ description: "Förslag till beslut; utan det föreslås att fördelningen godkänns" }),
  preparedBy: z.string().optional().openapi({ example: "Harriet Boström, Controllerstrateg" }),
  distribution: z.string().optional().openapi({ description: "Mottagare åtskilda med semikolon" }),
  appendix: z.enum(["true", "false"]).default("true").openapi({ description: "false: utan bilagan med beräkningen per mottagare (PDF)" }),
});

const route = createRoute({
  method: "get",
  path: "/api/documents/allocations/{id}/{format}",
  tags: ["Fördelning"],
  summary: "Beslutsunderlag för en sparad fördelning (PDF) eller dess tabell (XLSX)",
  request: { params: IdParam.extend({ format: z.enum(["pdf", "xlsx"]).openapi({ param: { name: "format", in: "path" } }) }), query: Query },
  responses: {
    200: { description: "Filen", content: { [mediaType("pdf")]: { schema: z.string().openapi({ format: "binary" }) }, [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } } },
    ...errorResponses,
    ...notFoundResponse,
  },
});

export function registerAllocationDocumentRoute(app: App) {
  app.openapi(route, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, format } = c.req.valid("param");
    const q = c.req.valid("query");
    const body = await exportAllocation(c.get("db"), user, { id, format, document: true }, async (saved) => {
      let file: Buffer;
      if (format === "xlsx") {
        file = await writeXlsx(allocationDecisionSheets(saved, { appendix: q.appendix === "true" }), { title: saved.title, creator: saved.organisationName });
      } else {
        file = await renderDecisionPdf(
          allocationDecisionDocument(saved, {
            caseNumber: q.caseNumber,
            date: q.date,
            proposal: q.proposal,
            preparedBy: q.preparedBy,
            distribution: q.distribution ? q.distribution.split(";").map((s) => s.trim()).filter(Boolean) : undefined,
            appendix: q.appendix === "true",
          }),
        );
      }
      return file;
    });
    const type = mimeType(format);
    return c.body(new Uint8Array(body), 200, { "content-type": type, "content-disposition": `attachment; filename="fordelning-${id}.${format}"` }) as never;
  });
}
