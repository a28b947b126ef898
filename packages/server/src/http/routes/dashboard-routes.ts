/**
 * The workspace dashboard: headcount, totals, employer cost, average net pay, teams, net pay against the score
 * and the trend of the last six runs, for HR, finance and the admin.
 * @example await registerDashboardRoutes(api, deps) // GET /api/v1/dashboard?period=2026-09
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { buildDashboard } from "../../services/build-dashboard.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";

/**
 * Registers the dashboard route.
 * @example await registerDashboardRoutes(api, { store, loginLimiter })
 */
export async function registerDashboardRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/dashboard",
    {
      schema: {
        tags: ["dashboard"],
        querystring: z.object({
          period: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM")
            .optional(),
        }),
      },
    },
    async (req) =>
      buildDashboard(
        contextOf(req, d.store),
        req.query.period === undefined ? {} : { period: req.query.period },
      ),
  );
}
