/**
 * Policy checks: per-employee warnings such as pay below the minimum wage. Each `when` formula is a boolean node
 * computed for everyone; the run lists the employees for whom it is true, and the message (with {名称} values)
 * is rendered on demand. A check never changes an amount.
 * @example buildChecks(builder, add, withFormula)
 */
import type { Builder } from "./compile-policy.js";
import type { Add, WithFormula } from "./nodes.js";

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
      n.check = { message: c.message, ...(c.ref ? { ref: c.ref } : {}) };
    });
  });
}
