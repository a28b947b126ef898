/**
 * Account administration routes (admin only, checked by the services): list, create, change role or disable.
 * @example await registerUserRoutes(api, deps)
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser } from "../../services/create-user.js";
import { listUsers } from "../../services/list-users.js";
import { updateUser } from "../../services/update-user.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";

const tags = ["users"];
const role = z.enum(["admin", "hr", "finance", "lead", "agent"]);

/**
 * Registers the user routes.
 * @example await registerUserRoutes(api, { store, loginLimiter })
 */
export async function registerUserRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/users", { schema: { tags } }, async (req) => listUsers(contextOf(req, d.store)));
  r.post(
    "/users",
    {
      schema: {
        tags,
        body: z.object({
          login: z.string().min(1).max(64),
          name: z.string().min(1).max(64),
          role,
          password: z.string().max(128),
          employeeNo: z.string().max(64).optional(),
        }),
      },
    },
    async (req) => {
      const b = req.body;
      return createUser(contextOf(req, d.store), {
        login: b.login,
        name: b.name,
        role: b.role,
        password: b.password,
        ...(b.employeeNo ? { employeeNo: b.employeeNo } : {}),
      });
    },
  );
  r.patch(
    "/users/:id",
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ role: role.optional(), disabled: z.boolean().optional() }),
      },
    },
    async (req) =>
      updateUser(contextOf(req, d.store), {
        id: req.params.id,
        ...(req.body.role !== undefined ? { role: req.body.role } : {}),
        ...(req.body.disabled !== undefined ? { disabled: req.body.disabled } : {}),
      }),
  );
}
