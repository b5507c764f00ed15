import { codeString, freeText } from "../../core/input-schemas";
import { createRoute, z } from "@hono/zod-openapi";
import { annualBudgetTable } from "../../core/followup/annual-report";
import { checkNarrative, projectParagraph } from "../../core/followup/narrative";
import { costsOnObject, drillDown } from "../../ledger/drilldown";
import { syncLedgerSpending } from "../../app/grants/sync-ledger-spending";
import { projectAccountsReport } from "../../ledger/projects";
import { budgetVsOutcomeReport } from "../../ledger/report";
import { createLedgerCache, createReportCache } from "../../ledger/report-cache";
import { subscriptionFor } from "../../ledger/annual";
import { registersOf } from "../../app/registers/read-registers";
import { requireRole } from "../../app/access";
import { requireUser, type App } from "../context";
import { errorResponses, jsonBody, jsonResponse } from "../schemas";
import { jsonOnce } from "../json-once";
import { AccountClassEnum, BudgetOutcomeRowSchema, BudgetOutcomeSchema, NarrativeCheckSchema, OrgYearQuery, ProjectAccountsSchema } from "./ledger-schemas";

const tags = ["Uppföljning"];
const ObjectFilter = codeString().optional().openapi({ description: 'Kod, eller "none" för rader utan' });
const ExcludeParam = freeText().optional().openapi({ example: "8938", description: "Projekt som inte räknas i delsumman, kommaseparerade" });
const exclusions = (s: string | undefined) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : []);

const bvo = createRoute({
  method: "get",
  path: "/api/followup/budget-vs-outcome",
  tags,
  summary: "Budget mot utfall per kontoklass, konto, kostnadsställe, projekt eller månad, med avvikelse, avvikelse % och helårsprognos",
  request: {
    query: OrgYearQuery.extend({
      by: z.enum(["class", "account", "costcentre", "project", "month"]).default("class"),
      project: ObjectFilter,
      costCentre: ObjectFilter,
      asOfMonth: z.coerce.number().int().min(0).max(12).optional().openapi({ description: "Prognosmånad; standard: senaste månad med utfall" }),
      forecastMethod: z.enum(["budget_remaining", "linear"]).default("budget_remaining"),
    }),
  },
  responses: { 200: jsonResponse(BudgetOutcomeSchema, "Rapporten"), ...errorResponses },
});
const transactions = createRoute({
  method: "get",
  path: "/api/followup/transactions",
  tags,
  summary: "Verifikationsraderna bakom en siffra i rapporten (drill-down), sida för sida",
  request: {
    query: OrgYearQuery.extend({
      month: z.coerce.number().int().min(1).max(12).optional(),
      accountClass: AccountClassEnum.optional(),
      account: codeString().optional(),
      costCentre: ObjectFilter,
      project: ObjectFilter,
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        total: z.number(),
        sum: z.number().openapi({ description: "Summan av alla träffar, huvudbokens tecken" }),
        rows: z.array(
          z.object({
            importId: z.number(), voucher: z.string(), voucherDate: z.string(), voucherText: z.string(), date: z.string(), account: z.string(), accountName: z.string(),
            costCentre: z.string().nullable(), project: z.string().nullable(), objects: z.unknown(), amount: z.number(), text: z.string().nullable(), fileName: z.string(), line: z.number(),
          }),
        ),
      }),
      "Rader",
    ),
    ...errorResponses,
  },
});
const projects = createRoute({
  method: "get",
  path: "/api/followup/project-accounts",
  tags,
  summary: "Projektredovisning: IB + solidarisk finansiering + övriga intäkter − kostnader = UB, med delsumma utan valda projekt och nämndens resultat",
  request: { query: OrgYearQuery.extend({ exclude: ExcludeParam, board: z.enum(["true", "false"]).default("true") }) },
  responses: { 200: jsonResponse(ProjectAccountsSchema, "Projektredovisningen"), ...errorResponses },
});
const annual = createRoute({
  method: "get",
  path: "/api/followup/annual-report",
  tags,
  summary: "Årsredovisningens tabeller (budget mot utfall för nämndens verksamhet, projektredovisning, abonnemang) och texter ur samma data",
  request: { query: OrgYearQuery.extend({ exclude: ExcludeParam }) },
  responses: {
    200: jsonResponse(
      z.object({
        year: z.number(),
        budgetTable: z.array(BudgetOutcomeRowSchema),
        projectAccounts: ProjectAccountsSchema,
        paragraphs: z.array(z.object({ project: z.string(), text: z.string() })),
        subscription: z.unknown().nullable().openapi({ description: "Abonnemangsmatrisen från budgetmodulen (budget_documents kind subscription), eller null" }),
        registers: z.unknown().openapi({ description: "Årets NHV-tillstånd och uppdrag med andel av heltid (som /api/registers)" }),
        notes: z.array(z.string()),
      }),
      "Tabeller och texter",
    ),
    ...errorResponses,
  },
});
const narrative = createRoute({
  method: "post",
  path: "/api/followup/narrative-check",
  tags,
  summary: "Granska en text: belopp vid ett projektnummer som inte stämmer med projektredovisningen",
  request: jsonBody(z.object({ organisationId: z.number().int().positive(), year: z.number().int(), exclude: z.array(codeString()).default([]), text: freeText().min(1) })),
  responses: { 200: jsonResponse(NarrativeCheckSchema, "Avvikelser"), ...errorResponses },
});
/** What the ledger holds on one accounting object in a year: read as is, or synced to a grant's spending. */
const ObjectCostsSchema = z.object({ object: z.string(), year: z.number(), costs: z.number(), income: z.number(), rows: z.number() });
const objectCosts = createRoute({
  method: "get",
  path: "/api/followup/object-costs",
  tags,
  summary: "Kostnader och intäkter på ett redovisningsobjekt ett år (för statsbidragens förbrukning)",
  request: { query: OrgYearQuery.extend({ object: codeString().min(1).openapi({ example: "9929" }) }) },
  responses: { 200: jsonResponse(ObjectCostsSchema, "Summor"), ...errorResponses },
});
const grantSync = createRoute({
  method: "post",
  path: "/api/followup/grant-spending",
  tags,
  summary: "Hämta ett statsbidrags förbrukning från huvudboken (kostnader på mottagarens redovisningsobjekt) till grant_spending",
  request: jsonBody(z.object({ organisationId: z.number().int().positive(), partId: z.number().int().positive(), recipientCode: codeString().min(1), year: z.number().int() })),
  responses: {
    200: jsonResponse(ObjectCostsSchema.extend({ spendingId: z.number().nullable() }), "Förbrukningen"),
    ...errorResponses,
  },
});

export function registerFollowupRoutes(app: App) {
  // One per app: the cache is keyed by what the report reads, and the app by its database.
  const reports = createReportCache();
  const pages = createLedgerCache(drillDown);
  app.openapi(bvo, async (c) => {
    const user = requireUser(c.get("user"));
    const q = c.req.valid("query");
    requireRole(user, q.organisationId, "reader");
    return jsonOnce(c, await reports.report(c.get("db"), q)) as never;
  });

  app.openapi(transactions, async (c) => {
    const user = requireUser(c.get("user"));
    const q = c.req.valid("query");
    requireRole(user, q.organisationId, "reader");
    return jsonOnce(c, await pages.get(c.get("db"), q)) as never;
  });

  app.openapi(projects, async (c) => {
    const user = requireUser(c.get("user"));
    const q = c.req.valid("query");
    requireRole(user, q.organisationId, "reader");
    return c.json(await projectAccountsReport(c.get("db"), { organisationId: q.organisationId, year: q.year, excludeFromSubtotal: exclusions(q.exclude), boardResult: q.board === "true" }), 200);
  });

  app.openapi(annual, async (c) => {
    const user = requireUser(c.get("user"));
    const q = c.req.valid("query");
    requireRole(user, q.organisationId, "reader");
    const db = c.get("db");
    const report = await budgetVsOutcomeReport(db, { organisationId: q.organisationId, year: q.year, by: "class", project: "none" });
    const table = await projectAccountsReport(db, { organisationId: q.organisationId, year: q.year, excludeFromSubtotal: exclusions(q.exclude) });
    const subscription = await subscriptionFor(db, q.organisationId, q.year);
    const registers = await registersOf(db, q.organisationId, q.year);
    return c.json(
      {
        year: q.year,
        budgetTable: annualBudgetTable(report),
        projectAccounts: table,
        paragraphs: [...table.rows, ...table.excludedRows].filter((r) => r.kind === "project").map((r) => ({ project: r.code, text: projectParagraph(r, q.year) })),
        subscription,
        registers,
        notes: [
          "Budget mot utfall avser nämndens egen verksamhet: rader utan projekt. Övriga verksamhetskostnader och finansiella poster redovisas tillsammans.",
          "Texternas belopp i tkr är avrundade hälften bort från noll från samma öresbelopp som tabellerna.",
          ...(subscription ? [] : ["Ingen abonnemangsmatris finns för året i budgetmodulen."]),
        ],
      },
      200,
    );
  });

  app.openapi(narrative, async (c) => {
    const user = requireUser(c.get("user"));
    const q = c.req.valid("json");
    requireRole(user, q.organisationId, "reader");
    const table = await projectAccountsReport(c.get("db"), { organisationId: q.organisationId, year: q.year, excludeFromSubtotal: q.exclude });
    return c.json(checkNarrative(q.text, table), 200);
  });

  app.openapi(objectCosts, async (c) => {
    const user = requireUser(c.get("user"));
    const q = c.req.valid("query");
    requireRole(user, q.organisationId, "reader");
    return c.json(await costsOnObject(c.get("db"), q), 200);
  });

  app.openapi(grantSync, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await syncLedgerSpending(c.get("db"), user, c.req.valid("json")), 200);
  });
}
