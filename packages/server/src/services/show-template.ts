/**
 * One built-in template's policy text, to start a new policy from.
 * @example const { yaml } = await showTemplate(ctx, { id: "welfare-6tier" })
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { readTemplates, templatesDir } from "./list-templates.js";

/**
 * The template's policy.yaml text (unchanged); TEMPLATE_NOT_FOUND names the templates there are.
 * @example templateText("welfare-6tier").startsWith("id: welfare-6tier")
 */
export function templateText(id: string): { id: string; name: string; yaml: string } {
  const found = readTemplates().find((t) => t.id === id);
  const file = found ? join(templatesDir(), found.id, "policy.yaml") : "";
  if (!found || !existsSync(file)) {
    const ids = readTemplates()
      .map((t) => t.id)
      .join("、");
    throw new AppError(
      "TEMPLATE_NOT_FOUND",
      `没有模板“${id}”（可用：${ids}）`,
      `no template "${id}" (there are: ${ids})`,
    );
  }
  return { id: found.id, name: found.name, yaml: readFileSync(file, "utf8") };
}

/**
 * Shows a template.
 * @example await showTemplate(ctx, { id: "piece-rate" })
 */
export async function showTemplate(
  ctx: ServiceContext,
  o: { id: string },
): Promise<{ id: string; name: string; yaml: string }> {
  authorize(ctx, "policies.read");
  return templateText(o.id);
}
