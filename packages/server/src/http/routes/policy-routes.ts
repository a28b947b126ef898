/**
 * Policy routes: built-in templates, the company's policies and their versions, saving a new version, the
 * editor's check (problems with line/column, labour-law warnings, names for completion) and the preview of a
 * draft on one employee. Permissions are checked by the services.
 * @example await registerPolicyRoutes(api, deps)
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkPolicy, type PolicyFinding } from "../../services/check-policy.js";
import { listPolicies } from "../../services/list-policies.js";
import { listTemplates } from "../../services/list-templates.js";
import { previewPolicy } from "../../services/preview-policy.js";
import { savePolicy } from "../../services/save-policy.js";
import { showPolicyVersion } from "../../services/show-policy-version.js";
import { showTemplate } from "../../services/show-template.js";
import type { RouteDeps } from "../app.js";
import { langOf } from "../error-body.js";
import { contextOf } from "../request-context.js";

const tags = ["policies"];
/** Policy texts are far below this; the body limit of the app is 2 MB. */
const MAX_YAML = 1_000_000;
const period = z.string().regex(/^\d{4}-\d{2}$/);

/**
 * Registers the policy routes.
 * @example await registerPolicyRoutes(api, { store, loginLimiter })
 */
export async function registerPolicyRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/templates", { schema: { tags } }, async (req) => listTemplates(contextOf(req, d.store)));
  r.get(
    "/templates/:id",
    { schema: { tags, params: z.object({ id: z.string().min(1).max(100) }) } },
    async (req) => showTemplate(contextOf(req, d.store), { id: req.params.id }),
  );
  r.get("/policies", { schema: { tags } }, async (req) => {
    const policies = await listPolicies(contextOf(req, d.store));
    return {
      items: policies.map((p) => ({
        name: p.name,
        templateId: p.templateId,
        isDefault: p.isDefault,
        versions: p.versions.map((v) => ({
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          createdAt: v.createdAt,
        })),
        assignments: p.assignments,
      })),
    };
  });
  r.get(
    "/policies/:name/versions/:version",
    {
      schema: {
        tags,
        params: z.object({ name: z.string().min(1).max(200), version: z.coerce.number().int().min(1) }),
      },
    },
    async (req) => showPolicyVersion(contextOf(req, d.store), req.params),
  );
  r.post(
    "/policies",
    {
      schema: {
        tags,
        body: z.object({
          name: z.string().max(200).optional(),
          yaml: z.string().max(MAX_YAML).optional(),
          template: z.string().max(100).optional(),
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        }),
      },
    },
    async (req) => {
      const saved = await savePolicy(contextOf(req, d.store), req.body);
      const lang = langOf(req);
      return { name: saved.name, version: saved.version, warnings: saved.warnings.map((w) => w[lang]) };
    },
  );
  r.post(
    "/policies/check",
    { schema: { tags, body: z.object({ yaml: z.string().max(MAX_YAML) }) } },
    async (req) => {
      const c = await checkPolicy(contextOf(req, d.store), { yaml: req.body.yaml });
      const lang = langOf(req);
      const show = (f: PolicyFinding) => ({ code: f.code, message: f[lang], line: f.line, column: f.column });
      return { ok: c.ok, problems: c.problems.map(show), warnings: c.warnings.map(show), names: c.names };
    },
  );
  r.post(
    "/policies/preview",
    {
      schema: {
        tags,
        body: z.object({ yaml: z.string().max(MAX_YAML), employeeNo: z.string().min(1).max(64), period }),
      },
    },
    async (req) => previewPolicy(contextOf(req, d.store), req.body),
  );
}
