/**
 * Checks a policy text as `xinsuan check` does (core's checkPolicyText: every error with line and column, and the
 * labour-law checker's warnings with their legal reference) and lists the names a formula may use (params,
 * tables, inputs, calcs, scores, state, items, employee fields, period values), for the editor's completion.
 * Nothing is stored.
 * @example const r = await checkPolicy(ctx, { yaml }); r.ok || r.problems[0]!.line
 */

import {
  CONTEXT_NAMES,
  type CompiledPolicy,
  checkPolicyText,
  EMPLOYEE_FIELDS,
  loadPolicyText,
  type Problem,
} from "@xinsuan/core";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";

/** One finding, in both languages; line/column are 1-based (0 when the problem has no position). @example const f: PolicyFinding = { code: "UNKNOWN_NAME", zh: "…", en: "…", line: 3, column: 14 } */
export type PolicyFinding = { code: string; zh: string; en: string; line: number; column: number };

/** The check's result. @example const r: PolicyCheck = await checkPolicy(ctx, { yaml }) */
export type PolicyCheck = {
  ok: boolean;
  problems: PolicyFinding[];
  warnings: PolicyFinding[];
  names: string[];
};

/** The file name shown in problem positions. */
const FILE = "policy.yaml";

function findingOf(p: Problem): PolicyFinding {
  const ref = p.ref ? { zh: `（${p.ref.zh}）`, en: ` (${p.ref.en})` } : { zh: "", en: "" };
  return {
    code: p.code,
    zh: `${p.zh}${ref.zh}`,
    en: `${p.en}${ref.en}`,
    line: p.at?.line ?? 0,
    column: p.at?.column ?? 0,
  };
}

/**
 * The names a formula may use in this policy text (even one with errors, as far as it loads).
 * @example formulaNames(yaml).includes("出勤天数")
 */
export function formulaNames(
  text: string,
  compiled: CompiledPolicy | null = checkPolicyText(text, FILE).compiled,
): string[] {
  const names = new Set<string>([...EMPLOYEE_FIELDS.map((f) => f.name), ...CONTEXT_NAMES.map((c) => c.name)]);
  const loaded = loadPolicyText(text, FILE).policy;
  if (loaded) {
    const d = loaded.doc;
    for (const section of [d.params, d.tables, d.inputs, d.calcs, d.state])
      for (const n of Object.keys(section)) names.add(n);
    for (const [n, card] of Object.entries(d.scorecards)) {
      names.add(n);
      for (const item of card.items) names.add(item.name);
    }
    for (const item of d.items) names.add(item.name);
  }
  if (compiled) for (const n of compiled.byName.keys()) names.add(n);
  return [...names];
}

/**
 * Checks the text (anyone who may read policies; the editor checks as one types).
 * @example const { problems, warnings, names } = await checkPolicy(ctx, { yaml: "id: x" })
 */
export async function checkPolicy(ctx: ServiceContext, o: { yaml: string }): Promise<PolicyCheck> {
  authorize(ctx, "policies.read");
  const r = checkPolicyText(o.yaml, FILE);
  return {
    ok: r.errors === 0 && r.compiled !== null,
    problems: r.problems.filter((p) => p.severity === "error").map(findingOf),
    warnings: r.problems.filter((p) => p.severity !== "error").map(findingOf),
    names: formulaNames(o.yaml, r.compiled),
  };
}
