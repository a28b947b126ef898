/**
 * Cumulative withholding of IIT on wages (累计预扣法) for a resident employee at one employer in one tax year
 * (公告2018年第61号 第六条). Pure: decimal strings in, exact decimals and a Chinese explanation per month out.
 * @example withholdWages({ taxYear: 2026, months: [{ month: 1, income: "30000", specialDeduction: "4500", specialAdditionalDeduction: "2000" }] })
 */
import { Dec } from "../../money/decimal.js";
import { isTaxProblem, type TaxProblem, yuan } from "./tax-problem.js";
import {
  BASIC_DEDUCTION_PER_MONTH,
  CUMULATIVE_WAGE_TABLE,
  FIRST_WAGE_INCOME_SOURCE,
  findBracket,
  LOW_INCOME_ANNUAL_DEDUCTION,
} from "./tax-tables.js";
import { type ValidWageInput, type ValidWageMonth, validateWageInput, type WageInput } from "./wage-input.js";

export type { WageInput, WageMonthInput } from "./wage-input.js";

/** Which 累计减除费用 rule was applied. */
export type BasicDeductionRule = "standard" | "first-wage-2020-13" | "low-income-2020-19";

/** One month of cumulative withholding; amounts are exact decimals (money already at the 分). */
export type WageMonthResult = {
  month: number;
  cumulativeIncome: Dec;
  cumulativeTaxFree: Dec;
  cumulativeBasicDeduction: Dec;
  cumulativeSpecialDeduction: Dec;
  cumulativeSAD: Dec;
  cumulativeOther: Dec;
  /** Income minus all deductions, before the floor at 0 (may be negative). */
  cumulativeTaxableBeforeFloor: Dec;
  /** 累计预扣预缴应纳税所得额, floored at 0. */
  cumulativeTaxable: Dec;
  /** Rate as text, e.g. "3%". */
  rate: string;
  quickDeduction: Dec;
  /** 累计应纳税额 = taxable × rate − quick deduction, rounded half-up to the 分. */
  cumulativeTax: Dec;
  /** 累计减免税额. */
  cumulativeRelief: Dec;
  /** Sum of the amounts actually withheld in the earlier months of the input. */
  withheldBefore: Dec;
  /** cumulativeTax − cumulativeRelief − withheldBefore; negative when too much was withheld so far. */
  balance: Dec;
  /** 本月应预扣预缴税额: the balance, or 0 when it is negative (no refund during the year). */
  taxWithheld: Dec;
  /** The substituted formula in Chinese. */
  zh: string;
};

export type WageResult = {
  taxYear: number;
  hireMonth: number;
  basicDeductionRule: BasicDeductionRule;
  /** Source of the basic-deduction rule used. */
  basicDeductionSource: string;
  months: WageMonthResult[];
  /** Sum of taxWithheld over all months. */
  totalWithheld: Dec;
};

const NO_REFUND_NOTE = "（年度内不退税，多预扣的税款在次年汇算清缴时退还）";

function ruleOf(v: ValidWageInput): BasicDeductionRule {
  if (v.lowIncome) return "low-income-2020-19";
  return v.firstWage ? "first-wage-2020-13" : "standard";
}

/**
 * 累计减除费用 for the n-th month employed (calendar month `month`):
 * - standard: 5000 × months employed at this employer this year (hire month counts as 1);
 * - 公告2020年第13号 (first wage income of the year): 5000 × calendar month number, e.g. July → 35000;
 * - 公告2020年第19号 (prior year ≤ 60000 here): 60000 from January, i.e. max(60000, 5000 × months) — with at
 *   most 12 months this is always 60000, so nothing is withheld until cumulative income exceeds 60000 (more
 *   precisely, until income exceeds 60000 plus the other cumulative deductions); from then on the ordinary
 *   formula applies with the 60000 deduction.
 */
function basicDeduction(rule: BasicDeductionRule, month: number, monthsEmployed: number): Dec {
  const per = BASIC_DEDUCTION_PER_MONTH.value;
  if (rule === "first-wage-2020-13") return per.mul(Dec.fromInt(month));
  const standard = per.mul(Dec.fromInt(monthsEmployed));
  return rule === "low-income-2020-19" ? standard.max(LOW_INCOME_ANNUAL_DEDUCTION.value) : standard;
}

function sourceOf(rule: BasicDeductionRule): string {
  if (rule === "first-wage-2020-13") return FIRST_WAGE_INCOME_SOURCE;
  return rule === "low-income-2020-19"
    ? LOW_INCOME_ANNUAL_DEDUCTION.source
    : BASIC_DEDUCTION_PER_MONTH.source;
}

type Totals = { income: Dec; taxFree: Dec; special: Dec; sad: Dec; other: Dec; relief: Dec; withheld: Dec };

function explain(r: Omit<WageMonthResult, "zh">): string {
  const terms = [yuan(r.cumulativeIncome)];
  if (!r.cumulativeTaxFree.isZero()) terms.push(yuan(r.cumulativeTaxFree));
  terms.push(yuan(r.cumulativeBasicDeduction));
  for (const d of [r.cumulativeSpecialDeduction, r.cumulativeSAD, r.cumulativeOther]) {
    if (!d.isZero()) terms.push(yuan(d));
  }
  const floored = r.cumulativeTaxableBeforeFloor.sign() < 0;
  const taxable = floored
    ? `${yuan(r.cumulativeTaxableBeforeFloor)}，不足 0 按 ${yuan(r.cumulativeTaxable)} 计`
    : yuan(r.cumulativeTaxable);
  const qd = r.quickDeduction.toString();
  const relief = r.cumulativeRelief.isZero() ? "" : ` − ${yuan(r.cumulativeRelief)}（累计减免税额）`;
  const due = `${yuan(r.cumulativeTax)}${relief} − ${yuan(r.withheldBefore)} = ${yuan(r.balance)}`;
  const withheld =
    r.balance.sign() < 0 ? `${due}，为负数，本月不预扣${NO_REFUND_NOTE}，按 ${yuan(r.taxWithheld)} 计` : due;
  return (
    `累计应纳税所得额 = ${terms.join(" − ")} = ${taxable}；` +
    `税率 ${r.rate}，速算扣除数 ${qd}；` +
    `累计应纳税额 = ${yuan(r.cumulativeTaxable)} × ${r.rate} − ${qd} = ${yuan(r.cumulativeTax)}；` +
    `本月应预扣 = ${withheld}`
  );
}

function monthResult(rule: BasicDeductionRule, m: ValidWageMonth, n: number, t: Totals): WageMonthResult {
  const basic = basicDeduction(rule, m.month, n);
  const raw = t.income.sub(t.taxFree).sub(basic).sub(t.special).sub(t.sad).sub(t.other);
  const taxable = raw.max(Dec.ZERO);
  const bracket = findBracket(CUMULATIVE_WAGE_TABLE, taxable);
  const cumulativeTax = taxable.mul(bracket.rate).sub(bracket.quickDeduction).round(2, "half-up");
  const balance = cumulativeTax.sub(t.relief).sub(t.withheld);
  const r = {
    month: m.month,
    cumulativeIncome: t.income,
    cumulativeTaxFree: t.taxFree,
    cumulativeBasicDeduction: basic,
    cumulativeSpecialDeduction: t.special,
    cumulativeSAD: t.sad,
    cumulativeOther: t.other,
    cumulativeTaxableBeforeFloor: raw,
    cumulativeTaxable: taxable,
    rate: bracket.rate.toPercent(),
    quickDeduction: bracket.quickDeduction,
    cumulativeTax,
    cumulativeRelief: t.relief,
    withheldBefore: t.withheld,
    balance,
    taxWithheld: balance.max(Dec.ZERO),
  };
  return { ...r, zh: explain(r) };
}

/**
 * Withholds IIT on wages month by month with the cumulative method; returns a problem for bad input.
 * @example (withholdWages({ taxYear: 2026, months: [{ month: 1, income: "30000", specialDeduction: "4500", specialAdditionalDeduction: "2000" }] }) as WageResult).months[0]!.taxWithheld.toFixed(2) === "555.00"
 */
export function withholdWages(input: WageInput): WageResult | TaxProblem {
  const v = validateWageInput(input);
  if (isTaxProblem(v)) return v;
  const rule = ruleOf(v);
  const Z = Dec.ZERO;
  const t: Totals = { income: Z, taxFree: Z, special: Z, sad: Z, other: Z, relief: Z, withheld: Z };
  const months: WageMonthResult[] = [];
  v.months.forEach((m, i) => {
    t.income = t.income.add(m.income);
    t.taxFree = t.taxFree.add(m.taxFree);
    t.special = t.special.add(m.special);
    t.sad = m.sadCumulative ?? t.sad.add(m.sad);
    t.other = t.other.add(m.other);
    t.relief = t.relief.add(m.relief);
    const r = monthResult(rule, m, i + 1, t);
    months.push(r);
    t.withheld = t.withheld.add(r.taxWithheld);
  });
  return {
    taxYear: v.taxYear,
    hireMonth: v.hireMonth,
    basicDeductionRule: rule,
    basicDeductionSource: sourceOf(rule),
    months,
    totalWithheld: t.withheld,
  };
}
