/**
 * Policy checks: per-employee warnings such as pay below the minimum wage. Each `when` formula is a boolean node
 * computed for everyone; the run lists the employees for whom it is true, and the message (with {名称} values)
 * is rendered on demand. A check never changes an amount.
 * @example buildChecks(builder, add, withFormula)
 */
import type { EvalCtx, Val } from "../formula/types.js";
import type { Builder } from "./compile-policy.js";
import type { YamlPath } from "./load.js";
import type { Add, WithFormula } from "./nodes.js";
import type { CheckDoc } from "./schema.js";
import type { GradeRule } from "./types.js";

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Names a check message refers to. @example placeholders("实发 {实发工资}") // ["实发工资"] */
export function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim());
}

/** Adds one boolean node per check; reports a formula that is not a condition or a message naming an unknown value. */
export function buildChecks(b: Builder, add: Add, withFormula: WithFormula): void {
  b.doc.checks.forEach((c, i) => {
    const path = ["checks", i];
    add("check", c.name, "boolean", "boolean", "calc", path, (n) => {
      const fn = withFormula(n, c.when, [...path, "when"]);
      if (!fn) return;
      if (n.formula!.compiled.type !== "boolean") {
        b.report(
          [...path, "when"],
          `检查“${c.name}”的条件应得出是/否`,
          `check "${c.name}" must be a condition`,
        );
        return;
      }
      for (const name of placeholders(c.message)) {
        if (!b.bindings.has(name))
          b.report(
            [...path, "message"],
            `检查“${c.name}”的提示里的“{${name}}”不是已定义的名称`,
            `check "${c.name}": {${name}} in the message is not defined`,
          );
      }
      n.evaluate = (ctx) => fn(ctx as never);
      const grade = buildGradeRule(b, c, path);
      n.check = { message: c.message, ...(c.ref ? { ref: c.ref } : {}), ...(grade ? { grade } : {}) };
    });
  });
}

/** A `grade:` that is a defined name or has quotes, brackets or parentheses is a formula; else a grade's name. */
function isGradeFormula(b: Builder, text: string): boolean {
  return b.bindings.has(text) || /["“”(（[]/.test(text);
}

/**
 * The grade review rule of a check with `grade:` (a plain grade name, or a text formula without group functions);
 * undefined when the check has none or its formula has a problem (reported).
 */
function buildGradeRule(b: Builder, c: CheckDoc, path: YamlPath): GradeRule | undefined {
  if (c.grade === undefined) {
    if (c.kind)
      b.report(
        [...path, "kind"],
        `检查“${c.name}”写了 kind（${c.kind}）但没有 grade（目标职级）`,
        `check "${c.name}" has kind but no grade (the target grade)`,
      );
    return undefined;
  }
  const text = c.grade.trim();
  const kind = c.kind ?? "晋升";
  if (!isGradeFormula(b, text)) return { kind, text, to: text };
  const r = b.compileFormula(text, [...path, "grade"], false);
  if (!r) return undefined;
  if (r.compiled.type !== "text") {
    b.report(
      [...path, "grade"],
      `检查“${c.name}”的 grade 应得出职级名称（文本）`,
      `check "${c.name}": grade must yield a grade name (text)`,
    );
    return undefined;
  }
  return { kind, text, fn: r.compiled.fn as (ctx: EvalCtx) => Val };
}
