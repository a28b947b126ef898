/**
 * `xinsuan tax wages|bonus|labor`: China IIT withholding on wages (cumulative method, JSON from stdin), the annual
 * one-off bonus (with the dead-zone warning) and labour remuneration. JSON out with --json, Chinese text otherwise.
 * @example echo '{"taxYear":2026,"months":[{"month":1,"income":"30000"}]}' | xinsuan tax wages --json
 */
import {
  type BonusResult,
  isTaxProblem,
  type LaborResult,
  type TaxProblem,
  taxAnnualBonus,
  type WageInput,
  type WageResult,
  withholdLaborRemuneration,
  withholdWages,
} from "@xinsuan/core";
import { formatTerminalTable } from "@xinsuan/server/io";
import { AppError, type Msg } from "../app-error.js";

type Print = (s: string) => void;
/** Exact decimal as produced by the core (the Dec type, structurally). */
type Amount = WageResult["totalWithheld"];

const WAGES_EXAMPLE =
  '{"taxYear":2026,"hireMonth":1,"months":[{"month":1,"income":"30000","specialDeduction":"4500","specialAdditionalDeduction":"2000"}]}';

const yuan = (d: Amount): string => d.toFixed(2);
/** Exact text with at least two decimals (a labour taxable amount may have three). */
const exact = (d: Amount): string => (d.round(2, "down").eq(d) ? d.toFixed(2) : d.toString());

function inputError(p: TaxProblem, hint?: Msg): AppError {
  return new AppError("INPUT_INVALID", p.zh, p.en, hint ? [hint] : []);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new AppError("INPUT_INVALID", `输入不是有效的 JSON：${msg}`, `input is not valid JSON: ${msg}`, [
      { zh: `输入示例：${WAGES_EXAMPLE}`, en: `example input: ${WAGES_EXAMPLE}` },
    ]);
  }
}

const RULE_ZH: Record<WageResult["basicDeductionRule"], string> = {
  standard: "减除费用 = 5000 元 × 在本单位任职月份数",
  "first-wage-2020-13": "减除费用 = 5000 元 × 当年月份数（公告2020年第13号，年度首次取得工资薪金）",
  "low-income-2020-19": "减除费用自 1 月起按全年 60000 元（公告2020年第19号，上年在本单位收入不超过 6 万元）",
};

function wagesText(r: WageResult, print: Print): void {
  print(`个人所得税累计预扣（${r.taxYear} 年，入职月份 ${r.hireMonth}；${RULE_ZH[r.basicDeductionRule]}）`);
  const ms = r.months;
  const cols: [string, (m: WageResult["months"][number]) => string, boolean][] = [
    ["月份", (m) => `${m.month}月`, true],
    ["累计收入", (m) => yuan(m.cumulativeIncome), true],
    ["累计免税收入", (m) => yuan(m.cumulativeTaxFree), ms.some((m) => !m.cumulativeTaxFree.isZero())],
    ["累计减除费用", (m) => yuan(m.cumulativeBasicDeduction), true],
    ["累计专项扣除", (m) => yuan(m.cumulativeSpecialDeduction), true],
    ["累计专项附加扣除", (m) => yuan(m.cumulativeSAD), true],
    ["累计其他扣除", (m) => yuan(m.cumulativeOther), ms.some((m) => !m.cumulativeOther.isZero())],
    ["累计应纳税所得额", (m) => yuan(m.cumulativeTaxable), true],
    ["税率", (m) => m.rate, true],
    ["速算扣除数", (m) => yuan(m.quickDeduction), true],
    ["累计应纳税额", (m) => yuan(m.cumulativeTax), true],
    ["累计减免税额", (m) => yuan(m.cumulativeRelief), ms.some((m) => !m.cumulativeRelief.isZero())],
    ["已预扣", (m) => yuan(m.withheldBefore), true],
    ["本月预扣", (m) => yuan(m.taxWithheld), true],
  ];
  const shown = cols.filter((c) => c[2]);
  print(
    formatTerminalTable(
      shown.map((c) => c[0]),
      ms.map((m) => shown.map((c) => c[1](m))),
    ),
  );
  print(`合计已预扣 ${yuan(r.totalWithheld)} 元`);
  print("计算过程：");
  for (const m of ms) print(`${m.month}月：${m.zh}`);
}

/**
 * Cumulative wage withholding from a JSON input text; prints JSON (default) or a Chinese table.
 * @example runTaxWages('{"taxYear":2026,"months":[{"month":1,"income":"30000"}]}', console.log)
 */
export function runTaxWages(jsonText: string, print: Print, json = true): void {
  // withholdWages checks every field of the parsed value at run time, whatever its static type.
  const r = withholdWages(parseJson(jsonText) as WageInput);
  if (isTaxProblem(r)) {
    throw inputError(r, { zh: `输入示例：${WAGES_EXAMPLE}`, en: `example input: ${WAGES_EXAMPLE}` });
  }
  if (!json) {
    wagesText(r, print);
    return;
  }
  const months = r.months.map((m) => ({
    month: m.month,
    cumulativeIncome: yuan(m.cumulativeIncome),
    cumulativeTaxable: yuan(m.cumulativeTaxable),
    rate: m.rate,
    quickDeduction: yuan(m.quickDeduction),
    cumulativeTax: yuan(m.cumulativeTax),
    withheldBefore: yuan(m.withheldBefore),
    taxWithheld: yuan(m.taxWithheld),
  }));
  print(JSON.stringify({ months }));
}

function trapJson(t: NonNullable<BonusResult["trap"]>): Record<string, string> {
  return {
    boundary: yuan(t.boundary),
    zoneEnd: yuan(t.zoneEnd),
    extraTax: yuan(t.extraTax),
    payInstead: yuan(t.payInstead),
    netAtAmount: yuan(t.netAtAmount),
    netAtBoundary: yuan(t.netAtBoundary),
    zh: t.zh,
  };
}

/**
 * Tax on an annual one-off bonus taxed separately; `paidOn` (YYYY-MM-DD) is checked against 2027-12-31.
 * @example runTaxBonus("36001", true, console.log) // {"tax":"3390.10","rate":"10%","quickDeduction":"210.00","trap":{…}}
 */
export function runTaxBonus(
  amount: string,
  json: boolean,
  print: Print,
  opts: { paidOn?: string } = {},
): void {
  const r = taxAnnualBonus(amount, opts.paidOn === undefined ? {} : { paidOn: opts.paidOn });
  if (isTaxProblem(r)) {
    throw inputError(r, {
      zh: "用法：xinsuan tax bonus 36000 [--json]",
      en: "usage: xinsuan tax bonus 36000 [--json]",
    });
  }
  if (json) {
    const out = {
      tax: yuan(r.tax),
      rate: r.rate,
      quickDeduction: yuan(r.quickDeduction),
      trap: r.trap ? trapJson(r.trap) : null,
    };
    print(JSON.stringify(out));
    return;
  }
  print(`全年一次性奖金单独计税（财税〔2018〕164号，执行至 ${r.validUntil}）`);
  print(r.zh);
  print(`应纳税额 ${yuan(r.tax)} 元，税后 ${yuan(r.net)} 元`);
  if (r.trap) print(`注意：${r.trap.zh}`);
}

/**
 * Withholding on one labour-remuneration payment (预扣率表二).
 * @example runTaxLabor("5000", true, console.log) // {"tax":"800.00","taxable":"4000.00","rate":"20%"}
 */
export function runTaxLabor(amount: string, json: boolean, print: Print): void {
  const r: LaborResult | TaxProblem = withholdLaborRemuneration(amount);
  if (isTaxProblem(r)) {
    throw inputError(r, {
      zh: "用法：xinsuan tax labor 5000 [--json]",
      en: "usage: xinsuan tax labor 5000 [--json]",
    });
  }
  if (json) {
    print(JSON.stringify({ tax: yuan(r.tax), taxable: exact(r.taxable), rate: r.rate }));
    return;
  }
  print("劳务报酬个人所得税预扣预缴（公告2018年第61号 预扣率表二，按次计算）");
  print(r.zh);
  print(`应预扣税额 ${yuan(r.tax)} 元，税后 ${yuan(r.amount.sub(r.tax))} 元`);
}
