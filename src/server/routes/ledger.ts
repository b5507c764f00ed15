import { nameText } from "../../core/input-schemas";
import { PassThrough } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { SieFileError } from "../../formats/sie";
import { importCsvFile } from "../../app/ledger/import-csv";
import { importSieFile } from "../../app/ledger/import-sie";
import { giveWayToRequests } from "../requests-in-progress";
import { makeImportCurrent } from "../../app/ledger/make-import-current";
import { saveCsvMapping } from "../../app/ledger/save-csv-mapping";
import { setAccountClasses } from "../../app/ledger/set-account-classes";
import { linkObject } from "../../app/ledger/link-object";
import { exportBudgetSieFile } from "../../app/ledger/export-budget-sie";
import { ReplaceNeedsConsentError } from "../../ledger/replace-check";
import { listCsvMappings, listObjectLinks, readAccountClassSet } from "../../ledger/mappings";
import { getImport, listImports } from "../../ledger/imports";
import { requireRole } from "../../app/access";
import { requireUser, type App, type AppEnv } from "../context";
import { ApiError } from "../errors";
import { finishJob, getJob, progressJob, runningJobs, startJob } from "../../ledger/jobs";
import { conflictResponse, errorResponses, IdParam, jsonBody, jsonResponse, notFoundResponse, RevisionField } from "../schemas";
import { AccountClassOverrideSchema, AccountClassSetSchema, CsvMappingSchema, ImportDetailSchema, ImportSchema, JobSchema, ObjectLinkSchema, OrgQuery, OrgYearQuery, StoredCsvMappingSchema, StoredObjectLinkSchema } from "./ledger-schemas";

const tags = ["Huvudbok och import"];
const fileBody = {
  body: {
    content: {
      "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
    },
    required: true,
    // Declared as raw bytes only: a declared multipart schema would be validated against raw uploads too.
    description: "Filen som rå kropp (application/octet-stream), eller multipart/form-data med fältet file",
  },
};
const FileQuery = OrgQuery.extend({ fileName: nameText().optional().openapi({ description: "Filnamn för meddelanden (rå kropp)" }) });

/** The uploaded file as bytes, from a raw body or a multipart field "file". */
async function uploaded(c: Context<AppEnv>, fallbackName: string | undefined): Promise<{ bytes: Uint8Array; name: string }> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    // A body that is not the multipart it claims to be is the client's error, not the server's.
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError(400, "validation", "Formuläret kunde inte läsas som multipart/form-data: skicka filen i fältet file eller som rå kropp (application/octet-stream).");
    });
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError(400, "validation", "Formuläret saknar filen (fältet file).");
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: fallbackName ?? file.name };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw new ApiError(400, "validation", "Filen är tom.");
  return { bytes, name: fallbackName ?? "uppladdad-fil" };
}

const importSieRoute = createRoute({
  method: "post",
  path: "/api/ledger/imports/sie",
  tags,
  summary: "Importera en SIE 4-fil (4B/4E/4I) i bakgrunden; svaret ger ett jobb att fråga om förlopp",
  request: {
    query: FileQuery.extend({
      replace: z.enum(["true", "false"]).optional().openapi({ description: "true: ersätt årets gällande SIE-import (utan det avbryts en ersättning med jämförelsen före/efter)" }),
    }),
    ...fileBody,
  },
  responses: { 202: jsonResponse(JobSchema, "Importen har startat"), ...errorResponses },
});
const makeCurrentRoute = createRoute({
  method: "post",
  path: "/api/ledger/imports/{id}/make-current",
  tags,
  summary: "Gör en tidigare (ersatt) SIE-import till årets gällande igen",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ importId: z.number(), year: z.number(), replaced: z.array(z.number()) }), "Gällande import"), ...errorResponses, ...notFoundResponse },
});
const jobRoute = createRoute({
  method: "get",
  path: "/api/ledger/jobs/{jobId}",
  tags,
  summary: "Förloppet för en SIE-import (procent, rader) och dess resultat eller fel",
  request: { params: z.object({ jobId: z.string().openapi({ param: { name: "jobId", in: "path" } }) }) },
  responses: { 200: jsonResponse(JobSchema, "Jobbet"), ...errorResponses, ...notFoundResponse },
});
const runningJobsRoute = createRoute({
  method: "get",
  path: "/api/ledger/jobs",
  tags,
  summary: "Organisationens SIE-importer som pågår nu, senaste först (en sida som öppnas under en import följer den igen)",
  request: { query: OrgQuery },
  responses: { 200: jsonResponse(z.array(JobSchema), "Pågående importjobb"), ...errorResponses },
});
const importCsvRoute = createRoute({
  method: "post",
  path: "/api/ledger/imports/csv",
  tags,
  summary: "Importera utfall från CSV med en sparad kolumnmappning; perioder i filen ersätter tidigare CSV-import av samma perioder",
  request: { query: FileQuery.extend({ mapping: nameText().min(1).openapi({ description: "Mappningens namn" }) }), ...fileBody },
  responses: {
    201: jsonResponse(z.object({ importId: z.number(), year: z.number(), rows: z.number(), periods: z.array(z.number()), replacedRows: z.number() }), "Importerad"),
    ...errorResponses,
  },
});
const listImportsRoute = createRoute({
  method: "get",
  path: "/api/ledger/imports",
  tags,
  summary: "Organisationens importer, senaste först",
  request: { query: OrgQuery },
  responses: { 200: jsonResponse(z.array(ImportSchema), "Importer"), ...errorResponses },
});
const getImportRoute = createRoute({
  method: "get",
  path: "/api/ledger/imports/{id}",
  tags,
  summary: "En import med varningar (t.ex. #UB/#RES som inte stämmer med verifikationerna)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(ImportDetailSchema, "Importen"), ...errorResponses, ...notFoundResponse },
});
const listMappingsRoute = createRoute({
  method: "get",
  path: "/api/ledger/csv-mappings",
  tags,
  summary: "Sparade kolumnmappningar för CSV-utfall",
  request: { query: OrgQuery },
  responses: { 200: jsonResponse(z.array(StoredCsvMappingSchema), "Mappningar"), ...errorResponses },
});
const saveMappingRoute = createRoute({
  method: "put",
  path: "/api/ledger/csv-mappings",
  tags,
  summary: "Spara en kolumnmappning: revision 0 skapar den, mappningens revision ändrar den",
  request: jsonBody(z.object({ organisationId: z.number().int().positive(), mapping: CsvMappingSchema, revision: RevisionField })),
  responses: { 200: jsonResponse(StoredCsvMappingSchema, "Sparad"), ...errorResponses, ...conflictResponse },
});
const getClassesRoute = createRoute({
  method: "get",
  path: "/api/ledger/account-classes",
  tags,
  summary: "Organisationens egna kontoklassningar (utöver BAS: 3 intäkter, 70–76 personal, 4–6 och 77–79 övriga, 8 finansiella)",
  request: { query: OrgQuery },
  responses: { 200: jsonResponse(AccountClassSetSchema, "Kontointervall och deras revision"), ...errorResponses },
});
const putClassesRoute = createRoute({
  method: "put",
  path: "/api/ledger/account-classes",
  tags,
  summary: "Ersätt organisationens kontoklassningar (hela uppsättningen, från den revision som lästes)",
  request: jsonBody(z.object({ organisationId: z.number().int().positive(), overrides: z.array(AccountClassOverrideSchema), revision: RevisionField })),
  responses: { 200: jsonResponse(AccountClassSetSchema, "Sparade"), ...errorResponses, ...conflictResponse },
});
const getLinksRoute = createRoute({
  method: "get",
  path: "/api/ledger/object-links",
  tags,
  summary: "Objekt/projekt kopplade till statsbidrag och budgetrader",
  request: { query: OrgQuery },
  responses: { 200: jsonResponse(z.array(StoredObjectLinkSchema), "Kopplingar"), ...errorResponses },
});
const putLinkRoute = createRoute({
  method: "put",
  path: "/api/ledger/object-links",
  tags,
  summary: "Koppla ett objekt till ett statsbidrag och/eller en budgetrad (revision 0 för ett objekt utan koppling)",
  request: jsonBody(z.object({ organisationId: z.number().int().positive(), link: ObjectLinkSchema, revision: RevisionField })),
  responses: { 200: jsonResponse(z.array(StoredObjectLinkSchema), "Kopplingarna"), ...errorResponses, ...conflictResponse },
});
const chartRoute = createRoute({
  method: "get",
  path: "/api/ledger/chart",
  tags,
  summary: "Kontoplan, dimensioner och objekt som importerna gett (för val i gränssnittet)",
  request: { query: OrgQuery },
  responses: {
    200: jsonResponse(
      z.object({
        accounts: z.array(z.object({ account: z.string(), name: z.string(), type: z.string().nullable() })),
        dimensions: z.array(z.object({ dimension: z.number(), name: z.string(), parent: z.number().nullable() })),
        objects: z.array(z.object({ dimension: z.number(), code: z.string(), name: z.string() })),
      }),
      "Kontoplan",
    ),
    ...errorResponses,
  },
});
const budgetSieRoute = createRoute({
  method: "get",
  path: "/api/ledger/budget.sie",
  tags,
  summary: "Exportera årets budget som SIE 4 (#PBUDGET, CP437, #KSUMMA) för ekonomisystemet",
  request: { query: OrgYearQuery },
  responses: { 200: { description: "SIE-filen", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } }, ...errorResponses },
});

export function registerLedgerRoutes(app: App) {
  app.openapi(importSieRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId, fileName, replace } = c.req.valid("query");
    requireRole(user, organisationId, "editor");
    const { bytes, name } = await uploaded(c, fileName);
    const db = c.get("db");
    const job = await startJob(db, { organisationId, fileName: name, totalBytes: bytes.byteLength, startedBy: user.username });
    // The import runs after the response: the UI polls /api/ledger/jobs/{id}, on any instance.
    void importSieFile(db, user, { organisationId, input: bytes, fileName: name, replace: replace === "true", via: "web", onProgress: (p) => progressJob(job, p), giveWay: giveWayToRequests }).then(
      (result) => finishJob(job, { result }),
      (err: unknown) => {
        if (err instanceof ReplaceNeedsConsentError) return finishJob(job, { error: { message: err.message, errors: [], code: err.code, comparison: err.comparison } });
        if (err instanceof SieFileError) return finishJob(job, { error: { message: err.message, errors: err.errors.map((e) => ({ file: e.file, line: e.line, field: e.field, message: e.detail })) } });
        console.error(err);
        return finishJob(job, { error: { message: "Importen avbröts av ett oväntat fel; ingenting sparades.", errors: [] } });
      },
    );
    return c.json(job, 202);
  });

  app.openapi(makeCurrentRoute, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await makeImportCurrent(c.get("db"), user, { importId: c.req.valid("param").id }), 200);
  });

  app.openapi(jobRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const job = await getJob(c.get("db"), c.req.valid("param").jobId);
    if (!job) throw new ApiError(404, "not_found", "Importjobbet finns inte (färdiga jobb sparas en vecka; se importlistan).");
    requireRole(user, job.organisationId, "reader");
    return c.json(job, 200);
  });

  app.openapi(runningJobsRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId } = c.req.valid("query");
    requireRole(user, organisationId, "reader");
    return c.json(await runningJobs(c.get("db"), organisationId), 200);
  });

  app.openapi(importCsvRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId, fileName, mapping: mappingName } = c.req.valid("query");
    // Access first, so a refused caller's upload is not read.
    requireRole(user, organisationId, "editor");
    const { bytes, name } = await uploaded(c, fileName);
    return c.json(await importCsvFile(c.get("db"), user, { organisationId, mappingName, bytes, fileName: name, via: "web" }), 201);
  });

  app.openapi(listImportsRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId } = c.req.valid("query");
    requireRole(user, organisationId, "reader");
    return c.json(await listImports(c.get("db"), organisationId), 200);
  });

  app.openapi(getImportRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const found = await getImport(c.get("db"), c.req.valid("param").id);
    if (!found) throw new ApiError(404, "not_found", "Importen finns inte.");
    requireRole(user, found.organisationId, "reader");
    return c.json(found, 200);
  });

  app.openapi(listMappingsRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId } = c.req.valid("query");
    requireRole(user, organisationId, "reader");
    return c.json(await listCsvMappings(c.get("db"), organisationId), 200);
  });

  app.openapi(saveMappingRoute, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await saveCsvMapping(c.get("db"), user, c.req.valid("json")), 200);
  });

  app.openapi(getClassesRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId } = c.req.valid("query");
    requireRole(user, organisationId, "reader");
    return c.json(await readAccountClassSet(c.get("db"), organisationId), 200);
  });

  app.openapi(putClassesRoute, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await setAccountClasses(c.get("db"), user, c.req.valid("json")), 200);
  });

  app.openapi(getLinksRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId } = c.req.valid("query");
    requireRole(user, organisationId, "reader");
    return c.json(await listObjectLinks(c.get("db"), organisationId), 200);
  });

  app.openapi(putLinkRoute, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await linkObject(c.get("db"), user, c.req.valid("json")), 200);
  });

  app.openapi(chartRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId } = c.req.valid("query");
    requireRole(user, organisationId, "reader");
    const db = c.get("db");
    const [accounts, dimensions, objects] = await Promise.all([
      db.selectFrom("ledger_accounts").select(["account", "name", "account_type as type"]).where("organisation_id", "=", organisationId).orderBy("account").execute(),
      db.selectFrom("ledger_dimensions").select(["dimension", "name", "parent"]).where("organisation_id", "=", organisationId).orderBy("dimension").execute(),
      db.selectFrom("ledger_objects").select(["dimension", "code", "name"]).where("organisation_id", "=", organisationId).orderBy("dimension").orderBy("code").execute(),
    ]);
    return c.json({ accounts, dimensions, objects }, 200);
  });

  app.openapi(budgetSieRoute, async (c) => {
    const user = requireUser(c.get("user"));
    const { organisationId, year } = c.req.valid("query");
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    await exportBudgetSieFile(c.get("db"), user, { organisationId, year }, out);
    return c.body(new Uint8Array(Buffer.concat(chunks)), 200, {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="budget-${year}.se"`,
    }) as never;
  });
}
