/**
 * The built-in policy templates shipped in the repository's templates/<id>/policy.yaml (the same folder the CLI
 * lists), with their names and descriptions, for the web app's "new policy from a template".
 * @example (await listTemplates(ctx)).items.map((t) => t.id) // ["dept-4tier-2175", …, "welfare-6tier"]
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";

/** The templates folder of this checkout (XINSUAN_TEMPLATES_DIR overrides it). @example templatesDir().endsWith("templates") */
export function templatesDir(): string {
  return (
    process.env.XINSUAN_TEMPLATES_DIR ??
    resolve(dirname(fileURLToPath(import.meta.url)), "../../../../templates")
  );
}

/** A template as listed. @example const t: TemplateSummary = { id: "welfare-6tier", name: "薪资福利制度（客服六级）", description: "…" } */
export type TemplateSummary = { id: string; name: string; description: string };

/**
 * Every template folder with a policy.yaml, by id (a policy.yaml that does not parse shows its id as name).
 * @example readTemplates().length > 0
 */
export function readTemplates(): TemplateSummary[] {
  const dir = templatesDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "policy.yaml")))
    .map((d) => {
      let doc: Record<string, unknown> = {};
      try {
        doc = (parse(readFileSync(join(dir, d.name, "policy.yaml"), "utf8")) ?? {}) as Record<
          string,
          unknown
        >;
      } catch {
        // a template that does not parse is still listed; checking it shows the problem
      }
      return {
        id: d.name,
        name: String(doc.name ?? d.name),
        description: String(doc.description ?? "").trim(),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Lists the templates (anyone who may read policies).
 * @example const { items } = await listTemplates(ctx)
 */
export async function listTemplates(ctx: ServiceContext): Promise<{ items: TemplateSummary[] }> {
  authorize(ctx, "policies.read");
  return { items: readTemplates() };
}
