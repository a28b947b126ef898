/**
 * The labour-law policy checker: runs every rule on a loaded policy and returns LABOR warnings, each pointing at
 * the policy line with its legal reference. Rules work from names, formulas and values (policies carry no tags)
 * and prefer silence to a false alarm.
 * @example lintPolicy(loadPolicyText(text, "policy.yaml").policy!).map((p) => formatProblem(p))
 */
import type { Problem } from "../formula/problems.js";
import type { LoadedPolicy } from "../policy/load.js";
import { checkDamages } from "./damages.js";
import { checkFines } from "./fine.js";
import { LEGAL_REFS, type LegalRef } from "./legal-refs.js";
import { checkMinWage, minWageAfterDeductions } from "./min-wage.js";
import { moneyTerms } from "./money-flow.js";
import { checkNonFullTime } from "./non-full-time.js";
import { checkOvertime } from "./overtime.js";
import { policyView } from "./policy-view.js";
import { checkProbation } from "./probation.js";
import { checkProration } from "./proration.js";
import { checkSickPay } from "./sick-pay.js";
import type { LaborFinding, LaborRuleId } from "./types.js";

/** Rule ids and findings, re-exported for callers of the checker. @example const id: LaborRuleId = "fine" */
export type { LaborFinding, LaborRuleId } from "./types.js";

/** A rule's id, title and main legal reference, for listings and the web UI. @example LABOR_RULES[0]!.id === "fine" */
export type LaborRule = { id: LaborRuleId; zh: string; en: string; ref: LegalRef };

/** Every labour-law rule, in report order. @example LABOR_RULES.map((r) => r.id).includes("overtime") */
export const LABOR_RULES: readonly LaborRule[] = [
  { id: "fine", zh: "罚款", en: "fines", ref: LEGAL_REFS.fines },
  { id: "damages", zh: "赔偿扣款超过 20%", en: "damages above 20% of the wage", ref: LEGAL_REFS.damages },
  {
    id: "clawback",
    zh: "从工资中扣回已发款项",
    en: "clawback of pay already paid",
    ref: LEGAL_REFS.clawback,
  },
  { id: "min-wage", zh: "低于最低工资", en: "below the minimum wage", ref: LEGAL_REFS.minimumWage },
  { id: "overtime", zh: "加班工资", en: "overtime pay", ref: LEGAL_REFS.overtime },
  { id: "probation", zh: "试用期工资低于 80%", en: "probation pay below 80%", ref: LEGAL_REFS.probation },
  {
    id: "sick-pay",
    zh: "病假工资低于最低工资的 80%",
    en: "sick pay below 80% of the minimum",
    ref: LEGAL_REFS.sickPay,
  },
  { id: "non-full-time", zh: "非全日制用工", en: "non-full-time staff", ref: LEGAL_REFS.nonFullTime },
  { id: "proration", zh: "不满月折算", en: "part-month proration", ref: LEGAL_REFS.proration },
];

const ORDER = new Map(LABOR_RULES.map((r, i) => [r.id, i]));

/**
 * Labour-law warnings with their rule ids, sorted by position; one warning per rule and position.
 * @example lintPolicyDetailed(loaded).filter((f) => f.rule === "overtime").length
 */
export function lintPolicyDetailed(loaded: LoadedPolicy): LaborFinding[] {
  const v = policyView(loaded);
  const terms = moneyTerms(v);
  const deductions = [...checkFines(v, terms), ...checkDamages(v)];
  const all = [
    ...deductions,
    ...checkMinWage(v),
    ...minWageAfterDeductions(v, deductions),
    ...checkOvertime(v, terms),
    ...checkProbation(v, terms),
    ...checkSickPay(v, terms),
    ...checkNonFullTime(v, terms),
    ...checkProration(v, terms),
  ];
  const seen = new Set<string>();
  const unique = all.filter((f) => {
    const key = `${f.rule}|${f.problem.at?.line}|${f.problem.at?.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.problem.at?.line ?? 0) - (b.problem.at?.line ?? 0) ||
      (a.problem.at?.column ?? 0) - (b.problem.at?.column ?? 0) ||
      (ORDER.get(a.rule) ?? 0) - (ORDER.get(b.rule) ?? 0),
  );
}

/**
 * Labour-law warnings for a loaded policy, each pointing at the policy line, with its legal reference.
 * @example lintPolicy(loadPolicyText(text, "p.yaml").policy!).map((p) => formatProblem(p, "zh"))
 */
export function lintPolicy(loaded: LoadedPolicy): Problem[] {
  return lintPolicyDetailed(loaded).map((f) => f.problem);
}
