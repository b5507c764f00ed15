import { codeString } from "../../core/input-schemas";
import { mediaType, mimeType } from "../../core/export-formats";
import { createRoute, z } from "@hono/zod-openapi";
import { coordinatorOverview, closingDocuments, previewFinancialReport, storedDocument } from "../../app/grants/closing-read";
import { decideCarryForward } from "../../app/grants/decide-carry-forward";
import { fileFinancialReport } from "../../app/grants/file-financial-report";
import { produceRequisition } from "../../app/grants/produce-requisition";
import { savePaymentDetails } from "../../app/grants/save-payment-details";
import { recordExport } from "../../app/exports/record-export";
import { closingDocumentFile, closingFileName } from "../../formats/grants/closing-documents";
import { requireUser, type App } from "../context";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { todayOr } from "./grants-access";
import { CodeParam, DateText, Ore } from "./grants-schemas";

// Closing a grant (issue 14): the coordinator's overview, payee details, requisitions, financial
// reports and the grantor's consent to carry money forward. Each change is one use case in src/app/grants.

const tags = ["Statsbidrag: avslut"];
const conflict = { 409: { description: "Konflikt: ändrat av någon annan, utkast, eller siffror som inte stämmer", content: { "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })).optional() }) }) } } } } as const;
const PartRecipient = IdParam.extend({ code: codeString().min(1).openapi({ param: { name: "code", in: "path" }, example: "23" }) });
const FileParam = IdParam.extend({ format: z.enum(["pdf", "xlsx"]).openapi({ param: { name: "format", in: "path" } }) });

const Payee = z.object({
  kind: z.enum(["bankgiro", "plusgiro", "bank_account", "iban"]).openapi({ description: "Bankgiro, plusgiro, bankkonto (clearingnummer och kontonummer) eller IBAN" }),
  number: z.string().trim().min(1, "Ange numret").max(40).openapi({ example: "5050-1055" }),
  bank: z.string().trim().max(100).nullable().default(null),
  holder: z.string().trim().max(200).nullable().default(null),
});
const PaymentDetailsSchema = Payee.extend({ organisationNumber: z.string(), revision: z.number().int(), updatedBy: z.string().nullable(), updatedAt: z.union([z.string(), z.date()]).nullable() }).openapi("GrantPaymentDetails");
const Signatory = z
  .object({ name: z.string().trim().max(200).nullable().default(null), title: z.string().trim().max(200).nullable().default(null), place: z.string().trim().max(100).nullable().default(null) })
  .default({ name: null, title: null, place: null })
  .openapi({ description: "Behörig företrädare i underskriftsblocket; tomt ger tomma rader att fylla i" });
const Problem = z.object({ field: z.string(), message: z.string() }).openapi("GrantClosingProblem");
const Figures = z
  .object({ received: Ore, carriedIn: Ore, available: Ore, ledgerUsed: Ore, manualUsed: Ore, used: Ore, unspent: Ore, carriedForward: Ore, toRepay: Ore, repaid: Ore })
  .openapi("GrantClosingFigures");
const Step = z
  .object({ kind: z.enum(["requisition", "lapsed", "awaiting_payment", "financial_report", "repayment", "done"]), text: z.string(), dueDate: z.string().nullable(), overdue: z.boolean(), document: z.enum(["requisition", "financial_report"]).nullable() })
  .openapi("GrantClosingStep");
const OverviewRow = z
  .object({
    partId: z.number(),
    agreementId: z.number(),
    agreementName: z.string(),
    year: z.number(),
    title: z.string(),
    diaryNumber: z.string().nullable(),
    purpose: z.string(),
    appropriationItem: z.string().nullable(),
    accountingObject: z.string().nullable(),
    entitled: Ore,
    received: Ore.nullable(),
    figures: Figures,
    next: Step,
    requisitionVersion: z.number(),
    reportVersion: z.number(),
    problems: z.array(Problem),
    carryForward: z.object({ diaryNumber: z.string(), toPartId: z.number(), newDeadline: z.string() }).nullable(),
  })
  .openapi("GrantClosingRow");
const YearMoney = z.object({ year: z.number(), partId: z.number(), received: Ore, carriedIn: Ore, used: Ore, carriedForward: Ore, toRepay: Ore });
const Overview = z
  .object({
    organisation: z.object({ code: z.string(), name: z.string(), payment: PaymentDetailsSchema.nullable() }),
    today: z.string(),
    rows: z.array(OverviewRow),
    agreements: z.array(z.object({ agreementId: z.number(), agreementName: z.string(), line: z.object({ years: z.array(YearMoney), received: Ore, used: Ore, toRepay: Ore, leftAtEnd: Ore, mismatches: z.array(z.string()) }) })),
  })
  .openapi("GrantCoordinatorOverview");
const DocumentContent = z.record(z.string(), z.unknown()).openapi("GrantClosingDocumentContent", { description: "Vad dokumentet säger, som det sparades" });
const Produced = z.object({ id: z.number(), version: z.number(), content: DocumentContent }).openapi("GrantClosingDocument");
const StoredDocument = z.object({ id: z.number(), kind: z.enum(["requisition", "financial_report"]), version: z.number(), date: z.string(), madeBy: z.string().nullable(), madeAt: z.union([z.string(), z.date()]), amount: Ore });

const overview = createRoute({
  method: "get",
  path: "/api/grants/organisations/{code}/closing",
  tags,
  summary: "Samordnarens översikt: varje bidragsdel med mottaget, förbrukat, outnyttjat, vad som ska göras härnäst och dokumentet för det, och varje överenskommelse som en rad över åren",
  request: { params: CodeParam, query: z.object({ today: DateText.optional() }) },
  responses: { 200: jsonResponse(Overview, "Översikten"), ...errorResponses, ...notFoundResponse },
});

const savePayment = createRoute({
  method: "put",
  path: "/api/grants/organisations/{code}/payment-details",
  tags,
  summary: "Spara organisationsnummer och vart bidrag betalas ut (bankgiro, plusgiro, bankkonto eller IBAN), med kontrollsiffror",
  request: { params: CodeParam, ...jsonBody(z.object({ organisationNumber: z.string().trim().min(1).max(20).openapi({ example: "232100-0016" }), payee: Payee, revision: z.number().int().min(0) })) },
  responses: { 200: jsonResponse(PaymentDetailsSchema, "Sparat"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const preview = createRoute({
  method: "get",
  path: "/api/grants/parts/{id}/recipients/{code}/financial-report",
  tags,
  summary: "Den ekonomiska redovisningen som den ser ut nu, med det som hindrar den (ingenting sparas)",
  request: { params: PartRecipient, query: z.object({ date: DateText.optional(), explanation: z.string().max(2000).optional() }) },
  responses: { 200: jsonResponse(z.object({ figures: Figures, problems: z.array(Problem), content: DocumentContent.nullable(), latestVersion: z.number() }).openapi("GrantReportPreview"), "Förhandsvisning"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const produce = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/recipients/{code}/requisitions",
  tags,
  summary: "Ta fram en rekvisition (ny version); sparas med mottagarens status just då",
  request: { params: PartRecipient, ...jsonBody(z.object({ date: DateText, amount: Ore.optional(), signatory: Signatory, expectedVersion: z.number().int().min(0) })) },
  responses: { 201: jsonResponse(Produced, "Rekvisitionen"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const file = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/recipients/{code}/financial-reports",
  tags,
  summary: "Lämna in den ekonomiska redovisningen (ny version; en inlämnad version ändras aldrig). Vägras med vad som ska rättas när siffrorna inte stämmer",
  request: { params: PartRecipient, ...jsonBody(z.object({ date: DateText, explanation: z.string().max(2000).nullable().default(null), signatory: Signatory, expectedVersion: z.number().int().min(0) })) },
  responses: { 201: jsonResponse(Produced, "Redovisningen"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const carry = createRoute({
  method: "post",
  path: "/api/grants/parts/{id}/recipients/{code}/carry-forward",
  tags,
  summary: "Registrera bidragsgivarens beslut att outnyttjade medel får användas nästa år: beloppet förs till nästa års del i stället för att återbetalas",
  request: {
    params: PartRecipient,
    ...jsonBody(z.object({ toPartId: z.number().int().positive(), diaryNumber: z.string().trim().min(1, "Ange beslutets diarienummer").max(100), decidedOn: DateText, newDeadline: DateText, cap: Ore.nullable().default(null) })),
  },
  responses: {
    201: jsonResponse(z.object({ id: z.number(), fromPartId: z.number(), toPartId: z.number(), recipientCode: z.string(), diaryNumber: z.string(), decidedOn: z.string(), newDeadline: z.string(), cap: Ore.nullable(), createdBy: z.string().nullable() }).openapi("GrantCarryForward"), "Registrerat"),
    ...errorResponses,
    ...notFoundResponse,
    ...conflict,
  },
});

const list = createRoute({
  method: "get",
  path: "/api/grants/parts/{id}/recipients/{code}/closing-documents",
  tags,
  summary: "Framtagna rekvisitioner och inlämnade ekonomiska redovisningar, nyaste versionen först",
  request: { params: PartRecipient },
  responses: { 200: jsonResponse(z.array(StoredDocument), "Dokumenten"), ...errorResponses, ...notFoundResponse, ...conflict },
});

const fileResponses = {
  200: { description: "Filen", content: { [mediaType("pdf")]: { schema: z.string().openapi({ format: "binary" }) }, [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } } },
  ...errorResponses,
  ...notFoundResponse,
};
const requisitionFile = createRoute({ method: "get", path: "/api/documents/grant-requisitions/{id}/{format}", tags, summary: "En framtagen rekvisition som PDF, eller dess uppgifter som XLSX", request: { params: FileParam }, responses: fileResponses });
const reportFile = createRoute({ method: "get", path: "/api/documents/grant-financial-reports/{id}/{format}", tags, summary: "En inlämnad ekonomisk redovisning som PDF, eller dess tabeller (sammanställning, konton, månader, huvudboksrader) som XLSX", request: { params: FileParam }, responses: fileResponses });

const contentType = (format: "pdf" | "xlsx") => mimeType(format);

export function registerGrantClosingRoutes(app: App) {
  app.openapi(overview, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await coordinatorOverview(c.get("db"), user, c.req.valid("param").code, todayOr(c.req.valid("query").today)), 200);
  });

  app.openapi(savePayment, async (c) => {
    const user = requireUser(c.get("user"));
    const body = c.req.valid("json");
    return c.json(await savePaymentDetails(c.get("db"), user, { organisationCode: c.req.valid("param").code, ...body }), 200);
  });

  app.openapi(preview, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    const q = c.req.valid("query");
    const result = await previewFinancialReport(c.get("db"), user, id, code, { date: todayOr(q.date), explanation: q.explanation?.trim() || null });
    return c.json(result as never, 200);
  });

  app.openapi(produce, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json((await produceRequisition(c.get("db"), user, { partId: id, recipientCode: code, ...body })) as never, 201);
  });

  app.openapi(file, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json((await fileFinancialReport(c.get("db"), user, { partId: id, recipientCode: code, ...body })) as never, 201);
  });

  app.openapi(carry, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await decideCarryForward(c.get("db"), user, { fromPartId: id, recipientCode: code, ...body }), 201);
  });

  app.openapi(list, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, code } = c.req.valid("param");
    return c.json(await closingDocuments(c.get("db"), user, id, code), 200);
  });

  for (const [route, kind] of [
    [requisitionFile, "requisition"],
    [reportFile, "financial_report"],
  ] as const) {
    app.openapi(route, async (c) => {
      const user = requireUser(c.get("user"));
      const { id, format } = c.req.valid("param");
      const db = c.get("db");
      const content = await storedDocument(db, user, kind, id);
      const body = await closingDocumentFile(content, format);
      await recordExport(db, user, { entity: kind === "requisition" ? "grant_requisition" : "grant_financial_report", entityId: id, after: { format, document: true } });
      return c.body(new Uint8Array(body), 200, { "content-type": contentType(format), "content-disposition": `attachment; filename="${closingFileName(content, format)}"` }) as never;
    });
  }
}
