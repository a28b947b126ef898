/**
 * `xinsuan check`: loads and compiles a policy text and returns every problem at once, sorted by position, with
 * the labour-law checker's warnings (each with its legal reference).
 * @example checkPolicyText(text, "policy.yaml").problems.map((p) => formatProblem(p))
 */
import type { Problem } from "../formula/problems.js";
import { lintPolicy } from "../lint/lint-policy.js";
import { compilePolicy } from "./compile-policy.js";
import { loadPolicyText } from "./load.js";
import type { CompiledPolicy } from "./types.js";

export type CheckResult = {
  compiled: CompiledPolicy | null;
  problems: Problem[];
  errors: number;
  warnings: number;
};

/** Loads, validates and compiles; `compiled` is null when there is any error. */
export function checkPolicyText(text: string, file: string): CheckResult {
  const loaded = loadPolicyText(text, file);
  const out = loaded.policy ? compilePolicy(loaded.policy) : { compiled: null, problems: loaded.problems };
  // Labour-law warnings read the policy as written; they never stop a policy from compiling.
  const labor = loaded.policy ? lintPolicy(loaded.policy) : [];
  const problems = [...out.problems, ...labor].sort(
    (a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0),
  );
  const errors = problems.filter((p) => p.severity === "error").length;
  return { compiled: out.compiled, problems, errors, warnings: problems.length - errors };
}
