import { nameText } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { createBudgetDocument } from "../../app/budgets/create-budget-document";
import { decideBudgetDocument } from "../../app/budgets/decide-budget-document";
import { exportBudgetDocument } from "../../app/budgets/export-budget-document";
import { newBudgetDocumentVersion } from "../../app/budgets/new-budget-document-version";
import { listVisibleBudgetDocuments, readBudgetDocument } from "../../app/budgets/read-budget-documents";
import { updateBudgetDocument } from "../../app/budgets/update-budget-document";
import type { BudgetDocumentKind, SpecOf } from "../../core/budget/documents";
import type { DocumentMetadata as Metadata } from "../../core/budget/specs";
import type { Db } from "../../db/connect";
import { computeBudgetDocument } from "../../db/queries/budgets-compute";
import { budgetDocumentPdf, budgetDocumentXlsx } from "../../formats/budget/document";
import { requireUser, type App } from "../context";
import { conflictResponse, RevisionBody, revisionField } from "../revision-schemas";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { DocumentMetadata, Summary } from "./budget-schemas";
import { mimeType, mediaType } from "../../core/export-formats";

export interface KindConfig {
  kind: BudgetDocumentKind;
  /** URL segment: "budgets", "frame-changes" … */
  path: string;
  tag: string;
  /** Swedish noun with article for messages: "Budgeten", "Ramförändringen". */
  noun: string;
  spec: z.ZodType;
  resultDescription: string;
}

const Result = z.record(z.string(), z.unknown());

export function registerBudgetDocumentKind(app: App, cfg: KindConfig) {
  const base = `/api/${cfg.path}`;
  const tags = [cfg.tag];
  const Detail = Summary.extend({ spec: cfg.spec, result: Result.openapi({ description: cfg.resultDescription }), metadata: DocumentMetadata });
  const Save = z.object({
    organisationId: z.number().int().positive(),
    title: nameText().trim().min(1, "Ange en rubrik"),
    year: z.number().int().min(1900).max(2200),
    spec: cfg.spec,
    metadata: DocumentMetadata.default({}),
  });
  const Update = Save.omit({ organisationId: true }).extend({ revision: revisionField });
  const FileParam = IdParam.extend({ format: z.enum(["pdf", "xlsx"]).openapi({ param: { name: "format", in: "path" } }) });

  const routes = {
    check: createRoute({ method: "post", path: `${base}/check`, tags, summary: "Räkna och kontrollera utan att spara (för löpande kontroll medan användaren skriver)", request: jsonBody(cfg.spec), responses: { 200: jsonResponse(z.object({ result: Result.openapi({ description: cfg.resultDescription }), totalOre: z.number() }), "Resultatet"), ...errorResponses } }),
    list: createRoute({ method: "get", path: base, tags, summary: "Beslutade för alla; förslag för egna organisationer", responses: { 200: jsonResponse(z.array(Summary), "Lista"), ...errorResponses } }),
    create: createRoute({ method: "post", path: base, tags, summary: "Spara ett förslag", request: jsonBody(Save), responses: { 201: jsonResponse(Detail, "Sparat"), ...errorResponses } }),
    get: createRoute({ method: "get", path: `${base}/{id}`, tags, summary: "Ett sparat dokument med indata, resultat och metadata", request: { params: IdParam }, responses: { 200: jsonResponse(Detail, "Dokumentet"), ...errorResponses, ...notFoundResponse } }),
    update: createRoute({ method: "put", path: `${base}/{id}`, tags, summary: "Ändra ett förslag (beslutade ändras aldrig; skapa en ny version)", request: { params: IdParam, ...jsonBody(Update) }, responses: { 200: jsonResponse(Detail, "Ändrat"), ...errorResponses, ...notFoundResponse, ...conflictResponse } }),
    decide: createRoute({ method: "post", path: `${base}/{id}/decide`, tags, summary: "Fastställ förslaget; därefter kan det inte ändras", request: { params: IdParam, ...jsonBody(RevisionBody) }, responses: { 200: jsonResponse(Detail, "Beslutat"), ...errorResponses, ...notFoundResponse, ...conflictResponse } }),
    version: createRoute({ method: "post", path: `${base}/{id}/versions`, tags, summary: "Ny version (förslag) av ett beslutat dokument", request: { params: IdParam, ...jsonBody(RevisionBody) }, responses: { 201: jsonResponse(Detail, "Nytt förslag"), ...errorResponses, ...notFoundResponse, ...conflictResponse } }),
    document: createRoute({
      method: "get",
      path: `${base}/{id}/document/{format}`,
      tags,
      summary: "Beslutsunderlag som PDF, eller dess tabeller som XLSX",
      request: { params: FileParam },
      responses: {
        200: { description: "Filen", content: { [mediaType("pdf")]: { schema: z.string().openapi({ format: "binary" }) }, [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
  };

  // Saved spec and result are the JSON the schemas describe; the database types them as unknown.
  const out = (saved: unknown) => saved as z.infer<typeof Detail>;
  const compute = (db: Db, spec: unknown) => computeBudgetDocument(db, cfg.kind, spec as SpecOf[typeof cfg.kind]);
  const kind = cfg.kind;

  app.openapi(routes.check, async (c) => {
    requireUser(c.get("user"));
    return c.json(await compute(c.get("db"), c.req.valid("json")), 200);
  });

  app.openapi(routes.list, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await listVisibleBudgetDocuments(c.get("db"), user, kind), 200);
  });

  app.openapi(routes.create, async (c) => {
    const user = requireUser(c.get("user"));
    const body = c.req.valid("json");
    return c.json(out(await createBudgetDocument(c.get("db"), user, kind, { ...body, metadata: body.metadata as Metadata })), 201);
  });

  app.openapi(routes.get, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(out(await readBudgetDocument(c.get("db"), user, kind, c.req.valid("param").id)), 200);
  });

  app.openapi(routes.update, async (c) => {
    const user = requireUser(c.get("user"));
    const body = c.req.valid("json");
    return c.json(out(await updateBudgetDocument(c.get("db"), user, kind, { ...body, metadata: body.metadata as Metadata, id: c.req.valid("param").id })), 200);
  });

  app.openapi(routes.decide, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(out(await decideBudgetDocument(c.get("db"), user, kind, { id: c.req.valid("param").id, revision: c.req.valid("json").revision })), 200);
  });

  app.openapi(routes.version, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(out(await newBudgetDocumentVersion(c.get("db"), user, kind, { id: c.req.valid("param").id, revision: c.req.valid("json").revision })), 201);
  });

  app.openapi(routes.document, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, format } = c.req.valid("param");
    const body = await exportBudgetDocument(c.get("db"), user, kind, { id, format }, (saved) => (format === "pdf" ? budgetDocumentPdf(saved) : budgetDocumentXlsx(saved)));
    const type = mimeType(format);
    return c.body(new Uint8Array(body), 200, { "content-type": type, "content-disposition": `attachment; filename="${cfg.path}-${id}.${format}"` }) as never;
  });
}
