import { createRoute, z } from "@hono/zod-openapi";
import { assertBalanced, type FrameChangeResult } from "../../core/budget";
import type { DocumentMetadata as Metadata } from "../../core/budget/specs";
import type { Db } from "../../db/connect";
import { getBudgetDocument, insertBudgetDocument, listBudgetDocuments, markDecided, updateBudgetProposal } from "../../db/queries/budgets";
import { computeBudgetDocument, type SpecOf } from "../../db/queries/budgets-compute";
import type { BudgetDocumentKind } from "../../db/schema-budgets";
import { budgetDocumentPdf, budgetDocumentXlsx } from "../../formats/budget/document";
import { can, readableOrganisationIds, requireRole } from "../../app/access";
import { writeAudit } from "../../app/audit";
import type { CurrentUser } from "../auth/users";
import { requireUser, type App } from "../context";
import { ApiError } from "../errors";
import { errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse } from "../schemas";
import { DocumentMetadata, Summary } from "./budget-schemas";

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
    title: z.string().trim().min(1, "Ange en rubrik"),
    year: z.number().int().min(1900).max(2200),
    spec: cfg.spec,
    metadata: DocumentMetadata.default({}),
  });
  const Update = Save.omit({ organisationId: true });
  const FileParam = IdParam.extend({ format: z.enum(["pdf", "xlsx"]).openapi({ param: { name: "format", in: "path" } }) });

  const routes = {
    check: createRoute({ method: "post", path: `${base}/check`, tags, summary: "Räkna och kontrollera utan att spara (för löpande kontroll medan användaren skriver)", request: jsonBody(cfg.spec), responses: { 200: jsonResponse(z.object({ result: Result.openapi({ description: cfg.resultDescription }), totalOre: z.number() }), "Resultatet"), ...errorResponses } }),
    list: createRoute({ method: "get", path: base, tags, summary: "Beslutade för alla; förslag för egna organisationer", responses: { 200: jsonResponse(z.array(Summary), "Lista"), ...errorResponses } }),
    create: createRoute({ method: "post", path: base, tags, summary: "Spara ett förslag", request: jsonBody(Save), responses: { 201: jsonResponse(Detail, "Sparat"), ...errorResponses } }),
    get: createRoute({ method: "get", path: `${base}/{id}`, tags, summary: "Ett sparat dokument med indata, resultat och metadata", request: { params: IdParam }, responses: { 200: jsonResponse(Detail, "Dokumentet"), ...errorResponses, ...notFoundResponse } }),
    update: createRoute({ method: "put", path: `${base}/{id}`, tags, summary: "Ändra ett förslag (beslutade ändras aldrig; skapa en ny version)", request: { params: IdParam, ...jsonBody(Update) }, responses: { 200: jsonResponse(Detail, "Ändrat"), 409: { description: "Redan beslutat" }, ...errorResponses, ...notFoundResponse } }),
    decide: createRoute({ method: "post", path: `${base}/{id}/decide`, tags, summary: "Fastställ förslaget; därefter kan det inte ändras", request: { params: IdParam }, responses: { 200: jsonResponse(Detail, "Beslutat"), 409: { description: "Redan beslutat" }, ...errorResponses, ...notFoundResponse } }),
    version: createRoute({ method: "post", path: `${base}/{id}/versions`, tags, summary: "Ny version (förslag) av ett beslutat dokument", request: { params: IdParam }, responses: { 201: jsonResponse(Detail, "Nytt förslag"), 409: { description: "Är inte beslutat" }, ...errorResponses, ...notFoundResponse } }),
    document: createRoute({
      method: "get",
      path: `${base}/{id}/document/{format}`,
      tags,
      summary: "Beslutsunderlag som PDF, eller dess tabeller som XLSX",
      request: { params: FileParam },
      responses: {
        200: { description: "Filen", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
  };

  const missing = (id: number) => new ApiError(404, "not_found", `${cfg.noun} ${id} finns inte.`);

  async function load(db: Db, user: CurrentUser, id: number) {
    const saved = await getBudgetDocument(db, id);
    // A proposal of another organisation is reported as missing: its existence is not public.
    if (!saved || saved.kind !== cfg.kind || (saved.status === "proposal" && !can(user, saved.organisationId, "reader"))) throw missing(id);
    return saved;
  }
  async function fresh(db: Db, id: number) {
    const saved = await getBudgetDocument(db, id);
    if (!saved) throw missing(id);
    return saved;
  }
  // Saved spec and result are the JSON the schemas describe; the database types them as unknown.
  const out = (saved: Awaited<ReturnType<typeof fresh>>) => saved as unknown as z.infer<typeof Detail>;
  const compute = (db: Db, spec: unknown) => computeBudgetDocument(db, cfg.kind, spec as SpecOf[typeof cfg.kind]);

  app.openapi(routes.check, async (c) => {
    requireUser(c.get("user"));
    return c.json(await compute(c.get("db"), c.req.valid("json")), 200);
  });

  app.openapi(routes.list, async (c) => {
    const user = requireUser(c.get("user"));
    const rows = await listBudgetDocuments(c.get("db"), cfg.kind, readableOrganisationIds(user));
    return c.json(rows.map(({ spec: _s, result: _r, metadata: _m, ...summary }) => summary), 200);
  });

  app.openapi(routes.create, async (c) => {
    const user = requireUser(c.get("user"));
    const body = c.req.valid("json");
    requireRole(user, body.organisationId, "editor");
    const db = c.get("db");
    const { result, totalOre } = await compute(db, body.spec);
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertBudgetDocument(trx, { kind: cfg.kind, organisationId: body.organisationId, title: body.title, year: body.year, spec: body.spec, result, metadata: body.metadata as Metadata, totalOre, createdBy: user.id });
      await writeAudit(trx, user, { action: "create", entity: cfg.kind, entityId: newId, organisationId: body.organisationId, after: { title: body.title, year: body.year, spec: body.spec, metadata: body.metadata, total: totalOre } });
      return newId;
    });
    return c.json(out(await fresh(db, id)), 201);
  });

  app.openapi(routes.get, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(out(await load(c.get("db"), user, c.req.valid("param").id)), 200);
  });

  app.openapi(routes.update, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const db = c.get("db");
    const before = await load(db, user, id);
    requireRole(user, before.organisationId, "editor");
    if (before.status === "decided") throw new ApiError(409, "decided", `${cfg.noun} är beslutad och kan inte ändras. Skapa en ny version i stället.`);
    const { result, totalOre } = await compute(db, body.spec);
    await db.transaction().execute(async (trx) => {
      const ok = await updateBudgetProposal(trx, id, { title: body.title, year: body.year, spec: body.spec, result, metadata: body.metadata as Metadata, totalOre });
      if (!ok) throw new ApiError(409, "decided", `${cfg.noun} har beslutats under tiden och kan inte ändras.`);
      await writeAudit(trx, user, {
        action: "update",
        entity: cfg.kind,
        entityId: id,
        organisationId: before.organisationId,
        before: { title: before.title, year: before.year, spec: before.spec, metadata: before.metadata, total: before.totalOre },
        after: { title: body.title, year: body.year, spec: body.spec, metadata: body.metadata, total: totalOre },
      });
    });
    return c.json(out(await fresh(db, id)), 200);
  });

  app.openapi(routes.decide, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const before = await load(db, user, id);
    requireRole(user, before.organisationId, "approver");
    if (before.status === "decided") throw new ApiError(409, "decided", `${cfg.noun} är redan beslutad.`);
    // A frame change whose lines do not add up to what there is to allocate cannot be decided.
    if (cfg.kind === "frame_change") assertBalanced(before.result as FrameChangeResult);
    await db.transaction().execute(async (trx) => {
      if (!(await markDecided(trx, id, user.id))) throw new ApiError(409, "decided", `${cfg.noun} är redan beslutad.`);
      await writeAudit(trx, user, { action: "decide", entity: cfg.kind, entityId: id, organisationId: before.organisationId, before: { status: "proposal" }, after: { status: "decided" } });
    });
    return c.json(out(await fresh(db, id)), 200);
  });

  app.openapi(routes.version, async (c) => {
    const user = requireUser(c.get("user"));
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const previous = await load(db, user, id);
    requireRole(user, previous.organisationId, "editor");
    if (previous.status !== "decided") throw new ApiError(409, "proposal", "Förslag ändras direkt; nya versioner skapas från beslutade dokument.");
    const newId = await db.transaction().execute(async (trx) => {
      const created = await insertBudgetDocument(trx, { ...previous, createdBy: user.id, version: previous.version + 1, previousId: previous.id });
      await writeAudit(trx, user, { action: "create", entity: cfg.kind, entityId: created, organisationId: previous.organisationId, after: { versionOf: previous.id, version: previous.version + 1 } });
      return created;
    });
    return c.json(out(await fresh(db, newId)), 201);
  });

  app.openapi(routes.document, async (c) => {
    const user = requireUser(c.get("user"));
    const { id, format } = c.req.valid("param");
    const db = c.get("db");
    const saved = await load(db, user, id);
    const body = format === "pdf" ? await budgetDocumentPdf(saved) : await budgetDocumentXlsx(saved);
    await writeAudit(db, user, { action: "export", entity: cfg.kind, entityId: id, organisationId: saved.organisationId, after: { format } });
    const type = format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return c.body(new Uint8Array(body), 200, { "content-type": type, "content-disposition": `attachment; filename="${cfg.path}-${id}.${format}"` }) as never;
  });
}
