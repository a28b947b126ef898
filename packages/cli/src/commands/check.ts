/**
 * `xinsuan check <policy>`: every problem at once with file:line:col; exit non-zero on errors.
 * @example xinsuan check templates/welfare-6tier/policy.yaml
 */
import { formatProblem } from "@xinsuan/core";
import { AppError } from "../app-error.js";
import { cliLang } from "../cli-lang.js";
import { checkPolicyFile } from "../load-policy.js";

/** Prints the problems and throws when there are errors. */
export function runCheck(ref: string, print: (s: string) => void): void {
  const r = checkPolicyFile(ref);
  const lang = cliLang();
  for (const p of r.problems) {
    const tag =
      p.severity === "error" ? (lang === "zh" ? "错误" : "error") : lang === "zh" ? "提醒" : "warning";
    print(`${tag} ${formatProblem(p, lang)}`);
  }
  if (r.errors > 0) {
    throw new AppError(
      "POLICY_INVALID",
      `共 ${r.errors} 处错误，${r.warnings} 处提醒`,
      `${r.errors} error(s)`,
    );
  }
  const d = r.compiled!.doc;
  print(
    `通过：${d.name}（${d.id} v${d.version}），${r.compiled!.items.length} 个工资项，${r.warnings} 处提醒`,
  );
}
