/**
 * Resolves `--policy` (a YAML file or a template id), checks it, and returns the compiled policy or an AppError
 * listing every problem with file:line:col.
 * @example const { compiled, warnings } = await loadPolicy("welfare-6tier")
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type CheckResult, type CompiledPolicy, checkPolicyText, formatProblem } from "@xinsuan/core";
import { AppError, type Msg } from "./app-error.js";
import { findTemplate, listTemplates } from "./templates.js";

/** Reads and checks a policy; throws AppError when it cannot be used. */
export function loadPolicy(ref: string): {
  compiled: CompiledPolicy;
  warnings: Msg[];
  check: CheckResult;
} {
  const check = checkPolicyFile(ref);
  if (!check.compiled) {
    throw new AppError(
      "POLICY_INVALID",
      `方案有 ${check.errors} 处错误，未计算`,
      `the policy has ${check.errors} error(s); nothing was computed`,
      check.problems.map((p) => ({
        zh: `${p.severity === "error" ? "错误" : "提醒"} ${formatProblem(p, "zh")}`,
        en: `${p.severity === "error" ? "error" : "warning"} ${formatProblem(p, "en")}`,
      })),
    );
  }
  const warnings = check.problems
    .filter((p) => p.severity === "warning")
    .map((p) => ({ zh: `提醒 ${formatProblem(p, "zh")}`, en: `warning ${formatProblem(p, "en")}` }));
  return { compiled: check.compiled, warnings, check };
}

/** Checks a policy file or template id and returns all problems. */
export function checkPolicyFile(ref: string): CheckResult {
  let file = ref;
  if (!existsSync(file)) {
    const t = findTemplate(ref);
    if (!t) {
      const ids = listTemplates()
        .map((x) => x.id)
        .join("、");
      throw new AppError(
        "POLICY_NOT_FOUND",
        `找不到方案文件或模板“${ref}”（可用模板：${ids}）`,
        `no policy file or template "${ref}"`,
      );
    }
    file = join(t.dir, "policy.yaml");
  }
  const text = readFileSync(file, "utf8");
  return checkPolicyText(text, existsSync(ref) ? ref : `templates/${basename(join(file, ".."))}/policy.yaml`);
}
