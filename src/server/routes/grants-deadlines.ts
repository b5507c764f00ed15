import { createRoute, z } from "@hono/zod-openapi";
import { calendar, daysLeftText } from "../../core/grants/deadlines";
import { formatAmount } from "../../core/money";
import { organisationByCode, visibleDeadlines } from "../../app/grants/read-grants";
import { readReminderSetting, saveReminderSetting } from "../../app/grants/save-reminder-setting";
import { calendarTable } from "../../formats/grants/export";
import { writeIcs } from "../../formats/ics/write";
import { writeXlsx } from "../../formats/xlsx/write";
import { requireRole } from "../../app/access";
import { recordExport } from "../../app/exports/record-export";
import { requireUser, type App } from "../context";
import { errorResponses, jsonBody, jsonResponse } from "../schemas";
import { todayOr } from "./grants-access";
import { CodeParam, DateText, DeadlineSchema, ReminderSettingSchema, RevisionField, staleResponse, tags } from "./grants-schemas";
import { mimeType, mediaType } from "../../core/export-formats";

const CalendarQuery = z.object({
  within: z.coerce.number().int().min(0).max(3660).optional().openapi({ description: "Högst så många dagar framåt (försenade visas alltid)" }),
  org: z.string().optional().openapi({ description: "Organisationskod, t.ex. 23" }),
  today: DateText.optional(),
  includeDone: z.enum(["true", "false"]).optional(),
});

const list = createRoute({
  method: "get",
  path: "/api/grants/deadlines",
  tags,
  summary: "Tidsfrister över alla bidrag och organisationer: vad, för vem, dagar kvar, försenad",
  request: { query: CalendarQuery },
  responses: { 200: jsonResponse(z.array(DeadlineSchema), "Tidsfristerna i datumordning"), ...errorResponses },
});

const mine = createRoute({
  method: "get",
  path: "/api/grants/deadlines/mine",
  tags,
  summary: "Startsidan: kommande och försenade tidsfrister för mina organisationer (inom min påminnelsetid, annars 30 dagar)",
  request: { query: z.object({ today: DateText.optional() }) },
  responses: { 200: jsonResponse(z.object({ withinDays: z.number(), deadlines: z.array(DeadlineSchema) }), "Mina tidsfrister"), ...errorResponses },
});

const ics = createRoute({
  method: "get",
  path: "/api/grants/deadlines.ics",
  tags,
  summary: "En organisations tidsfrister som iCalendar (.ics) att prenumerera på eller importera",
  request: { query: z.object({ org: z.string().min(1).openapi({ example: "23" }), alarmDays: z.coerce.number().int().min(0).max(365).optional() }) },
  responses: { 200: { description: "Kalenderfilen", content: { [mediaType("ics")]: { schema: z.string() } } }, ...errorResponses },
});

const xlsx = createRoute({
  method: "get",
  path: "/api/grants/deadlines.xlsx",
  tags,
  summary: "Tidsfristerna som XLSX",
  request: { query: CalendarQuery },
  responses: { 200: { description: "Arbetsboken", content: { [mediaType("xlsx")]: { schema: z.string().openapi({ format: "binary" }) } } }, ...errorResponses },
});

const StoredSetting = ReminderSettingSchema.extend({ revision: z.number() });
const SettingResponse = StoredSetting.nullable();
const SettingInput = ReminderSettingSchema.extend({ revision: RevisionField });

const getMine = createRoute({
  method: "get",
  path: "/api/grants/reminder-settings/me",
  tags,
  summary: "Mina e-postpåminnelser (null när inga är inställda)",
  responses: { 200: jsonResponse(SettingResponse, "Inställningen"), ...errorResponses },
});

const putMine = createRoute({
  method: "put",
  path: "/api/grants/reminder-settings/me",
  tags,
  summary: "Ställ in e-postpåminnelser: adress och antal dagar före varje tidsfrist",
  request: jsonBody(SettingInput),
  responses: { 200: jsonResponse(StoredSetting, "Sparad"), ...errorResponses, ...staleResponse },
});

const getOrg = createRoute({
  method: "get",
  path: "/api/grants/reminder-settings/organisations/{code}",
  tags,
  summary: "En organisations funktionsbrevlåda för påminnelser",
  request: { params: CodeParam },
  responses: { 200: jsonResponse(SettingResponse, "Inställningen"), ...errorResponses },
});

const putOrg = createRoute({
  method: "put",
  path: "/api/grants/reminder-settings/organisations/{code}",
  tags,
  summary: "Ställ in organisationens påminnelser (administratör i organisationen)",
  request: { params: CodeParam, ...jsonBody(SettingInput) },
  responses: { 200: jsonResponse(StoredSetting, "Sparad"), ...errorResponses, ...staleResponse },
});

export function registerGrantDeadlineRoutes(app: App) {
  async function listFor(c: Parameters<Parameters<typeof app.openapi<typeof list>>[1]>[0]) {
    const user = requireUser(c.get("user"));
    const q = c.req.valid("query");
    const today = todayOr(q.today);
    const deadlines = await visibleDeadlines(c.get("db"), user, { recipientCodes: q.org ? [q.org] : undefined }, today);
    return calendar(deadlines, { today, withinDays: q.within, includeDone: q.includeDone === "true" });
  }

  app.openapi(list, async (c) => c.json(await listFor(c), 200));

  app.openapi(mine, async (c) => {
    const user = requireUser(c.get("user"));
    const db = c.get("db");
    const today = todayOr(c.req.valid("query").today);
    const setting = await db.selectFrom("reminder_settings").select("days_before").where("user_id", "=", user.id).executeTakeFirst();
    const withinDays = setting?.days_before ?? 30;
    const codes = user.roles.map((r) => r.organisationCode);
    const deadlines = await visibleDeadlines(db, user, { recipientCodes: codes }, today);
    return c.json({ withinDays, deadlines: calendar(deadlines, { today, withinDays }) }, 200);
  });

  app.openapi(ics, async (c) => {
    const user = requireUser(c.get("user"));
    const { org, alarmDays } = c.req.valid("query");
    const db = c.get("db");
    const organisation = await organisationByCode(db, org);
    const today = todayOr(undefined);
    const deadlines = calendar(await visibleDeadlines(db, user, { recipientCodes: [org] }, today), { today, includeDone: true });
    const body = writeIcs({
      name: `Statsbidrag – ${organisation.name}`,
      now: new Date(),
      events: deadlines.map((d) => ({
        uid: `${d.key}@fordela`,
        date: d.date,
        summary: d.done ? `${d.summary} (klar)` : d.summary,
        description: [`${daysLeftText(d.daysLeft)}`, d.amount !== null ? `Belopp: ${formatAmount(d.amount, "kr")}` : null].filter(Boolean).join("\n"),
        alarmDaysBefore: d.done ? undefined : alarmDays,
      })),
    });
    return c.body(body, 200, { "content-type": mimeType("ics"), "content-disposition": `attachment; filename="statsbidrag-${org}.ics"` }) as never;
  });

  app.openapi(xlsx, async (c) => {
    const user = requireUser(c.get("user"));
    const rows = await listFor(c as never);
    const body = await writeXlsx([{ name: "Tidsfrister", table: calendarTable("Tidsfrister för statsbidrag", rows) }]);
    await recordExport(c.get("db"), user, { entity: "grant_deadlines", after: { format: "xlsx" } });
    return c.body(new Uint8Array(body), 200, {
      "content-type": mimeType("xlsx"),
      "content-disposition": 'attachment; filename="tidsfrister.xlsx"',
    }) as never;
  });

  app.openapi(getMine, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await readReminderSetting(c.get("db"), { userId: user.id }), 200);
  });

  app.openapi(putMine, async (c) => {
    const user = requireUser(c.get("user"));
    return c.json(await saveReminderSetting(c.get("db"), user, { userId: user.id }, c.req.valid("json")), 200);
  });

  app.openapi(getOrg, async (c) => {
    const user = requireUser(c.get("user"));
    const db = c.get("db");
    const org = await organisationByCode(db, c.req.valid("param").code);
    requireRole(user, org.id, "reader");
    return c.json(await readReminderSetting(db, { organisationId: org.id, organisationCode: org.code }), 200);
  });

  app.openapi(putOrg, async (c) => {
    const user = requireUser(c.get("user"));
    const db = c.get("db");
    const org = await organisationByCode(db, c.req.valid("param").code);
    return c.json(await saveReminderSetting(db, user, { organisationId: org.id, organisationCode: org.code }, c.req.valid("json")), 200);
  });
}
