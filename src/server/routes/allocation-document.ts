import { isoDate } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { getAllocation } from "../../db/queries/allocations";
import { allocationTable } from "../../formats/allocation-export";
import { renderDecisionPdf, type DecisionDocument } from "../../formats/pdf/decision";
import { writeXlsx } from "../../formats/xlsx/write";
import { can } from "../../app/access";
import { writeAudit } from "../../app/audit";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, notFoundResponse } from "../schemas";

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
    200: { description: "Filen", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) } } },
    ...errorResponses,
    ...notFoundResponse,
  },
});

export function registerAllocationDocumentRoute(app: App) {
  app.openapi(route, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, format } = c.req.valid("param");
    const q = c.req.valid("query");
    const db = c.get("db");
    const saved = await getAllocation(db, id);
    if (!saved || (saved.status === "draft" && !can(user, saved.organisationId, "reader"))) throw new ApiError(404, "not_found", `Fördelning ${id} finns inte.`);
    const table = allocationTable(saved.result, { title: saved.title, organisationName: saved.organisationName, lines: saved.result.shares.map((s) => ({ key: s.key, label: s.label, method: s.method, weight: s.weight ?? undefined })) });
    let body: Buffer;
    if (format === "xlsx") {
      body = await writeXlsx([{ name: "Fördelning", table }], { title: saved.title, creator: saved.organisationName });
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
      body = await renderDecisionPdf(doc);
    }
    await writeAudit(db, user, { action: "export", entity: "allocation", entityId: id, organisationId: saved.organisationId, after: { format, document: true } });
    const type = format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return c.body(new Uint8Array(body), 200, { "content-type": type, "content-disposition": `attachment; filename="fordelning-${id}.${format}"` }) as never;
  });
}
