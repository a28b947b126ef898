/**
 * @xinsuan/core — pure TypeScript pay engine (no I/O): money, formula language, policies, engine.
 * @example import { Dec, loadPolicyText, compilePolicy, runPayroll } from "@xinsuan/core";
 */

export { countWorkdays, isCalendarYearCovered } from "./cn/calendar.js";
export * from "./cn/social/index.js";
export * from "./cn/tax/index.js";
export { type ExplainedLine, type ExplainedPayslip, explainPayslip } from "./engine/explain.js";
export { type Recomputed, recomputeEmployee } from "./engine/recompute.js";
export {
  type Column,
  type EmployeeError,
  type EmployeeInput,
  formatEmployeeError,
  getPayslip,
  type PayrollRun,
  type Payslip,
  type PriorState,
  periodContext,
  runPayroll,
} from "./engine/run.js";
export { type RunSummary, summarizeRun } from "./engine/summary.js";
export { countWarnings, listWarnings, type RunWarning } from "./engine/warnings.js";
export type { Expr, Span } from "./formula/ast.js";
export { FUNCTIONS } from "./formula/functions.js";
export { parseFormula } from "./formula/parser.js";
export { printFormula } from "./formula/printer.js";
export { formatProblem, type Location, type Problem, type ProblemCode } from "./formula/problems.js";
export { CellError, type Val, type ValueType } from "./formula/types.js";
export { formatValue } from "./formula/values.js";
export {
  LABOR_RULES,
  type LaborRuleId,
  lintPolicy,
  lintPolicyDetailed,
} from "./lint/lint-policy.js";
export * from "./money/index.js";
export { type CheckResult, checkPolicyText } from "./policy/check.js";
export { CONTEXT_NAMES, compilePolicy, EMPLOYEE_FIELDS } from "./policy/compile-policy.js";
export { type LoadedPolicy, loadPolicyText } from "./policy/load.js";
export type { InputType, ItemKind, PolicyDoc } from "./policy/schema.js";
export type { CompiledPolicy, ItemDef, PolicyNode } from "./policy/types.js";
