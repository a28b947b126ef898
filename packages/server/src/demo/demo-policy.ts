/**
 * The demo company's policy: the welfare-6tier template with its base pay raised to 2026 levels.
 * @example const yaml = demoPolicyText(); checkPolicyText(yaml, DEMO_POLICY_FILE).errors === 0
 */

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

/** The templates folder of this checkout. @example join(TEMPLATES_DIR, "welfare-6tier", "policy.yaml") */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../templates");

/** How problems in the demo policy are located. @example DEMO_POLICY_FILE === "templates/welfare-6tier/policy.yaml" */
export const DEMO_POLICY_FILE = "templates/welfare-6tier/policy.yaml";

/**
 * The seed's base pay (1800–3000 元) is below Shanghai's 2026 minimum wage; the demo company, like a real one
 * adopting the template, raises it to 2026 levels (its own version of the policy: a tenant edit, not the template).
 */
const DEMO_BASE_PAY: Record<string, number> = {
  见习客服专员: 4200,
  客服专员: 4800,
  高级客服专员: 5500,
  资深客服专员: 6500,
  客服督导: 8000,
};

/**
 * The policy text with the demo's base pay.
 * @example withDemoBasePay(text).includes("客服督导: 8000")
 */
export function withDemoBasePay(text: string): string {
  const doc = parseDocument(text);
  for (const [grade, pay] of Object.entries(DEMO_BASE_PAY))
    doc.setIn(["tables", "底薪标准", "rows", grade], pay);
  return doc.toString({ lineWidth: 0 });
}

/**
 * The demo policy YAML read from the welfare-6tier template.
 * @example const yaml = demoPolicyText()
 */
export function demoPolicyText(): string {
  return withDemoBasePay(readFileSync(join(TEMPLATES_DIR, "welfare-6tier", "policy.yaml"), "utf8"));
}
