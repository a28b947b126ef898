/**
 * The audit log route (admin, HR): newest first, filtered by entity, entity id, actor and time.
 * @example await registerAuditRoutes(api, deps)
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listAudit } from "../../services/list-audit.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";

/**
 * Registers the audit route.
 * @example await registerAuditRoutes(api, { store, loginLimiter })
 */
export async function registerAuditRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        querystring: z.object({
          entity: z.string().max(64).optional(),
          entityId: z.string().max(128).optional(),
          actor: z.string().max(128).optional(),
          since: z.string().max(40).optional(),
          until: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(10_000).optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const items = await listAudit(contextOf(req, d.store), {
        ...(q.entity ? { entity: q.entity } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.since ? { since: q.since } : {}),
        ...(q.until ? { until: q.until } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
      });
      return { items };
    },
  );
}
