import { createRoute, z } from "@hono/zod-openapi";
import { readRegisters } from "../../app/registers/read-registers";
import { deleteRegisterRow, saveRegisterRow } from "../../app/registers/save-register-row";
import { isoDate, nameText, textUpTo } from "../../core/input-schemas";
import { nhvOutcomeLabels, nhvOutcomes } from "../../core/followup/registers";
import { requireUser, type App } from "../context";
import { conflictResponse, errorResponses, jsonBody, jsonResponse, notFoundResponse, RevisionField } from "../schemas";

// The registers seed 001's annual report prints (issue 12 item 7): NHV permits and staff
// assignments with their share of full time, per organisation and year.

const tags = ["Register"];
const text = (message: string) => nameText().trim().min(1, message);
const Year = z.number().int().min(2000).max(2100);
const Stored = { id: z.number().int(), year: z.number().int(), revision: z.number().int(), updatedBy: z.string().nullable(), updatedAt: z.string() };

const PermitInput = z.object({
  careArea: text("Ange vårdområdet").openapi({ example: "Extraktion av pacemakerutrustning" }),
  applicationPhase: isoDate().openapi({ description: "Socialstyrelsens ansökningsfas, som dess beslutsdatum (NHV 2023-03-08)", example: "2023-03-08" }),
  outcome: z.enum(nhvOutcomes).openapi({ description: nhvOutcomes.map((o) => `${o} = ${nhvOutcomeLabels[o]}`).join(", ") }),
  startDate: isoDate().nullable().openapi({ description: "När vården startar enligt tillståndet", example: "2024-01-01" }),
  principal: nameText().trim().min(1, "Ange huvudansvarig").max(100).openapi({ description: "Huvudansvar", example: "Sus" }),
});
const AssignmentInput = z.object({
  unit: text("Ange enheten").openapi({ example: "RCC Syd" }),
  role: text("Ange uppdraget").openapi({ example: "Strateger/utvecklare" }),
  percent: z.number().int().min(1, "Andelen är minst 1 %").max(100_000).openapi({ description: "Andel av heltid i procent; flera personer tillsammans kan vara över 100", example: 300 }),
  note: textUpTo(500).nullable().openapi({ example: "5 % + 5 %" }),
});
const RegistersSchema = z
  .object({ permits: z.array(PermitInput.extend(Stored)), assignments: z.array(AssignmentInput.extend(Stored)) })
  .openapi("FollowupRegisters");

const Where = { organisationId: z.number().int().positive(), year: Year };
const saveBody = <T extends z.ZodObject>(row: T) => z.object({ ...Where, id: z.number().int().positive().optional().openapi({ description: "Utan id läggs en ny rad till (revision 0)" }), revision: RevisionField, row });
const DeleteBody = z.object({ organisationId: z.number().int().positive(), id: z.number().int().positive(), revision: RevisionField });

const list = createRoute({
  method: "get",
  path: "/api/registers",
  tags,
  summary: "Årets NHV-tillstånd och uppdrag med andel av heltid",
  request: { query: z.object({ organisationId: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: jsonResponse(RegistersSchema, "Registren"), ...errorResponses },
});
const savePermit = createRoute({
  method: "put",
  path: "/api/registers/nhv-permits",
  tags,
  summary: "Lägg till eller ändra ett NHV-tillstånd",
  request: jsonBody(saveBody(PermitInput)),
  responses: { 200: jsonResponse(RegistersSchema, "Registren efter ändringen"), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});
const deletePermit = createRoute({
  method: "delete",
  path: "/api/registers/nhv-permits",
  tags,
  summary: "Ta bort ett NHV-tillstånd",
  request: jsonBody(DeleteBody),
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Borttaget"), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});
const saveAssignment = createRoute({
  method: "put",
  path: "/api/registers/assignments",
  tags,
  summary: "Lägg till eller ändra ett uppdrag med andel av heltid",
  request: jsonBody(saveBody(AssignmentInput)),
  responses: { 200: jsonResponse(RegistersSchema, "Registren efter ändringen"), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});
const deleteAssignment = createRoute({
  method: "delete",
  path: "/api/registers/assignments",
  tags,
  summary: "Ta bort ett uppdrag",
  request: jsonBody(DeleteBody),
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Borttaget"), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export function registerRegisterRoutes(app: App) {
  app.openapi(list, async (c) => c.json(await readRegisters(c.get("db"), requireUser(c.get("user")), c.req.valid("query")), 200));
  app.openapi(savePermit, async (c) => c.json(await saveRegisterRow(c.get("db"), requireUser(c.get("user")), "nhv_permit", c.req.valid("json")), 200));
  app.openapi(saveAssignment, async (c) => c.json(await saveRegisterRow(c.get("db"), requireUser(c.get("user")), "staff_assignment", c.req.valid("json")), 200));
  app.openapi(deletePermit, async (c) => {
    await deleteRegisterRow(c.get("db"), requireUser(c.get("user")), "nhv_permit", c.req.valid("json"));
    return c.json({ ok: true }, 200);
  });
  app.openapi(deleteAssignment, async (c) => {
    await deleteRegisterRow(c.get("db"), requireUser(c.get("user")), "staff_assignment", c.req.valid("json"));
    return c.json({ ok: true }, 200);
  });
}
