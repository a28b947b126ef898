/**
 * Chinese individual income tax on pay: cumulative wage withholding, the annual one-off bonus and labour
 * remuneration, with the national tables and their sources. Pure functions; bad input is a TaxProblem value.
 * @example import { withholdWages, taxAnnualBonus, withholdLaborRemuneration, isTaxProblem } from "./cn/tax/index.js";
 */
export {
  BONUS_VALID_FROM,
  BONUS_VALID_UNTIL,
  type BonusDeadZone,
  type BonusResult,
  type BonusTrap,
  bonusDeadZones,
  taxAnnualBonus,
} from "./bonus.js";
export { type LaborResult, withholdLaborRemuneration } from "./labor.js";
export { isTaxProblem, type TaxProblem, type TaxProblemCode } from "./tax-problem.js";
export {
  BASIC_DEDUCTION_PER_MONTH,
  CUMULATIVE_WAGE_TABLE,
  FIRST_WAGE_INCOME_SOURCE,
  findBracket,
  LABOR_DEDUCTION,
  LABOR_REMUNERATION_TABLE,
  LOW_INCOME_ANNUAL_DEDUCTION,
  MONTHLY_TABLE,
  type SourcedValue,
  type TaxBracket,
  type TaxTable,
} from "./tax-tables.js";
export {
  type BasicDeductionRule,
  type WageInput,
  type WageMonthInput,
  type WageMonthResult,
  type WageResult,
  withholdWages,
} from "./wages.js";
