/**
 * Shared helpers of the template golden tests: compile a policy text (failing loudly with every problem) and
 * make a variant of it by exact text edits. Test support only.
 * @example const policy = compileTemplate(editPolicy(text, ["value: true", "value: false"]))
 */
import { expect } from "vitest";
import { type CompiledPolicy, checkPolicyText, formatProblem } from "../packages/core/src/index.js";

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
