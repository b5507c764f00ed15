import { isoDate } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { exportAllocation } from "../../app/allocations/export-allocation";
import { allocationTable } from "../../formats/allocation-export";
import { renderDecisionPdf, type DecisionDocument } from "../../formats/pdf/decision";
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
      const table = allocationTable(saved.result, { title: saved.title, organisationName: saved.organisationName, lines: saved.result.shares.map((s) => ({ key: s.key, label: s.label, method: s.method, weight: s.weight ?? undefined })) });
      let file: Buffer;
      if (format === "xlsx") {
        file = await writeXlsx([{ name: "Fördelning", table }], { title: saved.title, creator: saved.organisationName });
      } else {
        const doc: DecisionDocument = {
          organisationName: saved.organisationName,
          title: saved.title,
          caseNumber: q.caseNumber ?? "Utan diarienummer",
          date: q.date ?? new Date().toISOString().slice(0, 10),
          summary: [`${saved.title}. ${saved.status === "decided" ? `Beslutad, version ${saved.version}.` : `Utkast, version ${saved.version}; inte beslutad.`}`],
          tables: [{ table }],
          proposal: { attSatser: [q.proposal ?? "godkänna fördelningen enligt tabellen."] },
          preparedBy: q.preparedBy ? [`${q.preparedBy} har berett ärendet.`] : undefined,
          distribution: q.distribution ? q.distribution.split(";").map((s) => s.trim()).filter(Boolean) : undefined,
        };
        file = await renderDecisionPdf(doc);
      }
      return file;
    });
    const type = mimeType(format);
    return c.body(new Uint8Array(body), 200, { "content-type": type, "content-disposition": `attachment; filename="fordelning-${id}.${format}"` }) as never;
  });
}
