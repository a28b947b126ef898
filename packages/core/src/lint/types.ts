/**
 * Types shared by the labour-law rules: rule ids and findings (a rule id with its LABOR warning).
 * @example const f: LaborFinding = laborFinding("fine", at, "罚款…", "fine…", LEGAL_REFS.fines)
 */
import type { Location, Problem } from "../formula/problems.js";
import type { LegalRef } from "./legal-refs.js";

/** Stable ids of the labour-law rules, for tests and the web UI. @example const id: LaborRuleId = "overtime" */
export type LaborRuleId =
  | "fine"
  | "damages"
  | "clawback"
  | "min-wage"
  | "overtime"
  | "probation"
  | "sick-pay"
  | "non-full-time"
  | "proration";

/** One warning with the rule that raised it. @example findings.filter((f) => f.rule === "fine") */
export type LaborFinding = { rule: LaborRuleId; problem: Problem };

/**
 * Builds a LABOR warning with its position and legal reference.
 * @example laborFinding("overtime", { line: 3, column: 5 }, "加班…", "overtime…", LEGAL_REFS.overtime).problem.severity === "warning"
 */
export function laborFinding(
  rule: LaborRuleId,
  at: Location | undefined,
  zh: string,
  en: string,
  ref: LegalRef,
): LaborFinding {
  const problem: Problem = { code: "LABOR", severity: "warning", zh, en, ref: { ...ref } };
  if (at) problem.at = at;
  return { rule, problem };
}
