/**
 * The web editor's "save": a policy text (or a built-in template's) stored as a new version of the named policy
 * (default: the company's first), effective from a date. The checks are addPolicyVersion's.
 * @example const { name, version } = await savePolicy(ctx, { template: "welfare-6tier", from: "2027-01-01" })
 */

import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { addPolicyVersion } from "./add-policy-version.js";
import { templateText } from "./show-template.js";

/** What to save: `yaml`, or `template` (an id) to start from. @example const s: PolicySave = { yaml, from: "2026-11-01" } */
export type PolicySave = { name?: string; yaml?: string; template?: string; from: string };

/**
 * Saves the version; returns the policy's name, the version number and the checker's warnings.
 * @example await savePolicy(ctx, { name: "兼职方案", template: "part-time", from: "2026-11-01" })
 */
export async function savePolicy(
  ctx: ServiceContext,
  s: PolicySave,
): Promise<{ name: string; version: number; warnings: { zh: string; en: string }[] }> {
  authorize(ctx, "policies.write");
  const fromTemplate = s.yaml === undefined && s.template ? templateText(s.template) : undefined;
  const yaml = s.yaml ?? fromTemplate?.yaml;
  if (yaml === undefined || yaml.trim() === "")
    throw new AppError(
      "INPUT_INVALID",
      "请提供方案内容（yaml）或模板（template）",
      "give the policy text (yaml) or a template",
    );
  const name = s.name?.trim() || undefined;
  const added = await addPolicyVersion(ctx, {
    yaml,
    file: "policy.yaml",
    effectiveFrom: s.from,
    ...(name ? { policyName: name } : {}),
    ...(s.template ? { templateId: s.template } : {}),
  });
  const row = await storeCall(() =>
    ctx.store.db
      .selectFrom("policies")
      .select("name")
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", added.policyId)
      .executeTakeFirstOrThrow(),
  );
  return { name: row.name, version: added.version.version, warnings: added.warnings };
}
