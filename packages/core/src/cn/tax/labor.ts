/**
 * Withholding on labour remuneration (劳务报酬) of a resident, per payment occasion (公告2018年第61号 第八条,
 * 预扣率表二). Continuous service of the same item: all income within one month is one occasion (实施条例 第十四条).
 * @example (withholdLaborRemuneration("3000") as LaborResult).tax.toFixed(2) === "440.00"
 */
import { Dec } from "../../money/decimal.js";
import { exactYuan, isTaxProblem, parseAmount, type TaxProblem, yuan } from "./tax-problem.js";
import { findBracket, LABOR_DEDUCTION, LABOR_REMUNERATION_TABLE } from "./tax-tables.js";

export type LaborResult = {
  amount: Dec;
  /** 减除费用: 800, or 20% of the amount above 4000. */
  deduction: Dec;
  /** 应纳税所得额, exact (amount × 80% may have three decimals; only the tax is rounded). */
  taxable: Dec;
  rate: string;
  quickDeduction: Dec;
  /** 应预扣预缴税额, rounded half-up to the 分. */
  tax: Dec;
  zh: string;
  source: string;
};

/**
 * Tax to withhold on one labour-remuneration payment; a problem for bad input.
 * @example (withholdLaborRemuneration("25001") as LaborResult).tax.toFixed(2) === "4000.24"
 */
export function withholdLaborRemuneration(amount: string): LaborResult | TaxProblem {
  const a = parseAmount(amount, "amount");
  if (isTaxProblem(a)) return a;
  const small = a.lte(LABOR_DEDUCTION.threshold);
  const taxable = small ? a.sub(LABOR_DEDUCTION.fixed).max(Dec.ZERO) : a.mul(LABOR_DEDUCTION.taxableShare);
  const deduction = a.sub(taxable);
  const b = findBracket(LABOR_REMUNERATION_TABLE, taxable);
  const tax = taxable.mul(b.rate).sub(b.quickDeduction).round(2, "half-up");
  const rate = b.rate.toPercent();
  const qd = b.quickDeduction.toString();
  const rule = small
    ? `每次收入不超过 4000 元，减除费用 800 元：应纳税所得额 = ${yuan(a)} − 800 = ${exactYuan(a.sub(LABOR_DEDUCTION.fixed))}` +
      (a.sub(LABOR_DEDUCTION.fixed).sign() < 0 ? `，不足 0 按 ${yuan(taxable)} 计` : "")
    : `每次收入超过 4000 元，减除 20% 费用：应纳税所得额 = ${yuan(a)} × 80% = ${exactYuan(taxable)}`;
  const zh =
    `劳务报酬 ${yuan(a)} 元，${rule}；预扣率 ${rate}，速算扣除数 ${qd}；` +
    `应预扣税额 = ${exactYuan(taxable)} × ${rate} − ${qd} = ${yuan(tax)}`;
  return {
    amount: a,
    deduction,
    taxable,
    rate,
    quickDeduction: b.quickDeduction,
    tax,
    zh,
    source: `${LABOR_DEDUCTION.source}；${b.source}`,
  };
}
