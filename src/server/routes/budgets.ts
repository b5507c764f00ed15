import { createRoute, z } from "@hono/zod-openapi";
import type { ProposalSpec as ProposalSpecType } from "../../core/budget/specs";
import { computeProposal } from "../../db/queries/budgets-compute";
import { indexSeriesCodes, indexValues } from "../../db/queries/index-series";
import { setIndexValues } from "../../app/index-series/set-index-values";
import { requireUser, type App } from "../context";
import { conflictResponse } from "../revision-schemas";
import { errorResponses, jsonBody, jsonResponse } from "../schemas";
import { registerAllocationDocumentRoute } from "./allocation-document";
import { registerGrantDocumentRoutes } from "./grant-documents";
import { registerBudgetDocumentKind } from "./budget-documents";
import { BudgetSpec, FrameChangeSpec, IndexSeriesValues, JointFinancingSpec, ProposalSpec, SubscriptionSpec } from "./budget-schemas";

const CodeParam = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "Seriens kod: bokstäver, siffror, - och _").openapi({ param: { name: "code", in: "path" }, example: "LPIK" }) });
const IndexRow = z.object({ code: z.string(), year: z.number(), changePercent: z.string(), source: z.string(), revision: z.number().int(), updatedBy: z.string().nullable(), updatedAt: z.string() }).openapi("IndexValue");

const calculateProposal = createRoute({
  method: "post",
  path: "/api/budget-proposals/calculate",
  tags: ["Budget"],
  summary: "Räkna ett budgetförslag: föregående budget × index + beslutade tillägg, fördelat på medlemmarna med avrundning",
  request: jsonBody(ProposalSpec),
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi({ description: "ProposalResult: uprating, uprated, exactTotal (bråk i öre), members[{key,label,population,exact,rounded,difference}], roundedTotal, difference, explanation[]" }), "Förslaget"), ...errorResponses },
});

const listSeries = createRoute({ method: "get", path: "/api/index-series", tags: ["Index"], summary: "Indexserier (t.ex. LPIK) med första och sista år", responses: { 200: jsonResponse(z.array(z.object({ code: z.string(), firstYear: z.number(), lastYear: z.number(), count: z.number() })), "Serier"), ...errorResponses } });
const getSeries = createRoute({ method: "get", path: "/api/index-series/{code}", tags: ["Index"], summary: "En indexseries värden: förändring i procent per år", request: { params: CodeParam }, responses: { 200: jsonResponse(z.array(IndexRow), "Värden"), ...errorResponses } });
const putSeries = createRoute({ method: "put", path: "/api/index-series/{code}", tags: ["Index"], summary: "Lägg in eller ändra värden (handläggare i någon organisation)", request: { params: CodeParam, ...jsonBody(IndexSeriesValues) }, responses: { 200: jsonResponse(z.array(IndexRow), "Seriens värden efter ändringen"), ...errorResponses, ...conflictResponse } });

export function registerBudgetRoutes(app: App) {
  registerBudgetDocumentKind(app, { kind: "budget", path: "budgets", tag: "Budget", noun: "Budgeten", spec: BudgetSpec, resultDescription: "BudgetResult: totals{headers[], columnTotals[]}, proposal (ProposalResult eller null), checks[]" });
  registerBudgetDocumentKind(app, { kind: "frame_change", path: "frame-changes", tag: "Ramförändring", noun: "Ramförändringen", spec: FrameChangeSpec, resultDescription: "FrameChangeResult: grossIncrease, reductionsTotal, toAllocate, allocated, unallocated, state (balanced|unallocated|overallocated), problems[{path,message}], message" });
  registerBudgetDocumentKind(app, { kind: "joint_financing", path: "joint-financings", tag: "Gemensam finansiering", noun: "Finansieringen", spec: JointFinancingSpec, resultDescription: "JointFinancingResult: method, ratePerInhabitant, area{code,name,date,description}, population, exactTotal (bråk i öre), total, rounding, parts[{key,label,population,sharePercent,exact,amount,difference}], explanation[]" });
  registerBudgetDocumentKind(app, { kind: "subscription", path: "subscriptions", tag: "Abonnemang", noun: "Abonnemanget", spec: SubscriptionSpec, resultDescription: "{ matrix: SubscriptionResult (cells[{buyer,seller,amount,fixed,variable,settledVariable,uprated}], rowTotals, columnTotals, total, fixedTotal, variableTotal, settledTotal, uprating, upratedTotal, explanation[]), statedChecks[{where,computed,stated,difference,message}] }" });
  registerAllocationDocumentRoute(app);
  registerGrantDocumentRoutes(app);

  app.openapi(calculateProposal, async (c) => {
    requireUser(c.get("user"));
    return c.json((await computeProposal(c.get("db"), c.req.valid("json") as ProposalSpecType)) as unknown as Record<string, unknown>, 200);
  });

  app.openapi(listSeries, async (c) => {
    requireUser(c.get("user"));
    return c.json(await indexSeriesCodes(c.get("db")), 200);
  });

  app.openapi(getSeries, async (c) => {
    requireUser(c.get("user"));
    return c.json(await indexValues(c.get("db"), c.req.valid("param").code), 200);
  });

  app.openapi(putSeries, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await setIndexValues(c.get("db"), user, { code: c.req.valid("param").code, values: c.req.valid("json").values }), 200);
  });
}
