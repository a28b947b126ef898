/**
 * The built-in templates shipped in templates/<id>/ (policy.yaml + sample input).
 * @example listTemplates().map((t) => t.id) // ["grade-tier-structure", "welfare-6tier"]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The templates folder of this checkout. */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../templates");

export type TemplateInfo = {
  id: string;
  name: string;
  description: string;
  seedSection: string;
  dir: string;
  sample: string | null;
  /** Prior-period state files (state-YYYY-MM.json: the tax ledger a sample month needs). */
  states: string[];
};

/** Lists built-in templates with their names and descriptions. */
export function listTemplates(): TemplateInfo[] {
  if (!existsSync(TEMPLATES_DIR)) return [];
  return readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(TEMPLATES_DIR, d.name, "policy.yaml")))
    .map((d) => {
      const dir = join(TEMPLATES_DIR, d.name);
      const doc = parse(readFileSync(join(dir, "policy.yaml"), "utf8")) as Record<string, unknown>;
      const sample = ["sample.csv", "sample.xlsx", "sample.json"].find((f) => existsSync(join(dir, f)));
      return {
        id: d.name,
        name: String(doc.name ?? d.name),
        description: String(doc.description ?? "").trim(),
        seedSection: String(doc.seedSection ?? ""),
        dir,
        sample: sample ? join(dir, sample) : null,
        states: readdirSync(dir)
          .filter((f) => /^state-\d{4}-\d{2}\.json$/.test(f))
          .map((f) => join(dir, f)),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Finds a template by id. */
export function findTemplate(id: string): TemplateInfo | undefined {
  return listTemplates().find((t) => t.id === id);
}
