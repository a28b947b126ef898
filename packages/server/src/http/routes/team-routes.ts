/**
 * Team routes: the scorecard sheet a lead fills in for their team and period, and the team's bonus pool.
 * Permissions and scope are checked by the services.
 * @example await registerTeamRoutes(api, deps)
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { saveTeamScores } from "../../services/save-team-scores.js";
import { showTeamPool } from "../../services/show-team-pool.js";
import { showTeamScores } from "../../services/show-team-scores.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";

const tags = ["teams"];
const params = z.object({ id: z.string().min(1).max(64) });
const period = z.string().regex(/^\d{4}-\d{2}$/);

/**
 * Registers the team routes.
 * @example await registerTeamRoutes(api, { store, loginLimiter })
 */
export async function registerTeamRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/teams/:id/scores", { schema: { tags, params, querystring: z.object({ period }) } }, async (req) =>
    showTeamScores(contextOf(req, d.store), { teamId: req.params.id, period: req.query.period }),
  );
  r.put(
    "/teams/:id/scores",
    {
      schema: {
        tags,
        params,
        body: z.object({
          period,
          rows: z
            .array(
              z.object({
                employeeNo: z.string().min(1).max(64),
                values: z.record(z.string().max(100), z.union([z.string().max(64), z.number()])),
              }),
            )
            .max(5000),
        }),
      },
    },
    async (req) =>
      saveTeamScores(contextOf(req, d.store), {
        teamId: req.params.id,
        period: req.body.period,
        rows: req.body.rows.map((row) => ({
          employeeNo: row.employeeNo,
          values: Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, String(v)])),
        })),
      }),
  );
  r.get("/teams/:id/pool", { schema: { tags, params, querystring: z.object({ period }) } }, async (req) =>
    showTeamPool(contextOf(req, d.store), { teamId: req.params.id, period: req.query.period }),
  );
}
