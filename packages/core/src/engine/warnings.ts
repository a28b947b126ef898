/**
 * Run warnings: the employees for whom a policy check holds (pay below the minimum wage, a negative net pay), with
 * the check's message rendered from that employee's values. Warnings never block a run; errors do.
 * @example listWarnings(run).map((w) => `${w.工号} ${w.zh}`)
 */
import { CellError, type EvalCtx } from "../formula/types.js";
import { formatValue } from "../formula/values.js";
import { placeholders } from "../policy/checks.js";
import type { GradeRule } from "../policy/types.js";
import { recomputeEmployee } from "./recompute.js";
import type { PayrollRun } from "./run.js";

export type RunWarning = {
  index: number;
  工号: string;
  姓名: string;
  /** The check's name, e.g. 低于最低工资. */
  check: string;
  zh: string;
  ref?: string;
  /** Grade review checks: 晋升 or 降级 and the 职级 proposed ("" when its formula failed for this employee). */
  grade?: { kind: "晋升" | "降级"; to: string };
};

/** How many employees each check flagged, by check name. @example countWarnings(run).get("实发工资为负") */
export function countWarnings(run: PayrollRun): Map<string, number> {
  const checks = run.policy.checks;
  const out = new Map(checks.map((c) => [c.name, 0]));
  run.checkFlags.forEach((f, k) => {
    if (f) {
      const name = checks[k % checks.length]!.name;
      out.set(name, (out.get(name) ?? 0) + 1);
    }
  });
  return out;
}

/**
 * The warnings of a run (or of one employee), messages rendered; `limit` caps how many are rendered.
 * @example listWarnings(run, { index: 3 })
 */
export function listWarnings(run: PayrollRun, opts: { index?: number; limit?: number } = {}): RunWarning[] {
  const checks = run.policy.checks;
  const out: RunWarning[] = [];
  if (checks.length === 0) return out;
  const from = opts.index ?? 0;
  const to = opts.index === undefined ? run.employees.length : opts.index + 1;
  for (let i = from; i < to && out.length < (opts.limit ?? Number.POSITIVE_INFINITY); i++) {
    const fired = checks.filter((_, c) => run.checkFlags[i * checks.length + c] === 1);
    if (fired.length === 0) continue;
    const { slots, ctx } = recomputeEmployee(run, i);
    const row = run.employees[i]!.values;
    const show = (name: string): string => {
      const n = run.policy.byName.get(name);
      if (!n) return paramText(run, name);
      try {
        // A calc the condition did not read is still lazy: compute it now.
        const v = slots[n.slot] ?? ctx.compute(n.slot);
        return formatValue(v, n.display);
      } catch (e) {
        if (e instanceof CellError) return "（未算出）";
        throw e;
      }
    };
    for (const c of fired) {
      const message = c.check!.message;
      const zh = placeholders(message).reduce(
        (text, name) => text.replaceAll(`{${name}}`, show(name)),
        message,
      );
      out.push({
        index: i,
        工号: String(row.工号 ?? ""),
        姓名: String(row.姓名 ?? ""),
        check: c.name,
        zh,
        ...(c.check!.ref ? { ref: c.check!.ref } : {}),
        ...(c.check!.grade
          ? { grade: { kind: c.check!.grade.kind, to: targetGrade(c.check!.grade, ctx) } }
          : {}),
      });
    }
  }
  return out;
}

/** The grade a review rule proposes for the recomputed employee; "" when its formula fails for them. */
function targetGrade(rule: GradeRule, ctx: EvalCtx): string {
  if (rule.to !== undefined) return rule.to;
  try {
    return String(rule.fn!(ctx) ?? "").trim();
  } catch (e) {
    if (e instanceof CellError) return "";
    throw e;
  }
}

/** A parameter's value as written in the policy (parameters are constants, not per-employee nodes). */
function paramText(run: PayrollRun, name: string): string {
  const p = run.policy.doc.params[name];
  if (p === undefined) return "（未算出）";
  return String(typeof p === "object" ? p.value : p);
}
