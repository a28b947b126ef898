/**
 * The national IIT rate tables used in withholding, as exact decimals, each row with its source. These are
 * statute-level tables (unchanged since 2019-01-01), so they live here as typed constants, not in city data.
 * @example findBracket(CUMULATIVE_WAGE_TABLE, Dec.parse("37000")).rate.toPercent() === "10%"
 */
import { Dec } from "../../money/decimal.js";

/** One row: applies to amounts over `over` and up to and including `upTo` (null = no upper limit). */
export type TaxBracket = {
  /** Lower bound, exclusive (“超过”). */
  over: Dec;
  /** Upper bound, inclusive (“不超过”); null for the top row. */
  upTo: Dec | null;
  rate: Dec;
  quickDeduction: Dec;
  /** Where the row's figures come from. */
  source: string;
};

export type TaxTable = {
  id: "cumulative-wage" | "monthly" | "labor-remuneration";
  nameZh: string;
  brackets: readonly TaxBracket[];
  source: string;
};

const D = (s: string): Dec => Dec.parse(s);

function row(over: string, upTo: string | null, rate: string, qd: string, source: string): TaxBracket {
  return {
    over: D(over),
    upTo: upTo === null ? null : D(upTo),
    rate: D(rate),
    quickDeduction: D(qd),
    source,
  };
}

/** 个人所得税法 附表一 + 国家税务总局公告2018年第61号 附件 预扣率表一 (STA 解读 with worked example). */
const SRC_TABLE_1 =
  "个人所得税法（2018年修正）附表一 综合所得税率表；国家税务总局公告2018年第61号 附件 个人所得税预扣率表一；" +
  "https://www.chinatax.gov.cn/chinatax/n810341/n810760/c3959585/content.html";

/** 预扣率表一 (= 综合所得税率表): cumulative withholding on wages of a resident. @example CUMULATIVE_WAGE_TABLE.brackets.length === 7 */
export const CUMULATIVE_WAGE_TABLE: TaxTable = {
  id: "cumulative-wage",
  nameZh: "个人所得税预扣率表一（居民个人工资、薪金所得预扣预缴适用）",
  source: SRC_TABLE_1,
  brackets: [
    row("0", "36000", "0.03", "0", SRC_TABLE_1),
    row("36000", "144000", "0.10", "2520", SRC_TABLE_1),
    row("144000", "300000", "0.20", "16920", SRC_TABLE_1),
    row("300000", "420000", "0.25", "31920", SRC_TABLE_1),
    row("420000", "660000", "0.30", "52920", SRC_TABLE_1),
    row("660000", "960000", "0.35", "85920", SRC_TABLE_1),
    row("960000", null, "0.45", "181920", SRC_TABLE_1),
  ],
};

/** 财税〔2018〕164号 附件 (按月换算后的综合所得税率表), extended to 2027-12-31 by 公告2023年第30号. */
const SRC_MONTHLY =
  "财税〔2018〕164号 第一条第（一）项 附件 按月换算后的综合所得税率表；执行期限延长至2027年12月31日：" +
  "财政部 税务总局公告2023年第30号 https://www.gov.cn/zhengce/zhengceku/202308/content_6900595.htm";

/** 按月换算后的综合所得税率表: the annual one-off bonus looks up bonus ÷ 12 here. @example MONTHLY_TABLE.brackets[1]!.quickDeduction.toString() === "210" */
export const MONTHLY_TABLE: TaxTable = {
  id: "monthly",
  nameZh: "按月换算后的综合所得税率表",
  source: SRC_MONTHLY,
  brackets: [
    row("0", "3000", "0.03", "0", SRC_MONTHLY),
    row("3000", "12000", "0.10", "210", SRC_MONTHLY),
    row("12000", "25000", "0.20", "1410", SRC_MONTHLY),
    row("25000", "35000", "0.25", "2660", SRC_MONTHLY),
    row("35000", "55000", "0.30", "4410", SRC_MONTHLY),
    row("55000", "80000", "0.35", "7160", SRC_MONTHLY),
    row("80000", null, "0.45", "15160", SRC_MONTHLY),
  ],
};

/** 国家税务总局公告2018年第61号 第八条 + 附件 预扣率表二; 个人所得税法 第六条 (800 / 20% deduction). */
const SRC_TABLE_2 =
  "国家税务总局公告2018年第61号 第八条 及附件 个人所得税预扣率表二（居民个人劳务报酬所得预扣预缴适用）";

/** 预扣率表二: labour remuneration, per payment occasion, on the taxable amount. @example LABOR_REMUNERATION_TABLE.brackets[2]!.quickDeduction.toString() === "7000" */
export const LABOR_REMUNERATION_TABLE: TaxTable = {
  id: "labor-remuneration",
  nameZh: "个人所得税预扣率表二（居民个人劳务报酬所得预扣预缴适用）",
  source: SRC_TABLE_2,
  brackets: [
    row("0", "20000", "0.20", "0", SRC_TABLE_2),
    row("20000", "50000", "0.30", "2000", SRC_TABLE_2),
    row("50000", null, "0.40", "7000", SRC_TABLE_2),
  ],
};

/** A figure with its source. */
export type SourcedValue = { value: Dec; source: string };

/** 累计减除费用 per month employed: 5000 (个人所得税法 第六条 60000/年; 公告2018年第61号 第六条). @example BASIC_DEDUCTION_PER_MONTH.value.toString() === "5000" */
export const BASIC_DEDUCTION_PER_MONTH: SourcedValue = {
  value: D("5000"),
  source:
    "个人所得税法 第六条第一款第（一）项；国家税务总局公告2018年第61号 第六条（累计减除费用按5000元/月乘以当年截至本月在本单位的任职受雇月份数计算）",
};

/** Cumulative basic deduction from January for prior-year low earners: 60000 (国家税务总局公告2020年第19号). @example LOW_INCOME_ANNUAL_DEDUCTION.value.toString() === "60000" */
export const LOW_INCOME_ANNUAL_DEDUCTION: SourcedValue = {
  value: D("60000"),
  source:
    "国家税务总局公告2020年第19号（自2021年1月1日起）：上一完整纳税年度各月均在同一单位预扣预缴且全年工资薪金收入不超过6万元的，累计减除费用自1月份起直接按全年6万元计算",
};

/** Source of the first-wage-income rule (5000 × calendar month number). @example FIRST_WAGE_INCOME_SOURCE.startsWith("国家税务总局公告2020年第13号") */
export const FIRST_WAGE_INCOME_SOURCE =
  "国家税务总局公告2020年第13号 第一条（自2020年7月1日起）：年度首次取得工资薪金所得的居民个人，累计减除费用按5000元/月乘以纳税人当年截至本月月份数计算";

/** Labour remuneration: per-payment threshold 4000, fixed deduction 800 below it, 20% deduction above (个人所得税法 第六条). @example LABOR_DEDUCTION.threshold.toString() === "4000" */
export const LABOR_DEDUCTION = {
  threshold: D("4000"),
  fixed: D("800"),
  /** Share of income that is taxable above the threshold (100% − 20%). */
  taxableShare: D("0.8"),
  source:
    "个人所得税法 第六条第一款第（四）项、第二款；国家税务总局公告2018年第61号 第八条（每次收入不超过4000元的，减除费用按800元计算；每次收入4000元以上的，减除费用按20%计算）",
} as const;

/**
 * The row that applies to `amount`: the first whose `upTo × times` is ≥ amount (an amount equal to a threshold
 * belongs to the lower row, “不超过”). `times` compares without dividing, e.g. 12 for bonus ÷ 12.
 * @example findBracket(MONTHLY_TABLE, Dec.parse("36000"), Dec.fromInt(12)).rate.toPercent() === "3%"
 */
export function findBracket(table: TaxTable, amount: Dec, times: Dec = Dec.ONE): TaxBracket {
  for (const b of table.brackets) {
    if (b.upTo === null || amount.lte(b.upTo.mul(times))) return b;
  }
  // The top row has no upper limit, so the loop always returns; this keeps the type checker content.
  return table.brackets[table.brackets.length - 1]!;
}
