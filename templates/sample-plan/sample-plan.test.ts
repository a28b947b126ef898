/**
 * Golden tests for the 客服薪资方案范文 template (sample-plan). Every expected value is worked out by hand in the
 * comment next to it. Unless a case says otherwise: period 2026-10 (a 考核月: the Q3 bonus is paid; Q3 =
 * 2026-07-01 … 09-30 = 92 days), employed since 2025-01-06 (the whole quarter and month), 初级客服 with
 * 客服工作年限 0 (经验档 1 → 月基本工资 4200), all four KPIs 0 (score 0 → 不合格 → no bonus), 缴费基数 7546
 * (Shanghai's floor: 社保 603.68 + 150.92 + 37.73 = 792.33, 公积金 7546 × 7% = 528.22 → 528; 1320.33 in all),
 * an empty 2026 tax ledger. 绩效奖金 = 月标准 × 3 × 系数 × 在岗比例; 初级 500 × 3 = 1500.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CompiledPolicy,
  checkPolicyText,
  type EmployeeInput,
  explainPayslip,
  formatEmployeeError,
  formatProblem,
  getPayslip,
  lintPolicyDetailed,
  listWarnings,
  loadPolicyText,
  type PayrollRun,
  type PriorState,
  runPayroll,
} from "../../packages/core/src/index.js";
import { compileTemplate, editParam, slipLine as line } from "../template-test-kit.js";

const POLICY_TEXT = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const SAMPLE_TEXT = readFileSync(new URL("./sample.csv", import.meta.url), "utf8");
const STATE = JSON.parse(
  readFileSync(new URL("./state-2026-09.json", import.meta.url), "utf8"),
) as PriorState;

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

const withParam = (name: string, from: string, to: string): CompiledPolicy =>
  compile(editParam(POLICY_TEXT, name, from, to));

type Row = Record<string, string>;
let seq = 0;

/** A full-quarter, full-month 初级客服 in 经验档 1 with every KPI 0. */
function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      职级: "初级客服",
      入职日期: "2025-01-06",
      客服工作年限: "0",
      接听率: "0",
      平均处理时长: "0",
      客户满意度: "0",
      业务考核成绩: "0",
      缴费基数: "7546",
      ...values,
    },
  };
}

/** The four KPIs: 接听率, 平均处理时长 (分钟), 客户满意度, 业务考核成绩. */
const kpi = (answer: string, minutes: string, satisfaction: string, test: string): Row => ({
  接听率: answer,
  平均处理时长: minutes,
  客户满意度: satisfaction,
  业务考核成绩: test,
});
/** Score 100: 98% → 30, 5 min → 25, 95% → 30, 90 → 15 (优秀, 120%). */
const TOP = kpi("98%", "5", "95%", "90");

type Opts = { period?: string; prior?: PriorState; policy?: CompiledPolicy; mode?: "batch" | "scalar" };

function run(employees: EmployeeInput[], opts: Opts = {}): PayrollRun {
  // Everyone gets an empty 2026 tax ledger, merged under whatever prior state the test gives.
  const given = opts.prior?.employees ?? {};
  const prior: PriorState = {
    ...opts.prior,
    employees: Object.fromEntries(
      employees.map((e) => {
        const id = String(e.values.工号 ?? "");
        return [id, { 个税年度: "2026", ...given[id] }];
      }),
    ),
  };
  const r = runPayroll(opts.policy ?? POLICY, {
    period: opts.period ?? "2026-10",
    employees,
    prior,
    ...(opts.mode ? { mode: opts.mode } : {}),
  });
  if (!r.ok) throw new Error(r.problem.zh);
  return r.run;
}

function solo(values: Row, name: string, opts: Opts = {}): string {
  return line(run([emp(values)], opts), 0, name);
}

const warnings = (r: PayrollRun) => listWarnings(r).map((w) => `${w.工号} ${w.check}`);
const nextOf = (r: PayrollRun, id: string, name: string) => r.nextState.employees?.[id]?.[name];

describe("sample-plan policy", () => {
  it("compiles with no errors and no labour-law (LABOR) warnings: the policy is lawful as written", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    // No problem of any kind: overtime through OVERTIME (150/200/300%), proration through PRORATE (÷ 21.75),
    // every base-pay cell ≥ 4200 > Shanghai's 2740, no fines, clawbacks, probation or sick-pay rules.
    expect(r.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!)).toEqual([]);
    expect(r.compiled?.doc.id).toBe("sample-plan");
    expect(r.compiled?.doc.seedSection).toBe("客服薪资方案范文");
    expect(r.compiled?.doc.payDay).toBe(15);
    expect(r.compiled?.doc.statutory?.city).toBe("上海");
  });

  it("the checker is not blind here: an overtime rate below 150% would be flagged", () => {
    // Guards the empty list above: the same policy paying overtime at 100% of the hourly wage gets a warning.
    const text = POLICY_TEXT.replace(
      "formula: OVERTIME(加班工资基数, 工作日加班小时, 休息日加班小时, 法定节假日加班小时)",
      "formula: HOURLYWAGE(加班工资基数) * 工作日加班小时",
    );
    expect(text).not.toBe(POLICY_TEXT);
    const found = lintPolicyDetailed(loadPolicyText(text, "policy.yaml").policy!);
    // the rest-day and holiday hours are now read by no earning (unpaid), and workday hours are paid at 100%
    expect(found.map((f) => f.rule)).toEqual(["overtime", "overtime", "overtime"]);
    expect(found[0]!.problem.zh).toContain("输入“休息日加班小时”记录了加班");
    expect(found[1]!.problem.zh).toContain("输入“法定节假日加班小时”记录了加班");
    expect(found[2]!.problem.zh).toContain("加班“工作日加班小时”按工资的 100% 计发");
  });

  it("marks the values the seed leaves open as examples and names both seed sections", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of [
      "绩效奖金按在岗折算",
      "绩效系数按等级",
      "业务能力按提升计分",
      "处理时长优秀线",
      "处理时长良好线",
      "处理时长合格线",
      "晋升所需连续优秀次数",
      "晋升业务考核分数",
    ])
      expect(params[p]?.example, p).toBe(true);
    // 36 h is the law (劳动法 art. 41) and 3 months is the seed's 季度: not examples.
    expect(params.每月加班上限小时?.example).toBeUndefined();
    expect(params.考核周期月数?.example).toBeUndefined();
    for (const t of ["经验档", "基本工资标准", "绩效奖金月标准", "接听率得分档", "考核等级档", "等级系数"])
      expect(POLICY.doc.tables[t]?.example, t).toBe(true);
    const d = POLICY.doc.description;
    for (const s of ["客服工资薪酬方案", "客服薪资方案范文", "示例值", "上海", "21.75", "考核周期月数"])
      expect(d).toContain(s);
  });
});

describe("基本工资 by grade × experience band (full month: 计薪天数 21.75 → the whole monthly amount)", () => {
  it.each([
    // [职级, 客服工作年限, 基本工资]
    ["初级客服", "0", "4200.00"], // 0 → 档1
    ["初级客服", "0.99", "4200.00"], // < 1 → 档1
    ["初级客服", "1", "4500.00"], // exactly 1 → 档2
    ["初级客服", "2.99", "4500.00"], // < 3 → 档2
    ["初级客服", "3", "4800.00"], // exactly 3 → 档3
    ["初级客服", "10", "4800.00"], // top band
    ["中级客服", "0", "5000.00"],
    ["中级客服", "1", "5300.00"],
    ["中级客服", "3", "5600.00"],
    ["高级客服", "0.5", "6000.00"],
    ["高级客服", "2", "6400.00"],
    ["高级客服", "5", "6800.00"],
    ["主管客服", "0", "7500.00"],
    ["主管客服", "1.5", "8000.00"],
    ["主管客服", "3", "8500.00"],
  ])("%s, %s 年 → %s", (grade, years, expected) => {
    expect(solo({ 职级: grade, 客服工作年限: years }, "基本工资")).toBe(expected);
  });

  it.each([
    // 客服工作年限 blank → YEARS(入职日期, 2026-10-31)
    ["2025-11-01", "4200.00", "1"], // 11 whole months → 0 years → 档1
    ["2025-10-31", "4500.00", "2"], // 12 months → 1 → 档2
    ["2023-11-01", "4500.00", "2"], // 35 months → 2 → 档2
    ["2023-10-31", "4800.00", "3"], // 36 months → 3 → 档3
  ])("入职 %s (年限 blank) → %s, 经验档 %s", (hired, base, band) => {
    const r = run([emp({ 入职日期: hired, 客服工作年限: "" })]);
    expect(line(r, 0, "基本工资")).toBe(base);
    expect(line(r, 0, "本人经验档")).toBe(`${band}.00`);
  });

  it("a blank 客服工作年限 and a blank 入职日期 is an error, not a new starter", () => {
    const r = run([emp({ 入职日期: "", 客服工作年限: "" }), emp()]);
    expect(formatEmployeeError(r, 0)).toContain("请填写“客服工作年限”或“入职日期”");
    expect(line(r, 1, "基本工资")).toBe("4200.00");
  });

  it("a blank or unknown 职级 is an error for that employee only", () => {
    const r = run([emp({ 职级: "" }), emp({ 职级: "资深客服" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("职级");
    expect(getPayslip(r, 1).error?.zh).toContain("资深客服");
    expect(line(r, 2, "基本工资")).toBe("4200.00");
  });
});

describe("part months and 事假 (PRORATE ÷ 21.75, capped at the monthly wage)", () => {
  it.each([
    // [case, inputs, 基本工资]
    ["事假 1 天", { 事假天数: "1" }, "4006.90"], // 4200 × 20.75 / 21.75 = 4006.896… → 4006.90
    ["事假 0.5 天", { 事假天数: "0.5" }, "4103.45"], // 4200 × 21.25 / 21.75 = 4103.448… → 4103.45
    ["事假 2 天, 高级 档2", { 事假天数: "2", 职级: "高级客服", 客服工作年限: "1.5" }, "5811.49"], // 6400 × 19.75 / 21.75 = 5811.494…
    ["事假 22 天 (more than 21.75)", { 事假天数: "22" }, "0.00"], // MAX(0, 21.75 − 22) = 0
    ["hired 10-20, 在职计薪天数 9", { 入职日期: "2026-10-20", 在职计薪天数: "9" }, "1737.93"], // 4200 × 9 / 21.75 = 1737.931…
    ["left 10-16, 8 workdays + 3 holidays", { 离职日期: "2026-10-16", 在职计薪天数: "11" }, "2124.14"], // 4200 × 11 / 21.75 = 2124.137…
    ["hired 10-20, 9 days, 事假 1", { 入职日期: "2026-10-20", 在职计薪天数: "9", 事假天数: "1" }, "1544.83"], // 4200 × 8 / 21.75 = 1544.827…
    ["在职计薪天数 22.5 → capped", { 入职日期: "2026-10-08", 在职计薪天数: "22.5" }, "4200.00"], // 22.5 / 21.75 > 1 → 4200
    ["whole month, 在职计薪天数 entered as 21.75", { 在职计薪天数: "21.75" }, "4200.00"],
  ] as [string, Row, string][])("%s → %s", (_case, inputs, expected) => {
    expect(solo(inputs, "基本工资")).toBe(expected);
  });

  it("a mid-month starter or leaver without 在职计薪天数 is an error (never guessed)", () => {
    const r = run([
      emp({ 入职日期: "2026-10-20" }),
      emp({ 离职日期: "2026-10-30" }),
      emp({ 离职日期: "2026-10-31" }),
    ]);
    expect(formatEmployeeError(r, 0)).toContain("月中入职或离职的员工须填写“在职计薪天数”");
    expect(formatEmployeeError(r, 1)).toContain("在职计薪天数");
    expect(line(r, 2, "基本工资")).toBe("4200.00"); // leaving on the last day is a whole month
  });
});

describe("考核得分 scorecard items (the other three KPIs 0, so the score is the one item)", () => {
  it.each([
    // [case, inputs, 本期考核得分]
    ["接听率 89.99% → 0", { 接听率: "89.99%" }, "0.00"],
    ["接听率 90% → 15", { 接听率: "90%" }, "15.00"],
    ["接听率 94.99% → 15", { 接听率: "94.99%" }, "15.00"],
    ["接听率 95% → 24", { 接听率: "95%" }, "24.00"],
    ["接听率 97.99% → 24", { 接听率: "97.99%" }, "24.00"],
    ["接听率 98% → 30", { 接听率: "98%" }, "30.00"],
    ["接听率 100% (as 1) → 30", { 接听率: "1" }, "30.00"],
    ["处理时长 0 (no data) → 0", { 平均处理时长: "0" }, "0.00"],
    ["处理时长 0.5 → 25", { 平均处理时长: "0.5" }, "25.00"],
    ["处理时长 5 → 25", { 平均处理时长: "5" }, "25.00"],
    ["处理时长 5.01 → 20", { 平均处理时长: "5.01" }, "20.00"],
    ["处理时长 8 → 20", { 平均处理时长: "8" }, "20.00"],
    ["处理时长 8.01 → 10", { 平均处理时长: "8.01" }, "10.00"],
    ["处理时长 12 → 10", { 平均处理时长: "12" }, "10.00"],
    ["处理时长 12.01 → 0", { 平均处理时长: "12.01" }, "0.00"],
    ["满意度 84.99% → 0", { 客户满意度: "84.99%" }, "0.00"],
    ["满意度 85% → 15", { 客户满意度: "85%" }, "15.00"],
    ["满意度 90% → 24", { 客户满意度: "90%" }, "24.00"],
    ["满意度 94.99% → 24", { 客户满意度: "94.99%" }, "24.00"],
    ["满意度 95% → 30", { 客户满意度: "95%" }, "30.00"],
    ["业务 59.99 → 0", { 业务考核成绩: "59.99" }, "0.00"],
    ["业务 60 → 8", { 业务考核成绩: "60" }, "8.00"],
    ["业务 79.99 → 8", { 业务考核成绩: "79.99" }, "8.00"],
    ["业务 80 → 12", { 业务考核成绩: "80" }, "12.00"],
    ["业务 89.99 → 12", { 业务考核成绩: "89.99" }, "12.00"],
    ["业务 90 → 15", { 业务考核成绩: "90" }, "15.00"],
    ["业务 100 → 15", { 业务考核成绩: "100" }, "15.00"],
  ] as [string, Row, string][])("%s", (_case, inputs, score) => {
    expect(solo(inputs, "本期考核得分")).toBe(score);
  });

  it("rejects KPIs out of range (接听率 above 100%, 业务考核成绩 above 100)", () => {
    const r = run([emp({ 接听率: "101%" }), emp({ 业务考核成绩: "100.5" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("接听率");
    expect(getPayslip(r, 1).error?.item).toBe("业务考核成绩");
    expect(formatEmployeeError(r, 2)).toBe("");
  });
});

describe("考核等级, 绩效系数 and 绩效奖金 (初级: 500 × 3 = 1500 before the coefficient)", () => {
  it.each([
    // [case, KPIs, 得分, 系数, 绩效奖金]
    ["48 不合格", kpi("94.99%", "8.01", "89.99%", "79.9"), "48.00", "0.00", "0.00"], // 15 + 10 + 15 + 8
    ["58 不合格", kpi("90%", "8", "85%", "60"), "58.00", "0.00", "0.00"], // 15 + 20 + 15 + 8
    ["60 合格 (boundary)", kpi("95%", "13", "90%", "80"), "60.00", "0.70", "1050.00"], // 24 + 0 + 24 + 12; 1500 × 70%
    ["74 合格", kpi("98%", "8", "90%", "0"), "74.00", "0.70", "1050.00"], // 30 + 20 + 24 + 0
    ["75 良好 (boundary)", kpi("98%", "0", "95%", "90"), "75.00", "1.00", "1500.00"], // 30 + 0 + 30 + 15
    ["89 良好", kpi("95%", "8", "95%", "90"), "89.00", "1.00", "1500.00"], // 24 + 20 + 30 + 15
    ["91 优秀", kpi("98%", "5", "90%", "80"), "91.00", "1.20", "1800.00"], // 30 + 25 + 24 + 12; 1500 × 120%
    ["100 优秀", TOP, "100.00", "1.20", "1800.00"],
  ] as [string, Row, string, string, string][])("%s", (_case, inputs, score, coef, bonus) => {
    const r = run([emp(inputs)]);
    expect(line(r, 0, "本期考核得分")).toBe(score);
    expect(line(r, 0, "本期绩效系数")).toBe(coef);
    expect(line(r, 0, "绩效奖金")).toBe(bonus);
  });

  it.each([
    // [职级, KPIs, 绩效奖金]
    ["中级客服", TOP, "2520.00"], // 700 × 3 × 120%
    ["高级客服", kpi("98%", "0", "95%", "90"), "2700.00"], // 75 良好: 900 × 3 × 100%
    ["主管客服", kpi("95%", "13", "90%", "80"), "2520.00"], // 60 合格: 1200 × 3 × 70%
  ] as [string, Row, string][])("%s → %s", (grade, inputs, bonus) => {
    expect(solo({ 职级: grade, ...inputs }, "绩效奖金")).toBe(bonus);
  });

  it("param 绩效系数按等级 = false: 绩效系数 = 考核得分 ÷ 100", () => {
    const p = withParam("绩效系数按等级", "true", "false");
    expect(solo(kpi("98%", "5", "90%", "80"), "绩效奖金", { policy: p })).toBe("1365.00"); // 1500 × 0.91
    expect(solo(kpi("94.99%", "8.01", "89.99%", "79.9"), "绩效奖金", { policy: p })).toBe("720.00"); // 1500 × 0.48
    expect(solo(TOP, "绩效奖金", { policy: p })).toBe("1500.00"); // 1500 × 1.00
  });

  it("考核期职级 (promoted at the start of October): the bonus follows the grade held in the quarter", () => {
    // 中级 now, 初级 in Q3, score 100: 500 × 3 × 120% = 1800 (not 700 × 3 × 120% = 2520); base is 中级 5000
    const r = run([
      emp({ 职级: "中级客服", 考核期职级: "初级客服", ...TOP }),
      emp({ 职级: "中级客服", ...TOP }),
    ]);
    expect(line(r, 0, "绩效奖金")).toBe("1800.00");
    expect(line(r, 0, "基本工资")).toBe("5000.00");
    expect(line(r, 1, "绩效奖金")).toBe("2520.00"); // blank → 本月职级 中级
    expect(getPayslip(run([emp({ 考核期职级: "客服经理" })]), 0).error?.item).toBe("考核期职级");
  });
});

describe("quarterly timing: the bonus of the quarter just ended is paid in 1, 4, 7 and 10月", () => {
  it.each([
    // [period, 入职日期, 绩效奖金 for score 100 (1800 before 在岗比例)]
    ["2026-10", "2026-07-01", "1800.00"], // 92/92 days of Q3
    ["2026-10", "2026-08-17", "880.43"], // Aug 17–31 = 15 + Sep 30 = 45 days: 1800 × 45 / 92 = 880.434…
    ["2026-10", "2026-09-30", "19.57"], // 1 day: 1800 / 92 = 19.565…
    ["2026-01", "2025-11-01", "1193.48"], // Q4 2025 = 92 days; Nov 30 + Dec 31 = 61: 1800 × 61 / 92 = 1193.478…
    ["2026-04", "2026-02-01", "1180.00"], // Q1 2026 = 90 days; Feb 28 + Mar 31 = 59: 1800 × 59 / 90 = 1180
    ["2026-07", "2026-06-30", "19.78"], // Q2 2026 = 91 days; 1 day: 1800 / 91 = 19.780…
    ["2026-11", "2025-01-06", "0.00"], // not a 考核月
    ["2026-12", "2025-01-06", "0.00"],
    ["2026-09", "2025-01-06", "0.00"],
  ])("%s, 入职 %s → %s", (period, hired, bonus) => {
    expect(solo({ 入职日期: hired, ...TOP }, "绩效奖金", { period })).toBe(bonus);
  });

  it("outside a 考核月 the KPIs are not needed and the score shows 0", () => {
    const r = run([emp({ 接听率: "", 平均处理时长: "", 客户满意度: "", 业务考核成绩: "" })], {
      period: "2026-11",
    });
    expect(line(r, 0, "本期考核得分")).toBe("0.00");
    expect(line(r, 0, "绩效奖金")).toBe("0.00");
    expect(line(r, 0, "基本工资")).toBe("4200.00");
  });

  it.each(["接听率", "平均处理时长", "客户满意度", "业务考核成绩"])(
    "in a 考核月 a blank %s is an error for someone employed in the quarter",
    (name) => {
      const r = run([emp({ [name]: "" }), emp()]);
      expect(formatEmployeeError(r, 0)).toContain(`考核月须填写上一考核期的“${name}”`);
      expect(formatEmployeeError(r, 1)).toBe("");
    },
  );

  it("someone hired after the quarter (10-01 or later) needs no KPIs and gets no bonus", () => {
    const blank = { 接听率: "", 平均处理时长: "", 客户满意度: "", 业务考核成绩: "" };
    const r = run([
      emp({ ...blank, 入职日期: "2026-10-01" }),
      emp({ ...blank, 入职日期: "2026-10-20", 在职计薪天数: "9" }),
    ]);
    expect(line(r, 0, "绩效奖金")).toBe("0.00");
    expect(line(r, 0, "基本工资")).toBe("4200.00"); // hired on the 1st: a whole month
    expect(line(r, 1, "绩效奖金")).toBe("0.00");
    expect(line(r, 1, "本期考核得分")).toBe("0.00");
  });

  it("leavers still get the quarter's bonus: leaving 10-16, or paid after leaving on 09-15", () => {
    const r = run([
      emp({ ...TOP, 离职日期: "2026-10-16", 在职计薪天数: "11" }),
      emp({ ...TOP, 离职日期: "2026-09-15", 在职计薪天数: "0" }),
    ]);
    expect(line(r, 0, "绩效奖金")).toBe("1800.00"); // whole Q3
    expect(line(r, 0, "基本工资")).toBe("2124.14"); // 4200 × 11 / 21.75
    // Jul 31 + Aug 31 + Sep 1–15 = 77 days: 1800 × 77 / 92 = 1506.521… → 1506.52; no base pay in October
    expect(line(r, 1, "绩效奖金")).toBe("1506.52");
    expect(line(r, 1, "基本工资")).toBe("0.00");
  });

  it("param 绩效奖金按在岗折算 = false: a mid-quarter starter gets the whole bonus", () => {
    const p = withParam("绩效奖金按在岗折算", "true", "false");
    expect(solo({ 入职日期: "2026-08-17", ...TOP }, "绩效奖金", { policy: p })).toBe("1800.00");
  });

  it("param 考核周期月数 = 1: monthly appraisal, last month's bonus paid the next month", () => {
    const p = withParam("考核周期月数", "3", "1");
    // 2026-11 pays October (31 days): 500 × 1 × 120% = 600; hired 10-16 → 16 days: 600 × 16 / 31 = 309.677…
    expect(solo(TOP, "绩效奖金", { policy: p, period: "2026-11" })).toBe("600.00");
    expect(solo({ ...TOP, 入职日期: "2026-10-16" }, "绩效奖金", { policy: p, period: "2026-11" })).toBe(
      "309.68",
    );
    // 2026-01 pays December 2025 (31 days); hired 2025-12-31 → 1 day: 600 / 31 = 19.354… → 19.35
    expect(solo({ ...TOP, 入职日期: "2025-12-31" }, "绩效奖金", { policy: p, period: "2026-01" })).toBe(
      "19.35",
    );
  });

  it("param 考核周期月数 = 6: half-year appraisal paid in 1月 and 7月", () => {
    const p = withParam("考核周期月数", "3", "6");
    // 2026-07 pays H1 2026 (181 days): 500 × 6 × 120% = 3600; hired 2026-04-01 → 91 days: 3600 × 91 / 181 = 1809.94…
    expect(solo(TOP, "绩效奖金", { policy: p, period: "2026-07" })).toBe("3600.00");
    expect(solo({ ...TOP, 入职日期: "2026-04-01" }, "绩效奖金", { policy: p, period: "2026-07" })).toBe(
      "1809.94",
    );
    expect(solo(TOP, "绩效奖金", { policy: p, period: "2026-10" })).toBe("0.00");
  });
});

describe("加班工资 = OVERTIME(月基本工资, …): 150% / 200% / 300% of 月基本工资 ÷ 174", () => {
  it.each([
    // [case, inputs, 加班工资]
    ["none", {}, "0.00"],
    ["工作日 1 h", { 工作日加班小时: "1" }, "36.21"], // 4200 × 1.5 / 174 = 36.206…
    ["工作日 6 h", { 工作日加班小时: "6" }, "217.24"], // 4200 × 9 / 174 = 217.241…
    ["休息日 8 h", { 休息日加班小时: "8" }, "386.21"], // 4200 × 16 / 174 = 386.206…
    ["法定节假日 8 h", { 法定节假日加班小时: "8" }, "579.31"], // 4200 × 24 / 174 = 579.310…
    ["3 + 8 + 8 h", { 工作日加班小时: "3", 休息日加班小时: "8", 法定节假日加班小时: "8" }, "1074.14"], // 4200 × 44.5 / 174 = 1074.137…
    ["事假 does not lower the base", { 事假天数: "2", 工作日加班小时: "2" }, "72.41"], // 4200 × 3 / 174 = 72.413…
    ["主管 档3", { 职级: "主管客服", 客服工作年限: "3", 法定节假日加班小时: "3" }, "439.66"], // 8500 × 9 / 174 = 439.655…
    ["agreed base 5000", { 加班工资基数: "5000", 工作日加班小时: "10" }, "431.03"], // 5000 × 15 / 174 = 431.034…
  ] as [string, Row, string][])("%s → %s", (_case, inputs, expected) => {
    expect(solo(inputs, "加班工资")).toBe(expected);
  });

  it("warns above 36 hours a month (劳动法 art. 41) but still pays every hour", () => {
    const r = run([
      emp({ 工作日加班小时: "36" }), // exactly 36 → no warning
      emp({ 工作日加班小时: "30", 法定节假日加班小时: "7" }), // 37 → warning
      emp({ 休息日加班小时: "36.5" }), // 36.5 → warning
    ]);
    expect(warnings(r)).toEqual([
      `${r.employees[1]!.values.工号} 加班超过法定上限`,
      `${r.employees[2]!.values.工号} 加班超过法定上限`,
    ]);
    expect(line(r, 1, "加班工资")).toBe("1593.10"); // 4200 × (30 × 1.5 + 7 × 3 = 66) / 174 = 1593.103…
  });

  it("warns when an agreed overtime base is below the minimum wage, only when there is overtime", () => {
    const r = run([emp({ 加班工资基数: "2500", 工作日加班小时: "2" }), emp({ 加班工资基数: "2500" })]);
    expect(line(r, 0, "加班工资")).toBe("43.10"); // 2500 × 3 / 174 = 43.103…
    expect(listWarnings(r).map((w) => w.zh)).toEqual([
      "加班工资基数 2500.00 低于上海当期最低工资标准 2740.00，加班工资可能少算，请核对",
    ]);
  });
});

describe("minimum wage (statutory check, Shanghai: compared net of the employee's SI/HF, without overtime)", () => {
  it("a full month of the lowest grade passes: 4200 − 1320.33 = 2879.67 ≥ 2740", () => {
    expect(warnings(run([emp()]))).toEqual([]);
  });

  it("事假 2 days flags it (the message says to ignore it after checking), overtime does not count", () => {
    // 4200 × 19.75 / 21.75 = 3813.79; 3813.79 − 1320.33 = 2493.46 < 2740. The 20 h of overtime (724.14) are
    // left out of the comparison as the law says.
    const r = run([emp({ 事假天数: "2", 工作日加班小时: "20" })]);
    expect(line(r, 0, "加班工资")).toBe("724.14"); // 4200 × 30 / 174 = 724.137…
    const w = listWarnings(r);
    expect(w.map((x) => x.check)).toEqual(["低于最低工资"]);
    expect(w[0]!.zh).toContain("2493.46");
    expect(w[0]!.zh).toContain("事假");
  });
});

describe("promotion candidates (晋升候选) and the 连续优秀次数 state", () => {
  const prior = (id: string, streak: string, test = "0"): PriorState => ({
    employees: { [id]: { 连续优秀次数: streak, 上期业务考核成绩: test } },
  });

  it("优秀 for the 2nd quarter in a row with 业务考核成绩 ≥ 85 → candidate, with the reason and next grade", () => {
    const e = emp({ ...TOP, 业务考核成绩: "90" });
    const r = run([e], { prior: prior(e.values.工号!, "1") });
    expect(listWarnings(r).map((w) => `${w.check}：${w.zh}`)).toEqual([
      "晋升候选：连续 2 个考核期考核优秀（本期得分 100），业务考核成绩 90 分：可列为由初级客服晋升为中级客服的候选人，经主管审批后在员工信息中修改职级",
    ]);
    expect(line(r, 0, "连续优秀考核期数")).toBe("2.00");
    expect(nextOf(r, e.values.工号!, "连续优秀次数")).toBe("2");
  });

  it.each([
    // [case, 职级, KPIs, prior streak, candidate?, next streak]
    [
      "业务 85 exactly (score 30 + 25 + 30 + 12 = 97)",
      "中级客服",
      kpi("98%", "5", "95%", "85"),
      "1",
      true,
      "2",
    ],
    ["业务 84.99 (97, 优秀) → not yet", "中级客服", kpi("98%", "5", "95%", "84.99"), "1", false, "2"],
    ["first 优秀 quarter", "初级客服", TOP, "0", false, "1"],
    ["third in a row", "高级客服", TOP, "2", true, "3"],
    ["主管客服 has no next grade", "主管客服", TOP, "5", false, "6"],
    ["良好 resets the streak", "初级客服", kpi("95%", "8", "95%", "90"), "3", false, "0"],
  ] as [string, string, Row, string, boolean, string][])(
    "%s",
    (_case, grade, inputs, streak, candidate, next) => {
      const e = emp({ 职级: grade, ...inputs });
      const r = run([e], { prior: prior(e.values.工号!, streak) });
      expect(warnings(r)).toEqual(candidate ? [`${e.values.工号} 晋升候选`] : []);
      expect(nextOf(r, e.values.工号!, "连续优秀次数")).toBe(next);
    },
  );

  it("高级客服's next grade is 主管客服", () => {
    const e = emp({ 职级: "高级客服", ...TOP });
    const r = run([e], { prior: prior(e.values.工号!, "1") });
    expect(listWarnings(r)[0]?.zh).toContain("由高级客服晋升为主管客服");
  });

  it("outside a 考核月 the streak carries unchanged and nobody is flagged", () => {
    const e = emp(TOP);
    const r = run([e], { period: "2026-11", prior: prior(e.values.工号!, "1", "88") });
    expect(warnings(r)).toEqual([]);
    expect(nextOf(r, e.values.工号!, "连续优秀次数")).toBe("1");
    expect(nextOf(r, e.values.工号!, "上期业务考核成绩")).toBe("88");
  });

  it("chains over quarters: 2026-07 优秀 (streak 1), 2026-08 carries, 2026-10 优秀 again → candidate", () => {
    const e = emp(TOP);
    const jul = run([e], { period: "2026-07" });
    expect(warnings(jul)).toEqual([]);
    expect(nextOf(jul, e.values.工号!, "连续优秀次数")).toBe("1");
    const aug = run([e], { period: "2026-08", prior: jul.nextState });
    expect(nextOf(aug, e.values.工号!, "连续优秀次数")).toBe("1");
    const oct = run([e], { period: "2026-10", prior: aug.nextState });
    expect(warnings(oct)).toEqual([`${e.values.工号} 晋升候选`]);
  });

  it("the 2-quarter rule is a parameter (晋升所需连续优秀次数)", () => {
    const p = compile(
      POLICY_TEXT.replace("晋升所需连续优秀次数:\n    { value: 2,", "晋升所需连续优秀次数:\n    { value: 1,"),
    );
    const r = run([emp(TOP)], { policy: p });
    expect(r.employees.map((_e, i) => listWarnings(r, { index: i }).length)).toEqual([1]);
  });
});

describe("业务能力得分: level (default) or improvement over the last appraisal (param, state 上期业务考核成绩)", () => {
  const UP = withParam("业务能力按提升计分", "false", "true");
  const score = (test: string, last: string, policy = UP) => {
    const e = emp({ 业务考核成绩: test });
    const r = run([e], { policy, prior: { employees: { [e.values.工号!]: { 上期业务考核成绩: last } } } });
    return [line(r, 0, "本期考核得分"), nextOf(r, e.values.工号!, "上期业务考核成绩")];
  };

  it.each([
    // [本期, 上期, 得分]: MAX(level points, improvement points); no record (0) → level only
    ["70", "0", "8.00"], // level 8; no previous score
    ["70", "60", "15.00"], // +10 → 15 > level 8
    ["65", "60", "12.00"], // +5 → 12
    ["64.99", "60", "8.00"], // +4.99 → 8 (held or better), level 8
    ["79", "80", "8.00"], // −1 → 0; level 8
    ["50", "50", "8.00"], // ±0 → 8; level 0
    ["45", "50", "0.00"], // −5 → 0; level 0
    ["95", "95", "15.00"], // level 15 beats ±0 → 8
  ])("本期 %s, 上期 %s → %s", (test, last, expected) => {
    // the state keeps this appraisal's score for the next one
    expect(score(test, last)).toEqual([expected, test]);
  });

  it("by default the previous score is ignored: 70 after 60 scores the level's 8", () => {
    expect(score("70", "60", POLICY)[0]).toBe("8.00");
  });
});

describe("explanations", () => {
  it("every line is explained; 绩效奖金 shows the quarter's score and 在岗比例", () => {
    const r = run([emp({ ...TOP, 入职日期: "2026-08-17" })]);
    const ex = explainPayslip(r, 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    const bonus = ex.lines.find((l) => l.name === "绩效奖金");
    expect(bonus?.sentence).toContain("880.43");
    expect(ex.details.find((d) => d.name === "考核期在岗天数")?.value).toBe("45");
    expect(ex.details.find((d) => d.name === "考核期天数")?.value).toBe("92");
    expect(ex.details.find((d) => d.name === "考核等级")?.value).toBe("优秀");
  });
});

describe("sample.csv (2026-10, with state-2026-09.json)", () => {
  const [header, ...rows] = SAMPLE_TEXT.trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  const employees: EmployeeInput[] = rows.map((cells, i) => ({
    values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])),
    source: { file: "sample.csv", row: i + 2 },
  }));
  const r = runPayroll(POLICY, { period: "2026-10", employees, prior: STATE });
  if (!r.ok) throw new Error(r.problem.zh);
  const sample = r.run;
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has the built-in fields and every input as headers, and covers every grade", () => {
    for (const f of ["工号", "姓名", "职级", "入职日期", "离职日期"]) expect(header).toContain(f);
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "缴费基数", "专项附加扣除"]) expect(header).toContain(f);
    const grades = new Set(employees.map((e) => e.values.职级));
    expect([...grades].sort()).toEqual([...(POLICY.doc.inputs.职级?.values ?? [])].map(String).sort());
  });

  it("computes with no errors; the only warnings are S03's promotion and S06's 38 h of overtime", () => {
    expect(employees.map((_e, i) => formatEmployeeError(sample, i)).filter(Boolean)).toEqual([]);
    expect(warnings(sample)).toEqual(["S03 晋升候选", "S06 加班超过法定上限"]);
  });

  it.each([
    // [工号, 基本工资, 绩效奖金, 加班工资, 补贴, 个人所得税, 扣款合计, 实发工资]
    // S01 初级, 2026-03 hire → 0 years → 4200. 96% 24 + 6.5 min 20 + 92% 24 + 82 12 = 80 良好 → 1500 × 100%.
    //   OT 6 h: 4200 × 9 / 174 = 217.24. Gross 5917.24; SI/HF at the floor 1320.33. Tax: 8 months (Mar–Oct),
    //   30900 + 5917.24 − 40000 − … < 0 → 0. Net 5917.24 − 1320.33 = 4596.91
    ["S01", "4200.00", "1500.00", "217.24", "0.00", "0.00", "1320.33", "4596.91"],
    // S02 初级, 2 years → 4500; hired 08-17: 45/92 of Q3. 98% 30 + 5 25 + 95% 30 + 90 15 = 100 优秀:
    //   500 × 3 × 120% × 45 / 92 = 880.43. Gross 5380.43; tax 0 (3 months × 5000 > 12156.29); net 4060.10
    ["S02", "4500.00", "880.43", "0.00", "0.00", "0.00", "1320.33", "4060.10"],
    // S03 中级, hired 2023-07-01 → 3 years → 5600. 99% 30 + 4.2 25 + 96% 30 + 88 12 = 97 优秀 → 700 × 3 × 120%
    //   = 2520. OT 8 h rest day + 8 h holiday: 5600 × (16 + 24) / 174 = 1287.36. Gross 9407.36. 基数 9000:
    //   720 + 180 + 45 + 630 = 1575. Tax: 69407.36 − 50000 − 15750 = 3657.36 × 3% = 109.72 − 24.75 = 84.97.
    //   Deductions 1659.97; net 9407.36 − 1659.97 = 7747.39
    ["S03", "5600.00", "2520.00", "1287.36", "0.00", "84.97", "1659.97", "7747.39"],
    // S04 高级, 1.5 years → 6400; 事假 2: 6400 × 19.75 / 21.75 = 5811.49. KPIs all just below a line:
    //   15 + 10 + 15 + 8 = 48 不合格 → 0. 基数 8000: 1400. Tax: (65811.49 − 50000 − 14000) × 3% = 54.34 < 72.00
    //   already withheld → 0. Net 4411.49
    ["S04", "5811.49", "0.00", "0.00", "0.00", "0.00", "1400.00", "4411.49"],
    // S05 主管, 2020 hire → 6 years → 8500. 98.5% 30 + 3 25 + 97% 30 + 95 15 = 100 → 1200 × 3 × 120% = 4320;
    //   补贴 300. Gross 13120. 基数 12000: 960 + 240 + 60 + 840 = 2100. Tax: 98260 − 50000 − 21000 −
    //   (18000 + 2000) = 7260 × 3% = 217.80 − 97.20 = 120.60. Net 13120 − 2220.60 = 10899.40
    ["S05", "8500.00", "4320.00", "0.00", "300.00", "120.60", "2220.60", "10899.40"],
    // S06 中级 now, 初级 in Q3; 2025-09-01 → 1 year → 5300. 95% 24 + 7 20 + 90% 24 + 75 8 = 76 良好 → 500 × 3
    //   = 1500. OT 30 + 8 h: 5300 × (45 + 16) / 174 = 1858.05. Gross 8658.05; tax 0 (53658.05 − 50000 −
    //   13203.30 < 0). Net 8658.05 − 1320.33 = 7337.72
    ["S06", "5300.00", "1500.00", "1858.05", "0.00", "0.00", "1320.33", "7337.72"],
    // S07 初级, hired 10-20, 9 paid days: 4200 × 9 / 21.75 = 1737.93; no Q3 → no bonus, no KPIs. Net 417.60
    ["S07", "1737.93", "0.00", "0.00", "0.00", "0.00", "1320.33", "417.60"],
    // S08 高级, 4 years → 6800; leaves 10-16: 8 workdays + 3 holidays = 11: 6800 × 11 / 21.75 = 3439.08.
    //   97% 24 + 9 10 + 93% 24 + 70 8 = 66 合格 → 900 × 3 × 70% = 1890 (whole Q3). Gross 5329.08. 基数 8500:
    //   680 + 170 + 42.50 + 595 = 1487.50. Tax: (65329.08 − 50000 − 14875) × 3% = 13.62 < 48.38 → 0. Net 3841.58
    ["S08", "3439.08", "1890.00", "0.00", "0.00", "0.00", "1487.50", "3841.58"],
    // S09 初级, 2024-11-04 → 1 year → 4500. 95% 24 + 13 min 0 + 90% 24 + 80 12 = 60 合格 → 1500 × 70% = 1050;
    //   补贴 200. Gross 5750; tax 0 (46250 < 50000). Net 5750 − 1320.33 = 4429.67
    ["S09", "4500.00", "1050.00", "0.00", "200.00", "0.00", "1320.33", "4429.67"],
  ])("%s", (id, base, bonus, ot, allowance, tax, ded, net) => {
    const i = at(id);
    expect(["基本工资", "绩效奖金", "加班工资", "补贴", "个人所得税"].map((n) => line(sample, i, n))).toEqual(
      [base, bonus, ot, allowance, tax],
    );
    const slip = getPayslip(sample, i);
    expect(slip.deductions.toFixed(2)).toBe(ded);
    expect(slip.net.toFixed(2)).toBe(net);
  });

  it("carries the appraisal results to the next period", () => {
    const next = (id: string) => [nextOf(sample, id, "连续优秀次数"), nextOf(sample, id, "上期业务考核成绩")];
    expect(next("S02")).toEqual(["1", "90"]); // first 优秀
    expect(next("S03")).toEqual(["2", "88"]); // 1 → 2
    expect(next("S04")).toEqual(["0", "79.9"]); // 不合格 resets 2 → 0
    expect(next("S05")).toEqual(["4", "95"]); // 3 → 4
    expect(next("S07")).toEqual(["0", "0"]); // hired after Q3: nothing recorded
  });

  it("batch and row-by-row engines agree on the sample and on the parameter variants", () => {
    const policies = [
      POLICY,
      withParam("绩效系数按等级", "true", "false"),
      withParam("业务能力按提升计分", "false", "true"),
      withParam("绩效奖金按在岗折算", "true", "false"),
      withParam("考核周期月数", "3", "1"),
    ];
    for (const policy of policies) {
      for (const period of ["2026-10", "2026-11"]) {
        const fp = (mode: "batch" | "scalar") => {
          const x = runPayroll(policy, { period, employees, prior: STATE, mode });
          if (!x.ok) throw new Error(x.problem.zh);
          return [
            x.run.employees.map((_e, i) => {
              const p = getPayslip(x.run, i);
              return [p.lines.map((l) => `${l.name}=${l.value.toString()}`), formatEmployeeError(x.run, i)];
            }),
            listWarnings(x.run).map((w) => `${w.工号} ${w.zh}`),
            x.run.nextState,
          ];
        };
        expect(fp("batch")).toEqual(fp("scalar"));
      }
    }
  });
});
