import type { App } from "../context";
import { registerGrantAgreementRoutes } from "./grants-agreements";
import { registerGrantClosingRoutes } from "./grants-closing";
import { registerGrantDeadlineRoutes } from "./grants-deadlines";
import { registerGrantDecisionRoutes } from "./grants-decisions";
import { registerGrantDistributionRoutes } from "./grants-distribution";
import { registerGrantInternalRoutes } from "./grants-internal";
import { registerGrantRecipientRoutes } from "./grants-recipients";

/** The state grant (statsbidrag) API under /api/grants. */
export function registerGrantRoutes(app: App) {
  registerGrantAgreementRoutes(app);
  registerGrantDecisionRoutes(app);
  registerGrantDistributionRoutes(app);
  registerGrantRecipientRoutes(app);
  registerGrantInternalRoutes(app);
  registerGrantDeadlineRoutes(app);
  registerGrantClosingRoutes(app);
}
