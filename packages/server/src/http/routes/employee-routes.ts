/**
 * People routes: teams, the employee list and page (masked numbers), the roster import (multipart `file`) and
 * sign-in accounts for employees. Permissions and scope are checked by the services.
 * @example await registerEmployeeRoutes(api, deps)
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createAccountsFromEmployees } from "../../services/create-accounts-from-employees.js";
import { importEmployees } from "../../services/import-employees.js";
import { listEmployees } from "../../services/list-employees.js";
import { listTeams } from "../../services/list-teams.js";
import { showEmployee } from "../../services/show-employee.js";
import type { RouteDeps } from "../app.js";
import { langOf } from "../error-body.js";
import { readUploadedTable } from "../read-upload.js";
import { contextOf } from "../request-context.js";

const tags = ["employees"];

/**
 * Registers the people routes.
 * @example await registerEmployeeRoutes(api, { store, loginLimiter })
 */
export async function registerEmployeeRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/teams", { schema: { tags } }, async (req) => listTeams(contextOf(req, d.store)));
  r.get(
    "/employees",
    {
      schema: {
        tags,
        querystring: z.object({
          q: z.string().max(100).optional(),
          teamId: z.string().max(64).optional(),
          status: z.enum(["active", "left", "all"]).optional(),
          offset: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      return listEmployees(contextOf(req, d.store), {
        ...(q.q ? { q: q.q } : {}),
        ...(q.teamId ? { teamId: q.teamId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.offset !== undefined ? { offset: q.offset } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
      });
    },
  );
  r.get(
    "/employees/:no",
    { schema: { tags, params: z.object({ no: z.string().min(1).max(64) }) } },
    async (req) => showEmployee(contextOf(req, d.store), { employeeNo: req.params.no }),
  );
  r.post("/employees/import", { schema: { tags, consumes: ["multipart/form-data"] } }, async (req) => {
    const ctx = contextOf(req, d.store);
    const u = await readUploadedTable(req);
    const result = await importEmployees(ctx, {
      file: u.fileName,
      rows: u.table.rows,
      headers: u.table.headers,
    });
    const lang = langOf(req);
    return { ...result, warnings: result.warnings.map((w) => w[lang]) };
  });
  r.post(
    "/accounts/from-employees",
    {
      schema: {
        tags,
        body: z.object({ employeeNos: z.array(z.string().min(1).max(64)).max(10_000).optional() }),
      },
    },
    async (req) =>
      createAccountsFromEmployees(contextOf(req, d.store), {
        ...(req.body.employeeNos ? { employeeNos: req.body.employeeNos } : {}),
      }),
  );
}
