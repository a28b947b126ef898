/**
 * Every API route module, registered under /api/v1.
 * @example await app.register((api) => registerRoutes(api, deps), { prefix: "/api/v1" })
 */

import type { FastifyInstance } from "fastify";
import type { RouteDeps } from "../app.js";
import { registerAuthRoutes } from "./auth-routes.js";

/**
 * Registers all route modules.
 * @example await registerRoutes(api, deps)
 */
export async function registerRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  await registerAuthRoutes(app, d);
}
