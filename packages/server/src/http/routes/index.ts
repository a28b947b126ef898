/**
 * Every API route module, registered under /api/v1.
 * @example await app.register((api) => registerRoutes(api, deps), { prefix: "/api/v1" })
 */

import type { FastifyInstance } from "fastify";
import type { RouteDeps } from "../app.js";
import { registerAuditRoutes } from "./audit-routes.js";
import { registerAuthRoutes } from "./auth-routes.js";
import { registerClaimRoutes } from "./claim-routes.js";
import { registerDashboardRoutes } from "./dashboard-routes.js";
import { registerEmployeeRoutes } from "./employee-routes.js";
import { registerExportRoutes } from "./export-routes.js";
import { registerPayslipRoutes } from "./payslip-routes.js";
import { registerPeriodRoutes } from "./period-routes.js";
import { registerPolicyRoutes } from "./policy-routes.js";
import { registerQuestionRoutes } from "./question-routes.js";
import { registerReviewRoutes } from "./review-routes.js";
import { registerTeamRoutes } from "./team-routes.js";
import { registerUserRoutes } from "./user-routes.js";

/**
 * Registers all route modules.
 * @example await registerRoutes(api, deps)
 */
export async function registerRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  await registerAuthRoutes(app, d);
  await registerAuditRoutes(app, d);
  await registerClaimRoutes(app, d);
  await registerDashboardRoutes(app, d);
  await registerEmployeeRoutes(app, d);
  await registerExportRoutes(app, d);
  await registerPayslipRoutes(app, d);
  await registerPeriodRoutes(app, d);
  await registerPolicyRoutes(app, d);
  await registerQuestionRoutes(app, d);
  await registerReviewRoutes(app, d);
  await registerTeamRoutes(app, d);
  await registerUserRoutes(app, d);
}
