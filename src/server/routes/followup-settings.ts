import { createRoute, z } from "@hono/zod-openapi";
import { acceptAccountSuggestion } from "../../app/followup/accept-account-suggestion";
import { readAccountSuggestion } from "../../app/followup/read-account-suggestion";
import { readFollowupPreferences } from "../../app/followup/read-followup-preferences";
import { saveFollowupPreferences } from "../../app/followup/save-followup-preferences";
import { codeText, longText } from "../../core/input-schemas";
import { requireUser, type App } from "../context";
import { conflictResponse, errorResponses, jsonBody, jsonResponse } from "../schemas";
import { AccountClassOverrideSchema, OrgQuery } from "./ledger-schemas";

// What follow-up needs set up before its first report, offered rather than asked for: the
// account suggestion from the imported chart, and each user's remembered choices.

const tags = ["Uppföljning"];

const SuggestionSchema = z
  .object({
    rows: z.array(
      z.object({
        account: z.string(),
        name: z.string(),
        treatment: z.enum(["jointFinancing", "otherIncome"]).openapi({ description: "jointFinancing: solidarisk finansiering; otherIncome: övriga intäkter" }),
        reason: z.string(),
        change: z.boolean().openapi({ description: "true: kontot räknas inte så i dag; att godta förslaget ändrar det" }),
      }),
    ),
    additions: z.array(AccountClassOverrideSchema),
    basis: z.string().openapi({ description: "Skickas tillbaka när förslaget godtas; ett annat förslag än det visade avvisas med 409" }),
  })
  .openapi("AccountSuggestion");

const PreferencesSchema = z
  .object({
    excludedProjects: z.array(codeText().min(1)).max(500),
    revision: z.number().int().min(0).openapi({ description: "0 innan något sparats" }),
  })
  .openapi("FollowupPreferences");

const suggestionRoute = createRoute({
  method: "get",
  path: "/api/followup/account-suggestion",
  tags,
  summary: "Förslag på konton för solidarisk finansiering och övriga intäkter, ur importerade kontonamn (#KONTO) och kontotyper (#KTYP)",
  request: { query: OrgQuery },
  responses: { 200: jsonResponse(SuggestionSchema, "Förslaget"), ...errorResponses },
});
const acceptRoute = createRoute({
  method: "post",
  path: "/api/followup/account-suggestion/accept",
  tags,
  summary: "Godta förslaget: lägg till dess kontointervall bland organisationens kontoklasser",
  request: jsonBody(z.object({ organisationId: z.number().int().positive(), basis: longText() })),
  responses: {
    200: jsonResponse(z.object({ added: z.array(AccountClassOverrideSchema), overrides: z.array(AccountClassOverrideSchema), revision: z.number().int() }), "Tillagda och alla kontointervall, med uppsättningens nya revision"),
    ...errorResponses,
    ...conflictResponse,
  },
});
const getPreferencesRoute = createRoute({
  method: "get",
  path: "/api/followup/preferences",
  tags,
  summary: "Den inloggade användarens sparade val för uppföljningen i organisationen (projekt utanför delsumman)",
  request: { query: OrgQuery },
  responses: { 200: jsonResponse(PreferencesSchema, "Valen"), ...errorResponses },
});
const putPreferencesRoute = createRoute({
  method: "put",
  path: "/api/followup/preferences",
  tags,
  summary: "Spara den inloggade användarens val för uppföljningen i organisationen",
  request: jsonBody(PreferencesSchema.extend({ organisationId: z.number().int().positive() })),
  responses: { 200: jsonResponse(PreferencesSchema, "Sparade val"), ...errorResponses },
});

export function registerFollowupSettingsRoutes(app: App) {
  app.openapi(suggestionRoute, async (c) => c.json(await readAccountSuggestion(c.get("db"), requireUser(c.get("user")), c.req.valid("query")), 200));
  app.openapi(acceptRoute, async (c) => c.json(await acceptAccountSuggestion(c.get("db"), requireUser(c.get("user")), c.req.valid("json")), 200));
  app.openapi(getPreferencesRoute, async (c) => c.json(await readFollowupPreferences(c.get("db"), requireUser(c.get("user")), c.req.valid("query")), 200));
  app.openapi(putPreferencesRoute, async (c) => c.json(await saveFollowupPreferences(c.get("db"), requireUser(c.get("user")), c.req.valid("json")), 200));
}
