/**
 * Shared helpers of the template golden tests: compile a policy text (failing loudly with every problem) and
 * make a variant of it by exact text edits. Test support only.
 * @example const policy = compileTemplate(editPolicy(text, ["value: true", "value: false"]))
 */
import { expect } from "vitest";
import {
  type CompiledPolicy,
  checkPolicyText,
  formatEmployeeError,
  formatProblem,
  getPayslip,
  type PayrollRun,
} from "../packages/core/src/index.js";

/** Compiles a policy text; throws with every problem when it does not compile. */
export function compileTemplate(text: string, file = "policy.yaml"): CompiledPolicy {
  const r = checkPolicyText(text, file);
  if (!r.compiled) throw new Error(r.problems.map((p) => formatProblem(p)).join("\n"));
  return r.compiled;
}

/** The text with each `from` replaced; every `from` must occur exactly once (fails loudly when the text moved). */
export function editPolicy(text: string, ...edits: [string, string][]): string {
  let out = text;
  for (const [from, to] of edits) {
    expect(out.split(from).length, `"${from}" should occur exactly once`).toBe(2);
    out = out.replace(from, to);
  }
  return out;
}

/**
 * The text with one parameter's value changed, written either as `  名称:\n    value: x` or `  名称: { value: x, …`
 * (fails loudly when the text moved).
 * @example compileTemplate(editParam(text, "绩效按出勤折算", "true", "false"))
 */
export function editParam(text: string, name: string, from: string, to: string): string {
  const block = `  ${name}:\n    value: ${from}\n`;
  const inline = `  ${name}: { value: ${from},`;
  const [old, neu] = text.includes(block)
    ? [block, `  ${name}:\n    value: ${to}\n`]
    : [inline, `  ${name}: { value: ${to},`];
  expect(text.split(old).length, `parameter ${name} = ${from} should occur exactly once`).toBe(2);
  return text.replace(old, neu);
}

/**
 * One payslip line of employee `i` as fixed-2 text; fails (showing the error) when the employee is in error.
 * @example expect(slipLine(run, 0, "底薪")).toBe("4800.00")
 */
export function slipLine(r: PayrollRun, i: number, name: string): string {
  const slip = getPayslip(r, i);
  expect(slip.error, formatEmployeeError(r, i)).toBeNull();
  const l = slip.lines.find((x) => x.name === name);
  if (!l) throw new Error(`no line ${name}`);
  return l.value.toFixed(2);
}
