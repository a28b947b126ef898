/**
 * Helpers for the labour-law checker's tests: lint a small policy body and summarise each warning as its rule,
 * position, the text it points at and the law it cites.
 * @example summary(lintYaml(body)) // [{ rule: "fine", line: 12, column: 14, text: "迟到次数 * 50", law: "…" }]
 */
import { loadPolicyText } from "../policy/load.js";
import { lintPolicyDetailed } from "./lint-policy.js";
import type { LaborFinding, LaborRuleId } from "./types.js";

/** The first five lines of every test policy: a body starts on line 6. @example HEAD.split("\n").length === 6 */
export const HEAD = "id: t\nname: 测试\nversion: 1\neffectiveFrom: 2026-01-01\ndescription: 测试\n";

/** A warning in short: rule, position, the text at the position and the reference. @example summary(body)[0]?.text === "迟到次数 * 50" */
export type Brief = { rule: LaborRuleId; line: number; column: number; text: string; law: string };

/**
 * Loads HEAD + body (throws on a load problem) and lints it.
 * @example lintYaml("items:\n  - { name: a, kind: earning, formula: '1' }\n").length === 0
 */
export function lintYaml(body: string, head: string = HEAD): LaborFinding[] {
  const r = loadPolicyText(head + body, "p.yaml");
  if (!r.policy) throw new Error(r.problems.map((p) => `${p.at?.line}:${p.at?.column} ${p.zh}`).join("\n"));
  return lintPolicyDetailed(r.policy);
}

/**
 * The text a warning points at: `length` characters from its column, or to the end of the line.
 * @example pointedText("a: 1\nb: x * 2\n", { line: 2, column: 4, length: 1 }) === "x"
 */
export function pointedText(yaml: string, at: { line: number; column: number; length?: number }): string {
  const line = yaml.split("\n")[at.line - 1] ?? "";
  const rest = line.slice(at.column - 1);
  return at.length ? rest.slice(0, at.length) : rest;
}

/**
 * Summaries of warnings of a policy text (HEAD + body unless `whole`).
 * @example summary(body).map((b) => b.rule)
 */
export function summary(body: string, whole = false): Brief[] {
  const yaml = whole ? body : HEAD + body;
  const findings = whole ? lintYamlWhole(body) : lintYaml(body);
  return findings.map((f) => {
    const at = f.problem.at ?? { line: 0, column: 0 };
    return {
      rule: f.rule,
      line: at.line,
      column: at.column,
      text: pointedText(yaml, at),
      law: f.problem.ref?.zh ?? "",
    };
  });
}

/** Lints a whole policy text (with its own header). @example lintYamlWhole(readFileSync(file, "utf8")) */
export function lintYamlWhole(text: string): LaborFinding[] {
  return lintYaml(text, "");
}
