import { createRoute, z } from "@hono/zod-openapi";
import { embeddedFirstInLine } from "../../db/connect";
import { migrationStatus } from "../../db/migrate";
import type { App } from "../context";
import { jsonResponse } from "../schemas";

const HealthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.enum(["ok", "unreachable"]),
    migrations: z.object({ current: z.boolean(), pending: z.array(z.string()), unknown: z.array(z.string()) }),
    checkedInMs: z.number().int(),
  })
  .openapi("Health");
type Health = z.infer<typeof HealthSchema>;

const health = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["Drift"],
  summary: "Hälsokontroll för lastbalanserare: databasen nås och migreringarna är aktuella",
  responses: {
    200: jsonResponse(HealthSchema, "Servern kan ta emot trafik"),
    503: jsonResponse(HealthSchema, "Servern ska inte få trafik: databasen nås inte eller schemat är inte det som versionen levererar"),
  },
});

// A load balancer polls this without a session; it tells nothing about the data, only whether
// this instance can serve it.
export function registerHealthRoutes(app: App) {
  app.openapi(health, async (c) => {
    const started = performance.now();
    const db = c.get("config").healthDb ?? embeddedFirstInLine(c.get("db")) ?? c.get("db");
    try {
      const status = await migrationStatus(db);
      const current = status.pending.length === 0 && status.unknown.length === 0;
      const body: Health = { status: current ? "ok" : "unavailable", database: "ok", migrations: { current, ...status }, checkedInMs: Math.round(performance.now() - started) };
      return current ? c.json(body, 200) : c.json(body, 503);
    } catch {
      const body: Health = { status: "unavailable", database: "unreachable", migrations: { current: false, pending: [], unknown: [] }, checkedInMs: Math.round(performance.now() - started) };
      return c.json(body, 503);
    }
  });
}
