import { OpenAPIHono } from "@hono/zod-openapi";
import { secureHeaders } from "hono/secure-headers";
import type { Db } from "../db/connect";
import { csrfGuard, passwordChangeGuard, sessionLoader } from "./auth/middleware";
import type { AppConfig, AppEnv } from "./context";
import { ApiError, toErrorResponse } from "./errors";
import { registerAllocationRoutes } from "./routes/allocations";
import { registerAuditRoutes } from "./routes/audit";
import { registerAuthRoutes } from "./routes/auth";
import { registerOidcRoutes } from "./routes/oidc";
import { registerSsoRuleRoutes } from "./routes/sso-rules";
import { registerHealthRoutes } from "./routes/health";
import { registerGrantRoutes } from "./routes/grants";
import { registerBudgetRoutes } from "./routes/budgets";
import { registerLedgerRoutes } from "./routes/ledger";
import { registerFollowupRoutes } from "./routes/followup";
import { registerFollowupSettingsRoutes } from "./routes/followup-settings";
import { registerRegisterRoutes } from "./routes/registers";
import { registerOrganisationRoutes } from "./routes/organisations";
import { registerPopulationRoutes } from "./routes/population";
import { requestGuard } from "./request-guard";
import { countRequests } from "./requests-in-progress";
import { registerStatic } from "./static";
import { registerUserRoutes } from "./routes/users";

export function createApp(db: Db, config: AppConfig) {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures become the same error shape as every other error, in Swedish.
    defaultHook: (result) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        const where = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
        throw new ApiError(400, "validation", `Ogiltig indata – ${where}`, details);
      }
    },
  });

  app.use("*", countRequests);
  app.use("*", secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", "data:"], styleSrc: ["'self'", "'unsafe-inline'"] } }));
  app.use("*", async (c, next) => {
    c.set("db", db);
    c.set("config", config);
    await next();
  });
  app.use("/api/*", sessionLoader);
  app.use("/api/*", csrfGuard);
  app.use("/api/*", passwordChangeGuard);
  app.use("/api/*", requestGuard(app));
  app.onError(toErrorResponse);

  registerHealthRoutes(app);
  registerAuthRoutes(app);
  registerOidcRoutes(app, config.oidc);
  registerSsoRuleRoutes(app);
  registerOrganisationRoutes(app);
  registerPopulationRoutes(app);
  registerAllocationRoutes(app);
  registerAuditRoutes(app);
  registerGrantRoutes(app);
  registerBudgetRoutes(app);
  registerLedgerRoutes(app);
  registerFollowupRoutes(app);
  registerFollowupSettingsRoutes(app);
  registerRegisterRoutes(app);
  registerUserRoutes(app);

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Fördela API",
      version: "0.1.0",
      description: "Fördelning, statsbidrag, budget och uppföljning för regioner och samverkansregioner. Belopp anges i hela öre.",
    },
  });
  app.notFound((c) => c.json({ error: { code: "not_found", message: "Finns inte." } }, 404));

  if (config.webDir) registerStatic(app, config.webDir);
  return app;
}
