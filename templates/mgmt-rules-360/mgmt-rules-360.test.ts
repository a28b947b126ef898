/**
 * Golden tests for the 客服薪资管理规定（360度考核） template. Every expected value is worked out by hand in the
 * comment next to it. Unless a case says otherwise: period 2026-10 (18 workdays), a 客服专员 hired 2024-03-01
 * (past the three-month new-hire period) with 月基本工资 3200, 岗位工资 3000 (table), 绩效系数 30% (table),
 * 360 scores 80/80/80/80% (→ 80 points → 绩效得分 80%), 市区, 出勤 18 days, 缴费基数 8000.
 * So by default: 基本 3200, 岗位 3000, 绩效 0.8 × 0.3 × 3000 = 720, 交通 200, 餐饮 20 × 18 = 360, 通讯 100.
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
import { compileTemplate, editPolicy, slipLine as line } from "../template-test-kit.js";

const POLICY_TEXT = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const SAMPLE_TEXT = readFileSync(new URL("./sample.csv", import.meta.url), "utf8");
const STATE = JSON.parse(
  readFileSync(new URL("./state-2026-09.json", import.meta.url), "utf8"),
) as PriorState;

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

/** Replaces exactly one occurrence of each `from` in the policy text (fails loudly when the text moved). */
const variantText = (...edits: [string, string][]): string => editPolicy(POLICY_TEXT, ...edits);
const variant = (...edits: [string, string][]) => compile(variantText(...edits));

/** Sets a boolean parameter written as `  名称:\n    value: x`. */
const withFlag = (name: string, to: boolean) =>
  variant([`  ${name}:\n    value: ${!to}\n`, `  ${name}:\n    value: ${to}\n`]);

type Row = Record<string, string>;
let seq = 0;

function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      职级: "客服专员",
      入职日期: "2024-03-01",
      月基本工资: "3200",
      出勤天数: "18",
      自评分: "80",
      同事评分: "80",
      上级评分: "80",
      客户满意度: "80%",
      缴费基数: "8000",
      ...values,
    },
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy; mode?: "batch" | "scalar" } = {},
): PayrollRun {
  // Everyone starts with an empty 2026 tax ledger unless the test gives one (no ledger is an error from February).
  const ledgers = Object.fromEntries(employees.map((e) => [e.values.工号 ?? "", { 个税年度: "2026" }]));
  const prior: PriorState = {
    ...opts.prior,
    employees: Object.fromEntries(
      Object.entries(ledgers).map(([id, l]) => [id, { ...l, ...opts.prior?.employees?.[id] }]),
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

const PAY = ["基本工资", "岗位工资", "绩效工资", "交通补贴", "餐饮补贴", "通讯补贴", "项目奖金", "年终奖金"];

/** The eight pay lines of employee i. */
const payOf = (r: PayrollRun, i: number) => PAY.map((n) => line(r, i, n));

/** Runs one employee alone (with an optional prior state for that employee) and reads lines. */
function solo(values: Row, names: string[], opts: { policy?: CompiledPolicy; prior?: Row } = {}): string[] {
  const e = emp(values);
  const prior = opts.prior ? { employees: { [e.values.工号!]: opts.prior } } : undefined;
  const r = run([e], { ...(opts.policy ? { policy: opts.policy } : {}), ...(prior ? { prior } : {}) });
  return names.map((n) => line(r, 0, n));
}

const errorOf = (values: Row, policy?: CompiledPolicy) => {
  const r = run([emp(values)], policy ? { policy } : {});
  return formatEmployeeError(r, 0);
};

describe("mgmt-rules-360 policy", () => {
  it("compiles without errors and, as the seed section is lawful, with no labour-law warning", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    expect(r.problems.map((p) => formatProblem(p))).toEqual([]);
    // No fines, clawbacks, overtime, probation or sick-pay rules in the seed; part months use PRORATE (÷ 21.75);
    // every example monthly amount is at least Shanghai's 2740 minimum.
    expect(lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!)).toEqual([]);
    expect(r.compiled?.doc.id).toBe("mgmt-rules-360");
    expect(r.compiled?.doc.seedSection).toBe("客服薪资管理规定(3篇)");
    expect(r.compiled?.doc.payDay).toBe(15);
    expect(r.compiled?.doc.statutory?.city).toBe("上海");
  });

  it("the checker still guards the example amounts: a 2000 new-hire base is below Shanghai's minimum", () => {
    const text = variantText(["    value: 3000\n    type: money\n", "    value: 2000\n    type: money\n"]);
    const loaded = loadPolicyText(text, "policy.yaml").policy!;
    // 新员工基本工资 2000 < 2740 (沪人社规〔2025〕10号): one min-wage warning at the parameter
    expect(lintPolicyDetailed(loaded).map((f) => f.rule)).toEqual(["min-wage"]);
  });

  it("marks the values the seed leaves open as examples, and says so in the description", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of [
      "新员工基本工资",
      "自评权重",
      "同事评价权重",
      "上级评价权重",
      "客户满意度权重",
      "餐饮补贴每天",
      "年终奖月数",
      "公司业绩系数",
    ])
      expect(params[p]?.example, p).toBe(true);
    for (const t of ["岗位工资标准", "绩效系数标准", "通讯补贴标准", "交通补贴标准", "年度考核系数"])
      expect(POLICY.doc.tables[t]?.example, t).toBe(true);
    expect(params.新员工期月数?.example).toBeUndefined(); // 3 months is in the seed
    const d = POLICY.doc.description;
    for (const s of [
      "示例值",
      "新员工基本工资按个人填写",
      "绩效按折算后岗位工资",
      "年终奖基数含基本工资",
      "上海",
    ])
      expect(d).toContain(s);
  });

  it("the four 360° example weights sum to 100", () => {
    const p = POLICY.doc.params as Record<string, { value: number }>;
    const w = ["自评权重", "同事评价权重", "上级评价权重", "客户满意度权重"].map((n) => p[n]!.value);
    expect(w).toEqual([10, 20, 40, 30]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe("基本工资: fixed for new hires during the first three months, then the approved amount", () => {
  it.each([
    // [入职日期, 月基本工资, expected 基本工资, why]
    ["2026-08-10", "", "3000.00"], // MONTHS(08-10, 10-01) = 1 < 3 → 新员工基本工资 3000
    ["2026-08-10", "3500", "3000.00"], // new hire: the column is ignored by default → 3000
    ["2026-07-02", "3500", "3000.00"], // MONTHS(07-02, 10-01) = 2 < 3 → still 3000 (the month the 3rd month ends)
    ["2026-07-01", "3300", "3300.00"], // MONTHS(07-01, 10-01) = 3 → the approved 3300
    ["2024-03-01", "3200", "3200.00"], // long-serving → 3200
    ["", "3200", "3200.00"], // no 入职日期 → not a new hire → 3200
    ["2026-10-01", "", "3000.00"], // hired on the 1st: whole month, new hire → 3000
  ])("入职 %s 月基本工资 %s → %s", (hired, base, expected) => {
    expect(solo({ 入职日期: hired, 月基本工资: base }, ["基本工资"])).toEqual([expected]);
  });

  it.each([
    ["2026-07-01"], // past the new-hire period
    [""], // no 入职日期
  ])("入职 %s with 月基本工资 blank is that employee's error, naming the column", (hired) => {
    expect(errorOf({ 入职日期: hired, 月基本工资: "" })).toContain(
      "请填写按考核结果和调薪审批确定的“月基本工资”",
    );
  });

  it("param 新员工基本工资按个人填写 = true: new hires take the column, blank still 3000", () => {
    const p = withFlag("新员工基本工资按个人填写", true);
    expect(solo({ 入职日期: "2026-08-10", 月基本工资: "3500" }, ["基本工资"], { policy: p })).toEqual([
      "3500.00",
    ]);
    expect(solo({ 入职日期: "2026-08-10", 月基本工资: "" }, ["基本工资"], { policy: p })).toEqual([
      "3000.00",
    ]);
  });

  it("param 新员工期月数 = 4 keeps a 2026-07-01 hire on the new-hire base in October", () => {
    const p = variant(["新员工期月数: { value: 3,", "新员工期月数: { value: 4,"]);
    // MONTHS(07-01, 10-01) = 3 < 4 → 3000
    expect(solo({ 入职日期: "2026-07-01", 月基本工资: "3300" }, ["基本工资"], { policy: p })).toEqual([
      "3000.00",
    ]);
  });
});

describe("岗位工资 by post, or the approved individual amount", () => {
  it.each([
    ["客服专员", "", "3000.00", "100.00"],
    ["高级客服专员", "", "3500.00", "100.00"],
    ["客服组长", "", "4000.00", "200.00"],
    ["客服主管", "", "5000.00", "300.00"],
    ["客服专员", "3800", "3800.00", "100.00"], // 月岗位工资 filled → 3800
  ])("%s 月岗位工资 %s → 岗位工资 %s, 通讯补贴 %s", (grade, post, expected, phone) => {
    expect(solo({ 职级: grade, 月岗位工资: post }, ["岗位工资", "通讯补贴"])).toEqual([expected, phone]);
  });

  it("an unknown post is an error", () => {
    expect(errorOf({ 职级: "客服经理" })).toContain("客服经理");
  });
});

describe("360° appraisal and 绩效工资 = 绩效得分 × 绩效系数 × 岗位工资", () => {
  it.each([
    // [自评, 同事, 上级, 满意度, extra, 考核得分, 绩效工资]
    ["80", "80", "80", "80%", {}, "80.00", "720.00"], // 8 + 16 + 32 + 24 = 80 → 0.8 × 0.3 × 3000 = 720
    ["100", "100", "100", "100%", {}, "100.00", "900.00"], // 100 → 1 × 0.3 × 3000 = 900
    ["0", "0", "0", "0%", {}, "0.00", "0.00"], // 0 → 0
    ["90", "85", "88", "92%", {}, "88.80", "799.20"], // 9 + 17 + 35.2 + 27.6 = 88.8 → 0.888 × 900 = 799.20
    ["100", "0", "0", "0%", {}, "10.00", "90.00"], // 自评 alone: 100 × 10% = 10 → 0.1 × 900 = 90
    ["0", "100", "0", "0%", {}, "20.00", "180.00"], // 同事 alone: 20 → 180
    ["0", "0", "100", "0%", {}, "40.00", "360.00"], // 上级 alone: 40 → 360
    ["0", "0", "0", "100%", {}, "30.00", "270.00"], // 客户满意度 alone: 100% × 30 = 30 → 270
    // 7.77 + 13.32 + 22.2 + 13.32 = 56.61 → 0.5661 × 900 = 509.49
    ["77.7", "66.6", "55.5", "44.4%", {}, "56.61", "509.49"],
    // 客服主管: 90 → 0.9 × 60% × 5000 = 2700
    ["90", "90", "90", "90%", { 职级: "客服主管", 月基本工资: "5000" }, "90.00", "2700.00"],
    // 绩效系数 column 120% overrides the table: 0.8 × 1.2 × 3000 = 2880
    ["80", "80", "80", "80%", { 绩效系数: "120%" }, "80.00", "2880.00"],
    // 月岗位工资 3800: 0.8 × 0.3 × 3800 = 912
    ["80", "80", "80", "80%", { 月岗位工资: "3800" }, "80.00", "912.00"],
    // 0.93 as a plain number is 93%: 8 + 16 + 32 + 27.9 = 83.9 → 0.839 × 900 = 755.10
    ["80", "80", "80", "0.93", {}, "83.90", "755.10"],
  ] as [string, string, string, string, Row, string, string][])(
    "自评 %s 同事 %s 上级 %s 满意度 %s %j → 得分 %s 绩效 %s",
    (self, peer, boss, cust, extra, score, perf) => {
      expect(
        solo({ 自评分: self, 同事评分: peer, 上级评分: boss, 客户满意度: cust, ...extra }, [
          "考核得分合计",
          "绩效工资",
        ]),
      ).toEqual([score, perf]);
    },
  );

  it.each([
    ["自评分", "101"],
    ["同事评分", "-1"],
    ["上级评分", ""],
    ["客户满意度", "101%"],
    ["绩效系数", "301%"],
  ])("%s = %j is rejected for that employee", (column, value) => {
    expect(getPayslip(run([emp({ [column]: value })]), 0).error?.item).toBe(column);
  });

  it("changed weights: 自评 20 / 同事 20 / 上级 30 / 客户 30 (still 100)", () => {
    const p = variant(
      ["  自评权重:\n    value: 10\n", "  自评权重:\n    value: 20\n"],
      ["  上级评价权重:\n    value: 40\n", "  上级评价权重:\n    value: 30\n"],
    );
    // 100 × 20% = 20 → 0.2 × 900 = 180
    expect(
      solo({ 自评分: "100", 同事评分: "0", 上级评分: "0", 客户满意度: "0%" }, ["绩效工资"], { policy: p }),
    ).toEqual(["180.00"]);
  });

  it("weights that do not sum to 100 stop every employee with a clear message", () => {
    const p = variant(["  自评权重:\n    value: 10\n", "  自评权重:\n    value: 15\n"]); // 15 + 20 + 40 + 30 = 105
    const r = run([emp(), emp()], { policy: p });
    expect(r.errorCount).toBe(2);
    expect(formatEmployeeError(r, 0)).toContain("360 度考核四项权重合计应为 100");
  });
});

describe('part months: PRORATE(月标准, "出勤", 在职计薪天数) = 月标准 × 天数 ÷ 21.75, capped', () => {
  const NAMES = ["基本工资", "岗位工资", "绩效工资", "交通补贴", "餐饮补贴", "通讯补贴"];

  it.each([
    // hired 10-12 (a new hire: base 3000), 15 paid days, 15 days worked:
    //   基本 3000 × 15 ÷ 21.75 = 2068.9655 → 2068.97; 岗位 the same; 绩效 0.24 × 2068.97 = 496.5528 → 496.55;
    //   交通 200 × 15 ÷ 21.75 = 137.931 → 137.93; 餐饮 20 × 15 = 300; 通讯 100 × 15 ÷ 21.75 = 68.9655 → 68.97
    [
      "月中入职",
      { 入职日期: "2026-10-12", 在职计薪天数: "15", 出勤天数: "15" },
      ["2068.97", "2068.97", "496.55", "137.93", "300.00", "68.97"],
    ],
    // leaves 10-20, 13 paid days (10 workdays + 3 statutory holidays), 10 worked:
    //   基本 3200 × 13 ÷ 21.75 = 1912.6437 → 1912.64; 岗位 3000 × 13 ÷ 21.75 = 1793.1034 → 1793.10;
    //   绩效 0.24 × 1793.10 = 430.344 → 430.34; 交通 2600 ÷ 21.75 = 119.54; 餐饮 200; 通讯 1300 ÷ 21.75 = 59.77
    [
      "月中离职",
      { 离职日期: "2026-10-20", 在职计薪天数: "13", 出勤天数: "10" },
      ["1912.64", "1793.10", "430.34", "119.54", "200.00", "59.77"],
    ],
    // 22 paid days > 21.75 → capped at the monthly amounts
    [
      "在职计薪天数 22 → capped",
      { 入职日期: "2026-10-02", 月基本工资: "", 在职计薪天数: "22" },
      ["3000.00", "3000.00", "720.00", "200.00", "360.00", "100.00"],
    ],
    // 0 paid days → 0 for the prorated lines; 餐饮 20 × 0 = 0
    [
      "在职计薪天数 0",
      { 离职日期: "2026-10-01", 在职计薪天数: "0", 出勤天数: "0" },
      ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
    ],
    // leaving on the last day of the month is a whole month: 在职计薪天数 is ignored
    [
      "离职 10-31",
      { 离职日期: "2026-10-31", 在职计薪天数: "5" },
      ["3200.00", "3000.00", "720.00", "200.00", "360.00", "100.00"],
    ],
    // a whole month never needs 在职计薪天数
    ["整月", {}, ["3200.00", "3000.00", "720.00", "200.00", "360.00", "100.00"]],
  ] as [string, Row, string[]][])("%s", (_name, values, expected) => {
    expect(solo(values, NAMES)).toEqual(expected);
  });

  it("a part month without 在职计薪天数 is that employee's error", () => {
    expect(errorOf({ 入职日期: "2026-10-12" })).toContain("请填写“在职计薪天数”");
  });

  it("param 绩效按折算后岗位工资 = false: 绩效 on the whole month's 岗位工资", () => {
    const p = withFlag("绩效按折算后岗位工资", false);
    // leaver, 13 days: 岗位 1793.10 but 绩效 0.8 × 0.3 × 3000 = 720
    expect(
      solo({ 离职日期: "2026-10-20", 在职计薪天数: "13" }, ["岗位工资", "绩效工资"], { policy: p }),
    ).toEqual(["1793.10", "720.00"]);
  });

  it("param 补贴未满月折算 = false: 交通、通讯补贴 in full", () => {
    const p = withFlag("补贴未满月折算", false);
    expect(
      solo({ 离职日期: "2026-10-20", 在职计薪天数: "13" }, ["基本工资", "交通补贴", "通讯补贴"], {
        policy: p,
      }),
    ).toEqual(["1912.64", "200.00", "100.00"]);
  });
});

describe("allowances and project bonus", () => {
  it.each([
    [{ 工作地点: "郊区" }, "交通补贴", "400.00"],
    [{ 工作地点: "" }, "交通补贴", "200.00"], // blank → default 市区
    [{ 出勤天数: "17" }, "餐饮补贴", "340.00"], // 20 × 17
    [{ 出勤天数: "0" }, "餐饮补贴", "0.00"],
    [{ 出勤天数: "21.5" }, "餐饮补贴", "430.00"], // 20 × 21.5
    [{ 项目奖金金额: "1500" }, "项目奖金", "1500.00"],
    [{}, "项目奖金", "0.00"],
  ] as [Row, string, string][])("%j → %s %s", (values, name, expected) => {
    expect(solo(values, [name])).toEqual([expected]);
  });

  it("an unknown 工作地点 is an error", () => {
    expect(errorOf({ 工作地点: "浦东" })).toContain("浦东");
  });
});

describe("年终奖金: 年终奖月数 × (基本工资 + 岗位工资) × 年度考核系数 × 公司业绩系数, taxed on its own", () => {
  it.each([
    // [等级, extra, 年终奖金, 年终奖个税]; base 1 × (3200 + 3000) = 6200
    ["", {}, "0.00", "0.00"], // no grade → no bonus this month
    ["A", {}, "7440.00", "223.20"], // 6200 × 120% = 7440; 7440 ÷ 12 = 620 → 3% → 223.20
    ["B", {}, "6200.00", "186.00"], // 6200 × 100%; 3% → 186.00
    ["C", {}, "4960.00", "148.80"], // 6200 × 80%; 3% → 148.80
    ["D", {}, "0.00", "0.00"], // 0%
    ["A", { 入职日期: "2026-08-10", 月基本工资: "" }, "7200.00", "216.00"], // new hire: (3000 + 3000) × 1.2
    ["B", { 月岗位工资: "3800" }, "7000.00", "210.00"], // (3200 + 3800) × 100%
  ] as [string, Row, string, string][])(
    "等级 %j %j → 年终奖金 %s, 年终奖个税 %s",
    (grade, extra, bonus, tax) => {
      expect(solo({ 年度考核等级: grade, ...extra }, ["年终奖金", "年终奖个税"])).toEqual([bonus, tax]);
    },
  );

  it("an unknown grade is an error", () => {
    expect(errorOf({ 年度考核等级: "S" })).toContain("S");
  });

  it("param 公司业绩系数 = 80%: 7440 × 80% = 5952.00, tax 3% = 178.56", () => {
    const p = variant(["    value: 100%\n    type: ratio\n", "    value: 80%\n    type: ratio\n"]);
    expect(solo({ 年度考核等级: "A" }, ["年终奖金", "年终奖个税"], { policy: p })).toEqual([
      "5952.00",
      "178.56",
    ]);
  });

  it("param 年终奖基数含基本工资 = false: 3000 × 120% = 3600.00, tax 108.00", () => {
    const p = withFlag("年终奖基数含基本工资", false);
    expect(solo({ 年度考核等级: "A" }, ["年终奖金", "年终奖个税"], { policy: p })).toEqual([
      "3600.00",
      "108.00",
    ]);
  });

  it("the bonus is not part of the month's cumulative wage tax", () => {
    const r = run([emp({ 年度考核等级: "A" }), emp()]);
    // 本月计税收入 = 3200 + 3000 + 720 + 200 + 360 + 100 = 7580 for both; 应发 differs by the 7440 bonus
    const taxable = (i: number) => explainPayslip(r, i).details.find((d) => d.name === "本月计税收入")?.value;
    expect([taxable(0), taxable(1)]).toEqual(["7580.00", "7580.00"]);
    expect(getPayslip(r, 0).gross.toFixed(2)).toBe("15020.00"); // 7580 + 7440
  });

  it("warns in the 多发少得 zone: 6 months × 6200 = 37200 (36000 < 37200 ≤ 38566.67)", () => {
    const p = variant(["    value: 1\n    type: number\n", "    value: 6\n    type: number\n"]);
    const r = run([emp({ 年度考核等级: "B" })], { policy: p });
    // 37200 ÷ 12 = 3100 → 10% − 210 = 3510.00
    expect(line(r, 0, "年终奖个税")).toBe("3510.00");
    expect(listWarnings(r).map((w) => w.check)).toEqual(["年终奖多发少得"]);
  });

  it("carries the year the bonus was taxed on its own and warns on a second one in the same year", () => {
    const first = run([emp({ 工号: "Y1", 年度考核等级: "B" })]);
    expect(first.nextState.employees?.Y1?.年终奖计税年度).toBe("2026");
    expect(listWarnings(first)).toEqual([]);
    const again = run([emp({ 工号: "Y1", 年度考核等级: "B" })], {
      period: "2026-12",
      prior: first.nextState,
    });
    const w = listWarnings(again);
    expect(w.map((x) => x.check)).toEqual(["年终奖本年已单独计税"]);
    expect(w[0]?.zh).toContain("本次年终奖金 6200.00 应并入当月工资计税");
    expect(w[0]?.ref).toContain("国税发〔2005〕9号");
    // a bonus taxed in 2025 does not count in 2026; a month without a bonus keeps the carried year
    const lastYear = run([emp({ 工号: "Y2", 年度考核等级: "B" })], {
      prior: { employees: { Y2: { 个税年度: "2026", 年终奖计税年度: "2025" } } },
    });
    expect(listWarnings(lastYear)).toEqual([]);
    const none = run([emp({ 工号: "Y3" })], {
      prior: { employees: { Y3: { 个税年度: "2026", 年终奖计税年度: "2025" } } },
    });
    expect(none.nextState.employees?.Y3?.年终奖计税年度).toBe("2025");
  });
});

describe("salary adjustments (定期调整、临时调整) need an approval reference", () => {
  it.each([
    // [prior 基本, prior 岗位, 月基本工资, 月岗位工资, 调薪审批单号, fires]
    ["3000", "3000", "3200", "", "", true], // 3000 → 3200 without a reference
    ["3000", "3000", "3200", "", "TX-001", false], // with a reference
    ["3200", "3000", "3200", "", "", false], // unchanged
    ["", "", "3200", "", "", false], // no prior record (first month in the system)
    ["3200", "3000", "3200", "3300", "", true], // 岗位 3000 → 3300
    ["3500", "3000", "3200", "", "", true], // a cut 3500 → 3200 is an adjustment too
  ])("prior %s/%s → %s/%s ref %j → warns %s", (pb, pp, base, post, ref, fires) => {
    const prior: Row = { 个税年度: "2026" };
    if (pb) prior.上月基本工资 = pb;
    if (pp) prior.上月岗位工资 = pp;
    const e = emp({ 月基本工资: base, 月岗位工资: post, 调薪审批单号: ref });
    const r = run([e], { prior: { employees: { [e.values.工号!]: prior } } });
    expect(listWarnings(r).map((w) => w.check)).toEqual(fires ? ["调薪缺少审批"] : []);
  });

  it("names the old and new amounts and carries this month's amounts to the next", () => {
    const e = emp({ 工号: "A1", 月基本工资: "3200", 月岗位工资: "3300" });
    const r = run([e], { prior: { employees: { A1: { 上月基本工资: "3500", 上月岗位工资: "3000" } } } });
    expect(listWarnings(r)[0]?.zh).toContain(
      "基本工资由 3500.00 调为 3200.00（-300.00）、岗位工资由 3000.00 调为 3300.00（300.00）",
    );
    expect(r.nextState.employees?.A1).toMatchObject({ 上月基本工资: "3200", 上月岗位工资: "3300" });
  });

  it("a new hire's carried base is the fixed new-hire amount", () => {
    const r = run([emp({ 工号: "N1", 入职日期: "2026-08-10", 月基本工资: "3500" })]);
    expect(r.nextState.employees?.N1?.上月基本工资).toBe("3000");
  });
});

describe("statutory lines (上海)", () => {
  it("social insurance, housing fund 7% and cumulative tax on the default employee", () => {
    // gross 3200 + 3000 + 720 + 200 + 360 + 100 = 7580; 8000 × 8% / 2% / 0.5% = 640 / 160 / 40; 公积金 560;
    // 个税: 7580 − 5000 × 10 months − 1400 < 0 → 0; 实发 7580 − 1400 = 6180
    const r = run([emp()]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["640.00", "160.00", "40.00", "560.00", "0.00"]);
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("6180.00");
  });

  it("a blank 缴费基数 is an error for insured staff", () => {
    expect(errorOf({ 缴费基数: "" })).toContain("缴费基数");
  });
});

describe("explanations", () => {
  it("every line has a description; 绩效工资 shows the score, the coefficient and the post pay", () => {
    const r = run([emp()]);
    const ex = explainPayslip(r, 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    const perf = ex.lines.find((l) => l.name === "绩效工资");
    expect(perf?.sentence).toContain("绩效得分 80%");
    expect(perf?.sentence).toContain("绩效系数 30%");
    expect(perf?.sentence).toContain("720.00");
  });
});

function readSample(): EmployeeInput[] {
  const [header, ...rows] = SAMPLE_TEXT.trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  return rows.map((cells, i) => ({
    values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])),
    source: { file: "sample.csv", row: i + 2 },
  }));
}

describe("sample.csv (2026-10, with state-2026-09.json)", () => {
  const employees = readSample();
  const r = run(employees, { prior: STATE });
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has the built-in fields and every input as headers", () => {
    const header = Object.keys(employees[0]!.values);
    for (const f of ["工号", "姓名", "职级", "入职日期", "离职日期"]) expect(header).toContain(f);
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "缴费基数", "专项附加扣除"]) expect(header).toContain(f);
    expect(new Set(employees.map((e) => e.values.职级)).size).toBe(4); // every post
  });

  it("computes with no errors", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
  });

  it.each([
    // M01 9 + 17 + 35.2 + 27.6 = 88.8 → 0.888 × 0.3 × 3000 = 799.20; gross 7659.20; 基数 8000 → 1400;
    //   个税: 68000 + 7659.20 − 50000 − 14000 = 11659.20 × 3% = 349.78 − 312 = 37.78; net 6221.42
    [
      "M01",
      ["3200.00", "3000.00", "799.20", "200.00", "360.00", "100.00", "0.00", "0.00"],
      "37.78",
      "6221.42",
    ],
    // M02 new hire (08-10): 3000; 9.5 + 16 + 30 + 26.4 = 81.9 → 0.819 × 900 = 737.10; 郊区 400; gross 7597.10;
    //   floor 7546 → 603.68 + 150.92 + 37.73 + 528 = 1320.33; 个税 (3 months): 19597.10 − 15000 − 3960.99
    //   = 636.11 × 3% = 19.08; net 7597.10 − 1320.33 − 19.08 = 6257.69
    [
      "M02",
      ["3000.00", "3000.00", "737.10", "400.00", "360.00", "100.00", "0.00", "0.00"],
      "19.08",
      "6257.69",
    ],
    // M03 raised 3500 → 3800 with a reference; 8.5 + 18 + 36.8 + 28.5 = 91.8 → 0.918 × 0.4 × 3500 = 1285.20;
    //   gross 9245.20; 基数 9000 → 1575; 个税: 90245.20 − 50000 − 15750 − 10000 (附加 9000 + 1000)
    //   = 14495.20 × 3% = 434.86 − 384.75 = 50.11; net 7620.09
    [
      "M03",
      ["3800.00", "3500.00", "1285.20", "200.00", "360.00", "100.00", "0.00", "0.00"],
      "50.11",
      "7620.09",
    ],
    // M04 组长 4000 → 4200 without a reference (warning); 80 → 0.8 × 0.5 × 4000 = 1600; 郊区 400; 17 × 20 = 340;
    //   gross 10740; 基数 10000 → 1750; 个税: 105740 − 50000 − 17500 = 38240 → 10% − 2520 = 1304 − 1027.50
    //   = 276.50; net 10740 − 1750 − 276.50 = 8713.50
    [
      "M04",
      ["4200.00", "4000.00", "1600.00", "400.00", "340.00", "200.00", "0.00", "0.00"],
      "276.50",
      "8713.50",
    ],
    // M05 hired 10-12, 15 paid days: 2068.97 × 2; 8 + 14 + 28 + 27 = 77 → 0.231 × 2068.97 = 477.93;
    //   交通 137.93; 餐饮 300; 通讯 68.97; gross 5122.77; 1320.33; 个税 0 (one month); net 3802.44
    ["M05", ["2068.97", "2068.97", "477.93", "137.93", "300.00", "68.97", "0.00", "0.00"], "0.00", "3802.44"],
    // M06 主管 leaves 10-20, 13 paid days: 5000 × 13 ÷ 21.75 = 2988.51 × 2; 90 → 0.54 × 2988.51 = 1613.80;
    //   交通 119.54; 餐饮 200; 通讯 300 × 13 ÷ 21.75 = 179.31; gross 8089.67; 基数 15000 → 2625;
    //   个税: 134089.67 − 50000 − 26250 = 57839.67 → 10% − 2520 = 3263.97 − 3217.50 = 46.47; net 5418.20
    [
      "M06",
      ["2988.51", "2988.51", "1613.80", "119.54", "200.00", "179.31", "0.00", "0.00"],
      "46.47",
      "5418.20",
    ],
    // M07 10 + 19 + 36 + 30 = 95 → 0.95 × 50% (column) × 3500 = 1662.50; project 1500; B: (3600 + 3500) × 100%
    //   = 7100 (bonus tax 7100 ÷ 12 = 591.67 → 3% = 213.00); wages 11122.50; 基数 9500 → 1662.50;
    //   个税: 101122.50 − 50000 − 16625 = 34497.50 × 3% = 1034.93 − 901.13 = 133.80;
    //   net 18222.50 − 1662.50 − 213 − 133.80 = 16213.20
    [
      "M07",
      ["3600.00", "3500.00", "1662.50", "400.00", "360.00", "100.00", "1500.00", "7100.00"],
      "133.80",
      "16213.20",
    ],
    // M08 hired 07-01 → adjusted 3300 (referenced); 9 + 18 + 34 + 27 = 88 → 792; gross 7752; 1320.33;
    //   个税 (4 months): 27252 − 20000 − 5281.32 = 1970.68 × 3% = 59.12 − 16.17 = 42.95; net 6388.72
    [
      "M08",
      ["3300.00", "3000.00", "792.00", "200.00", "360.00", "100.00", "0.00", "0.00"],
      "42.95",
      "6388.72",
    ],
  ] as [string, string[], string, string][])("%s", (id, pay, tax, net) => {
    const i = at(id);
    expect(payOf(r, i)).toEqual(pay);
    expect(line(r, i, "个人所得税")).toBe(tax);
    expect(getPayslip(r, i).net.toFixed(2)).toBe(net);
  });

  it("warns only about M04's unreferenced raise, and carries the state", () => {
    expect(listWarnings(r).map((w) => `${w.工号} ${w.check}`)).toEqual(["M04 调薪缺少审批"]);
    expect(listWarnings(r)[0]?.zh).toContain("基本工资由 4000.00 调为 4200.00（200.00）");
    expect(r.nextState.employees?.M07).toMatchObject({ 年终奖计税年度: "2026", 个税累计已预扣: "1034.93" });
    expect(r.nextState.employees?.M05).toMatchObject({ 上月基本工资: "3000", 上月岗位工资: "3000" });
  });

  it("register total: 实发 6221.42 + 6257.69 + 7620.09 + 8713.50 + 3802.44 + 5418.20 + 16213.20 + 6388.72", () => {
    const cents = employees.reduce(
      (s, _e, i) => s + Math.round(Number(getPayslip(r, i).net.toFixed(2)) * 100),
      0,
    );
    expect(cents).toBe(6063526); // 60635.26
  });

  it("batch and row-by-row evaluators agree (sample, edge rows, warnings)", () => {
    const edge = [
      emp({ 入职日期: "2026-10-12", 在职计薪天数: "15" }),
      emp({ 离职日期: "2026-10-20", 在职计薪天数: "13", 年度考核等级: "A" }),
      emp({ 入职日期: "2026-10-12" }), // error: no 在职计薪天数
      emp({ 入职日期: "2026-07-01", 月基本工资: "" }), // error: no 月基本工资
      emp({ 自评分: "0", 同事评分: "0", 上级评分: "0", 客户满意度: "0" }),
    ];
    const all = [...employees, ...edge];
    for (const policy of [
      POLICY,
      withFlag("绩效按折算后岗位工资", false),
      withFlag("新员工基本工资按个人填写", true),
    ]) {
      const fp = (mode: "batch" | "scalar") => {
        const x = run(all, { prior: STATE, policy, mode });
        return {
          rows: x.employees.map((_e, i) => [
            getPayslip(x, i).lines.map((l) => `${l.name}=${l.value.toString()}`),
            formatEmployeeError(x, i),
          ]),
          flags: [...x.checkFlags],
          next: x.nextState,
        };
      };
      expect(fp("batch")).toEqual(fp("scalar"));
    }
  });
});
