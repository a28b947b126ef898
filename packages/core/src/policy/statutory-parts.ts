/**
 * The income-tax part of a policy's statutory section, as policy parts: cumulative withholding (累计预扣法) with
 * the year-to-date ledger as employee state that resets in January, or labour remuneration per payment.
 * @example taxParts("累计预扣", ["个人养老保险"]).items[0].name === "个人所得税"
 */
import type { ItemDoc, PolicyDoc, StatutoryDoc } from "./schema.js";

/** Employee social-insurance lines: name, SOCIALINSURANCE item, Chinese label. */
export const SI_ITEMS: [string, string, string][] = [
  ["个人养老保险", "养老", "养老保险"],
  ["个人医疗保险", "医疗", "医疗保险"],
  ["个人失业保险", "失业", "失业保险"],
];

const LEDGER_MISSING =
  "缺少本年个税累计台账：该员工本期之前已在职，请导入上期结转中的个税累计数（本年以前月份未发薪的导入 0）";

type Parts = Pick<PolicyDoc, "params" | "inputs" | "calcs" | "state" | "checks"> & { items: ItemDoc[] };

const LEDGER: [state: string, calc: string, zh: string][] = [
  ["个税累计收入", "累计收入", "本年截至上月的累计收入"],
  ["个税累计免税收入", "累计免税收入", "本年截至上月的累计免税收入"],
  ["个税累计专项扣除", "累计专项扣除", "本年截至上月的累计专项扣除（个人三险一金）"],
  ["个税累计专项附加扣除", "累计专项附加扣除", "本年截至上月的累计专项附加扣除"],
  ["个税累计其他扣除", "累计其他扣除", "本年截至上月的累计其他扣除"],
];

/**
 * Policy parts for the tax method; `withholdings` are the employee SI/HF lines (专项扣除).
 * @example Object.keys(taxParts("累计预扣", []).state) // ["个税年度", "个税累计收入", …]
 */
export function taxParts(method: StatutoryDoc["tax"], withholdings: string[], hasBonus = false): Parts {
  const parts: Parts = { params: {}, inputs: {}, calcs: {}, state: {}, items: [], checks: [] };
  parts.calcs.本月计税收入 = {
    formula: "应税收入 - 税前扣款",
    display: "money",
    description: "计税的应发项目合计 − 减少计税收入的扣款（如缺勤扣款）",
  };
  if (method === "不计税") return parts;
  if (method === "劳务报酬") {
    parts.items.push({
      name: "个人所得税",
      kind: "withholding",
      formula: "TAXLABOR(MAX(0, 本月计税收入))",
      explain:
        "劳务报酬预扣：每次收入不超过 4000 元减除 800 元，超过 4000 元减除 20%，按 20%/30%/40% 三级预扣率减速算扣除数",
    });
    return parts;
  }
  parts.params.基本减除费用 = {
    value: 5000,
    type: "money",
    description: "累计减除费用每月 5000 元（个人所得税法第六条；国家税务总局公告2018年第61号）",
  };
  parts.params.上年低收入减除费用 = {
    value: 60000,
    type: "money",
    description:
      "上年各月均在本单位预扣且全年工资薪金不超过 6 万元的，自 1 月起累计减除费用按 6 万元（公告2020年第19号）",
  };
  parts.inputs.专项附加扣除 = {
    type: "money",
    default: 0,
    min: 0,
    description:
      "本月专项附加扣除（子女教育、继续教育、住房贷款利息或住房租金、赡养老人、3 岁以下婴幼儿照护）",
  };
  parts.inputs.累计专项附加扣除 = {
    type: "money",
    min: 0,
    fallback: "IF(同一纳税年度, 个税累计专项附加扣除, 0) + 专项附加扣除",
    description: "本年累计专项附加扣除；员工年中补报时填写累计数（替代逐月相加）",
  };
  parts.inputs.其他扣除 = {
    type: "money",
    default: 0,
    min: 0,
    description: "本月依法确定的其他扣除（个人养老金、商业健康保险等）",
  };
  parts.inputs.本年首次取得工资薪金 = {
    type: "boolean",
    default: false,
    description: "本年首次取得工资薪金所得的居民个人：累计减除费用按 5000 × 当年月份数（公告2020年第13号）",
  };
  parts.inputs.上年低收入简化 = {
    type: "boolean",
    default: false,
    description: "上年各月均在本单位预扣、全年工资薪金不超过 6 万元（公告2020年第19号）",
  };
  parts.state.个税年度 = {
    scope: "员工",
    type: "number",
    display: "integer",
    initial: 0,
    next: "YEAR(期间开始)",
    description: "个税累计台账所属的年度；跨年时累计数从 0 开始",
  };
  for (const [s, c, zh] of LEDGER) {
    parts.state[s] = {
      scope: "员工",
      type: "number",
      display: "money",
      initial: 0,
      next: c,
      description: zh,
    };
  }
  parts.state.个税累计已预扣 = {
    scope: "员工",
    type: "number",
    display: "money",
    initial: 0,
    next: "已预扣税额 + 个人所得税",
    description: "本年截至上月已预扣的个人所得税",
  };
  const c = parts.calcs;
  c.同一纳税年度 = {
    formula: "个税年度 = YEAR(期间开始)",
    display: "boolean",
    description: "上期台账与本期同一年度；否则累计数从 0 开始",
  };
  c.本月专项扣除 = {
    formula: withholdings.length ? withholdings.join(" + ") : "0",
    display: "money",
    description: "本月个人缴纳的基本养老、医疗、失业保险和住房公积金",
  };
  c.累计收入 = {
    formula: "IF(同一纳税年度, 个税累计收入, 0) + 本月计税收入 + 免税收入",
    display: "money",
    description: "本年累计工资薪金收入（含免税收入）",
  };
  c.累计免税收入 = { formula: "IF(同一纳税年度, 个税累计免税收入, 0) + 免税收入", display: "money" };
  c.任职月数 = {
    formula:
      "IF(本年首次取得工资薪金, MONTH(期间开始), MAX(1, MONTH(期间开始) - IF(ISBLANK(入职日期), 1, IF(YEAR(入职日期) = YEAR(期间开始), MONTH(入职日期), 1)) + 1))",
    display: "integer",
    description: "本年在本单位的任职受雇月份数（年中入职从入职月算起）；本年首次取得工资薪金的按当年月份数",
  };
  c.累计减除费用 = {
    formula: "IF(上年低收入简化, MAX(上年低收入减除费用, 基本减除费用 * 任职月数), 基本减除费用 * 任职月数)",
    display: "money",
    description: "5000 元 × 任职月数；上年低收入简化的按 6 万元",
  };
  c.累计专项扣除 = { formula: "IF(同一纳税年度, 个税累计专项扣除, 0) + 本月专项扣除", display: "money" };
  c.累计其他扣除 = { formula: "IF(同一纳税年度, 个税累计其他扣除, 0) + 其他扣除", display: "money" };
  c.累计应纳税所得额 = {
    formula: "累计收入 - 累计免税收入 - 累计减除费用 - 累计专项扣除 - 累计专项附加扣除 - 累计其他扣除",
    display: "money",
    description: "累计收入 − 累计免税收入 − 累计减除费用 − 累计专项扣除 − 累计专项附加扣除 − 累计其他扣除",
  };
  c.适用税率 = {
    formula: "TAXRATE(累计应纳税所得额)",
    display: "ratio",
    description: "综合所得税率表（预扣率表一）按累计应纳税所得额查得的税率",
  };
  c.速算扣除数 = { formula: "TAXQUICKDEDUCTION(累计应纳税所得额)", display: "money" };
  c.累计应纳税额 = {
    formula: "MAX(0, ROUND(累计应纳税所得额 * 适用税率 - 速算扣除数, 2))",
    display: "money",
    description: "累计应纳税所得额 × 税率 − 速算扣除数，按分四舍五入；不为负",
  };
  c.已预扣税额 = {
    formula: `IF(缺少个税台账, ERROR("${LEDGER_MISSING}"), IF(同一纳税年度, 个税累计已预扣, 0))`,
    display: "money",
    description: "本年以前月份已预扣的税额",
  };
  if (hasBonus) addBonusTax(parts);
  c.缺少个税台账 = {
    formula: "AND(NOT(同一纳税年度), MONTH(期间开始) > 1, OR(ISBLANK(入职日期), 入职日期 < 期间开始))",
    display: "boolean",
    description: "本期之前本年已在职，却没有本年的个税累计台账（上期结转）",
  };
  parts.items.push({
    name: "个人所得税",
    kind: "withholding",
    formula: "MAX(0, 累计应纳税额 - 已预扣税额)",
    explain:
      "累计预扣法（国家税务总局公告2018年第61号）：本月预扣 = 累计应纳税额 − 已预扣税额；为负时本月不扣，以后月份补扣",
  });
  return parts;
}

/** The annual one-off bonus taxed on its own (财政部 税务总局公告2023年第30号, to 2027-12-31), with the trap-zone check. */
function addBonusTax(parts: Parts): void {
  parts.items.push({
    name: "年终奖个税",
    kind: "withholding",
    formula:
      'IF(YEAR(期间开始) > 2027, ERROR("全年一次性奖金单独计税执行至 2027-12-31（公告2023年第30号），之后请并入当月工资计税并更新方案"), TAXBONUS(全年一次性奖金))',
    explain:
      "全年一次性奖金单独计税：奖金 ÷ 12 查月度税率表，奖金 × 税率 − 速算扣除数（公告2023年第30号，执行至 2027-12-31）",
  });
  parts.calcs.年终奖建议改发 = {
    formula: "TAXBONUSTRAP(全年一次性奖金)",
    display: "money",
    description: "奖金落在“多发少得”区间时，改发到区间起点的金额（税后反而更多）；否则为 0",
  };
  parts.checks.push({
    name: "年终奖多发少得",
    when: "年终奖建议改发 > 0",
    message: "全年一次性奖金 {全年一次性奖金} 落在“多发少得”区间：改发 {年终奖建议改发} 元，税后收入反而更多",
    ref: "财政部 税务总局公告2023年第30号（全年一次性奖金单独计税）",
  });
}
