/**
 * Golden tests for the 客服部门计件工资管理办法 template. Every expected value is worked out by hand in the comment
 * next to it. Unless a case says otherwise: period 2026-10 (本月工作日 = 18), a 中级客服 (基本工资 3200) with 3 years
 * of 工龄 (150), 出勤 18/18, 津贴 300, no tasks, 正确率 95% / 及时率 90% / 满意度 90% (every coefficient 100%),
 * 缴费基数 8000 in Shanghai and an empty 2026 tax ledger.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CompiledPolicy,
  checkPolicyText,
  type EmployeeInput,
  explainPayslip,
  formatEmployeeError,
  getPayslip,
  lintPolicyDetailed,
  listWarnings,
  loadPolicyText,
  type PayrollRun,
  type PriorState,
  runPayroll,
} from "../../packages/core/src/index.js";
import { compileTemplate, editPolicy } from "../template-test-kit.js";

const POLICY_TEXT = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const SAMPLE_TEXT = readFileSync(new URL("./sample.csv", import.meta.url), "utf8");
const STATE = JSON.parse(
  readFileSync(new URL("./state-2026-09.json", import.meta.url), "utf8"),
) as PriorState;

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

/** The policy text with each `from` replaced; every `from` must occur exactly once. */
const variantText = (...edits: [string, string][]): string => editPolicy(POLICY_TEXT, ...edits);

/** A param written as `  名称:\n    value: x` set to another value. */
const withParam = (name: string, from: string, to: string) =>
  compile(variantText([`  ${name}:\n    value: ${from}\n`, `  ${name}:\n    value: ${to}\n`]));

type Row = Record<string, string>;
let seq = 0;

function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `客服${seq}`,
      层级: "中级客服",
      工龄: "3",
      出勤天数: "18",
      正确率: "95%",
      及时率: "90%",
      满意度: "90%",
      缴费基数: "8000",
      ...values,
    },
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy } = {},
): PayrollRun {
  const ledgers = Object.fromEntries(employees.map((e) => [e.values.工号 ?? "", { 个税年度: "2026" }]));
  const given = opts.prior?.employees ?? {};
  const merged = Object.fromEntries(Object.entries(ledgers).map(([id, l]) => [id, { ...l, ...given[id] }]));
  const prior: PriorState = { ...opts.prior, employees: { ...given, ...merged } };
  const r = runPayroll(opts.policy ?? POLICY, { period: opts.period ?? "2026-10", employees, prior });
  if (!r.ok) throw new Error(r.problem.zh);
  return r.run;
}

function line(r: PayrollRun, i: number, name: string): string {
  const slip = getPayslip(r, i);
  expect(slip.error, formatEmployeeError(r, i)).toBeNull();
  const l = slip.lines.find((x) => x.name === name);
  if (!l) throw new Error(`no line ${name}`);
  return l.value.toFixed(name === "本月综合系数" ? 4 : 2);
}

const solo = (values: Row, name: string, policy?: CompiledPolicy) =>
  line(run([emp(values)], policy ? { policy } : {}), 0, name);
const checksOf = (r: PayrollRun, i: number) => listWarnings(r, { index: i }).map((w) => w.check);
/**
 * The reward/penalty hints only: the default employee (no tasks, 缴费基数 8000) is also below the minimum wage
 * (3650 − 1400 = 2250 < 2740), and short months can end with a negative net pay; those checks are tested below.
 */
const hints = (r: PayrollRun, i: number) =>
  checksOf(r, i).filter((c) => c === "晋升候选" || c === "降级候选");

describe("piece-rate policy", () => {
  it("compiles without errors; the LABOR warnings are the penalty pay cut (a fine, with no floor)", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    const at = POLICY_TEXT.split("\n").findIndex((l) => l.includes("formula: IF(表现不佳, (基本工资")) + 1;
    // 绩效降薪 deducts (基本工资 + 工龄工资) × 10% as the seed's 处罚 for poor performance: no law authorises a
    // fine (工资支付暂行规定 art. 15), and nothing keeps pay after it at or above the minimum wage. Nothing else:
    // every 层级基本工资 row (2800–4000) is at or above Shanghai's 2740, proration is ÷ 本月工作日 capped at 100%.
    expect(r.problems.map((p) => `${p.code} ${p.at?.line}`)).toEqual([`LABOR ${at}`, `LABOR ${at}`]);
    expect(lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!).map((f) => f.rule)).toEqual(
      ["fine", "min-wage"],
    );
    expect(r.compiled?.doc.id).toBe("piece-rate");
    expect(r.compiled?.doc.seedSection).toBe("客服部门计件工资管理办法");
    expect(r.compiled?.doc.payDay).toBe(15);
    expect(r.compiled?.doc.statutory?.city).toBe("上海");
  });

  it("without the automatic pay cut (the lawful reading) there is no LABOR warning", () => {
    const item = POLICY_TEXT.slice(
      POLICY_TEXT.indexOf("  - name: 绩效降薪"),
      POLICY_TEXT.indexOf("  - name: 其他扣款项"),
    );
    const text = variantText(
      [item, ""],
      ["应发工资 - 绩效降薪\n", "应发工资\n"],
      ["  不佳降薪比例:\n", "  未用的降薪比例:\n"],
    );
    const loaded = loadPolicyText(text, "policy.yaml").policy!;
    expect(lintPolicyDetailed(loaded)).toEqual([]);
  });

  it("marks what the seed leaves open as examples", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of [
      "工龄工资每年",
      "津贴标准",
      "正确率权重",
      "突出系数线",
      "突出计件线",
      "突出奖金额",
      "不佳系数线",
      "不佳降薪比例",
    ])
      expect(params[p]?.example, p).toBe(true);
    for (const t of ["层级基本工资", "计件单价", "正确率系数表", "及时率系数表", "满意度系数表"])
      expect(POLICY.doc.tables[t]?.example, t).toBe(true);
    const d = POLICY.doc.description;
    for (const s of ["示例值", "法律风险", "罚款", "最低工资", "第三十五条", "系数相乘", "不佳降薪比例"])
      expect(d, s).toContain(s);
  });
});

describe("fixed pay: 层级基本工资 + 工龄工资 + 津贴, prorated by 出勤天数 ÷ 本月工作日", () => {
  it.each([
    // [inputs, 基本工资, 工龄工资, 津贴]
    [{ 层级: "初级客服", 工龄: "0" }, "2800.00", "0.00", "300.00"],
    [{ 层级: "中级客服" }, "3200.00", "150.00", "300.00"], // 50 × 3
    [{ 层级: "高级客服", 工龄: "6" }, "3600.00", "300.00", "300.00"], // 50 × 6
    [{ 层级: "资深客服", 工龄: "10" }, "4000.00", "500.00", "300.00"], // 50 × 10, no cap
    [{ 出勤天数: "9" }, "1600.00", "75.00", "150.00"], // × 9/18 = 50%
    [{ 出勤天数: "5" }, "888.89", "41.67", "83.33"], // 3200 × 5/18 = 888.888…; 150 × 5/18 = 41.666…; 300 × 5/18 = 83.333…
    [{ 出勤天数: "20" }, "3200.00", "150.00", "300.00"], // 20/18 → capped at 100%
    [{ 出勤天数: "0" }, "0.00", "0.00", "0.00"],
    [{ 月津贴: "500" }, "3200.00", "150.00", "500.00"], // own allowance
    [{ 月津贴: "500", 出勤天数: "9" }, "1600.00", "75.00", "250.00"], // 500 × 50%
  ] as [Row, string, string, string][])("%j → %s + %s + %s", (values, base, seniority, allowance) => {
    const r = run([emp(values)]);
    expect([line(r, 0, "基本工资"), line(r, 0, "工龄工资"), line(r, 0, "津贴")]).toEqual([
      base,
      seniority,
      allowance,
    ]);
  });

  it("uses 本月工作日 of the period: 2026-11 has 21", () => {
    // 3200 × 7/21 = 1066.666… → 1066.67
    expect(line(run([emp({ 出勤天数: "7" })], { period: "2026-11" }), 0, "基本工资")).toBe("1066.67");
  });

  it.each([
    // 工龄 derived from 入职日期 to the period end 2026-10-31 when the column is blank
    ["2023-10-31", "150.00"], // 3 whole years → 150
    ["2023-11-01", "100.00"], // 2 years 11 months → 2 → 100
    ["2026-10-19", "0.00"], // hired this month → 0
  ])("入职 %s → 工龄工资 %s", (hired, expected) => {
    expect(solo({ 工龄: "", 入职日期: hired }, "工龄工资")).toBe(expected);
  });

  it("asks for 工龄 or 入职日期 when both are blank", () => {
    const r = run([emp({ 工龄: "" })]);
    expect(formatEmployeeError(r, 0)).toContain("请填写“工龄”列或“入职日期”");
  });

  it("param 津贴按出勤折算 = false: the allowance is paid in full", () => {
    const p = withParam("津贴按出勤折算", "true", "false");
    expect(solo({ 出勤天数: "9" }, "津贴", p)).toBe("300.00");
    expect(solo({ 出勤天数: "9" }, "基本工资", p)).toBe("1600.00"); // base still prorated
  });
});

describe("计件基数 = Σ tasks × unit rate", () => {
  it.each([
    [{}, "0.00"],
    [{ 接听量: "1" }, "0.50"],
    [{ 解决问题量: "1" }, "1.00"],
    [{ 工单处理量: "1" }, "0.80"],
    [{ 接听量: "1201" }, "600.50"], // 1201 × 0.50
    [{ 接听量: "1200", 解决问题量: "300", 工单处理量: "200" }, "1060.00"], // 600 + 300 + 160
    [{ 接听量: "1500", 解决问题量: "500", 工单处理量: "400" }, "1570.00"], // 750 + 500 + 320
  ] as [Row, string][])("%j → %s", (values, expected) => {
    const r = run([emp(values)]);
    expect(line(r, 0, "本月计件基数")).toBe(expected);
    expect(line(r, 0, "计件工资")).toBe(expected); // all coefficients 100%
  });

  it("is not prorated by attendance", () => {
    expect(solo({ 出勤天数: "9", 接听量: "1000" }, "计件工资")).toBe("500.00"); // 1000 × 0.50 × 100%
  });
});

describe("coefficients by tier (exactly at a threshold → that tier)", () => {
  it.each([
    // [inputs changing one rate from the 100% baseline, 综合系数]
    [{ 正确率: "0%" }, "0.8000"],
    [{ 正确率: "89.99%" }, "0.8000"],
    [{ 正确率: "90%" }, "0.9000"],
    [{ 正确率: "94.99%" }, "0.9000"],
    [{ 正确率: "95%" }, "1.0000"],
    [{ 正确率: "97.99%" }, "1.0000"],
    [{ 正确率: "98%" }, "1.1000"],
    [{ 正确率: "100%" }, "1.1000"],
    [{ 及时率: "89.99%" }, "0.9000"],
    [{ 及时率: "90%" }, "1.0000"],
    [{ 及时率: "97.99%" }, "1.0000"],
    [{ 及时率: "98%" }, "1.0500"],
    [{ 满意度: "84.99%" }, "0.8000"],
    [{ 满意度: "85%" }, "0.9000"],
    [{ 满意度: "90%" }, "1.0000"],
    [{ 满意度: "94.99%" }, "1.0000"],
    [{ 满意度: "95%" }, "1.1000"],
    [{ 正确率: "0.98", 及时率: "0.98", 满意度: "0.95" }, "1.2705"], // 1.1 × 1.05 × 1.1
    [{ 正确率: "85%", 及时率: "88%", 满意度: "80%" }, "0.5760"], // 0.8 × 0.9 × 0.8
  ] as [Row, string][])("%j → %s", (values, expected) => {
    expect(solo(values, "本月综合系数")).toBe(expected);
  });

  it.each([
    // [inputs, 计件工资]
    [{ 接听量: "1000", 正确率: "98%", 及时率: "98%", 满意度: "95%" }, "635.25"], // 500 × 1.2705 = 635.25
    [{ 接听量: "6100", 正确率: "98%", 及时率: "98%", 满意度: "95%" }, "3875.03"], // 3050 × 1.2705 = 3875.025 → half-up
    [{ 接听量: "1080", 正确率: "85%", 及时率: "88%", 满意度: "80%" }, "311.04"], // 540 × 0.576
    [{ 接听量: "1", 正确率: "90%" }, "0.45"], // 0.50 × 0.9
    [{ 接听量: "1", 满意度: "85%", 正确率: "90%" }, "0.41"], // 0.50 × 0.81 = 0.405 → 0.41
  ] as [Row, string][])("计件工资 %j → %s", (values, expected) => {
    expect(solo(values, "计件工资")).toBe(expected);
  });

  it("param 系数相乘 = false: weighted 40/30/30", () => {
    const p = withParam("系数相乘", "true", "false");
    // 1.1, 0.9, 0.8: 0.4 × 1.1 + 0.3 × 0.9 + 0.3 × 0.8 = 0.44 + 0.27 + 0.24 = 0.95 (multiplied: 0.792)
    const values = { 接听量: "2000", 正确率: "98%", 及时率: "89%", 满意度: "84%" };
    expect(solo(values, "本月综合系数", p)).toBe("0.9500");
    expect(solo(values, "计件工资", p)).toBe("950.00"); // 1000 × 0.95
    expect(solo(values, "本月综合系数")).toBe("0.7920");
    expect(solo(values, "计件工资")).toBe("792.00");
    // 0.792 < 90% → 不佳 and a pay cut when multiplied; 0.95 → neither 不佳 nor 突出 when weighted
    expect(solo(values, "绩效降薪")).toBe("335.00"); // (3200 + 150) × 10%
    expect(solo(values, "绩效降薪", p)).toBe("0.00");
  });
});

describe("rewards: 表现突出 (综合系数 ≥ 105% and 计件基数 ≥ 1500) → 突出奖金 300 and a promotion hint", () => {
  it.each([
    // [inputs, 突出奖金, checks]
    // 正确率 95% (1.0) × 及时率 98% (1.05) × 满意度 90% (1.0) = 1.05; 3000 × 0.50 = 1500 → exactly at both lines
    [{ 接听量: "3000", 及时率: "98%" }, "300.00", ["晋升候选"]],
    [{ 接听量: "2999", 及时率: "98%" }, "0.00", []], // 1499.50 < 1500
    [{ 接听量: "3000" }, "0.00", []], // 综合 1.00 < 1.05
    [{ 接听量: "10000", 正确率: "98%", 及时率: "98%", 满意度: "95%" }, "300.00", ["晋升候选"]],
  ] as [Row, string, string[]][])("%j → %s", (values, bonus, checks) => {
    const r = run([emp(values)]);
    expect(line(r, 0, "突出奖金")).toBe(bonus);
    expect(hints(r, 0)).toEqual(checks);
  });

  it("the promotion hint names the values", () => {
    const r = run([emp({ 接听量: "3140", 正确率: "98%", 及时率: "98%", 满意度: "95%" })]);
    expect(listWarnings(r, { index: 0 })[0]?.zh).toBe(
      "综合系数 127.05%、计件基数 1570.00 达到表现突出标准：种子规定对表现突出的员工予以奖励，如晋升；请主管评估是否晋升层级（本提示不改变工资）",
    );
  });
});

describe("penalties: 表现不佳 (综合系数 < 90%) → bonus cancelled, pay cut 10%, demotion hint", () => {
  it.each([
    // [inputs, 其他奖金, 绩效降薪, checks]
    [{ 其他奖金额: "200" }, "200.00", "0.00", []], // 1.00: fine
    [{ 其他奖金额: "200", 满意度: "85%" }, "200.00", "0.00", []], // 0.90 is not below 90%
    // 0.8: cancelled; (3200 + 150) × 10% = 335.00
    [{ 其他奖金额: "200", 满意度: "84.99%" }, "0.00", "335.00", ["降级候选"]],
    // 9/18 days: (1600 + 75) × 10% = 167.50
    [{ 出勤天数: "9", 满意度: "80%" }, "0.00", "167.50", ["降级候选"]],
    // 初级, 工龄 1: (2800 + 50) × 10% = 285.00
    [
      { 层级: "初级客服", 工龄: "1", 正确率: "85%", 及时率: "88%", 满意度: "80%" },
      "0.00",
      "285.00",
      ["降级候选"],
    ],
    // 高级 5/18 days, 工龄 6: 3600 × 5/18 = 1000.00, 300 × 5/18 = 83.33; (1000 + 83.33) × 10% = 108.333 → 108.33
    [{ 层级: "高级客服", 工龄: "6", 出勤天数: "5", 正确率: "80%" }, "0.00", "108.33", ["降级候选"]],
  ] as [Row, string, string, string[]][])("%j → 其他奖金 %s, 降薪 %s", (values, other, cut, checks) => {
    const r = run([emp(values)]);
    expect(line(r, 0, "其他奖金")).toBe(other);
    expect(line(r, 0, "绩效降薪")).toBe(cut);
    expect(hints(r, 0)).toEqual(checks);
  });

  it("param 不佳降薪比例 = 0%: no cut this month, the bonus is still cancelled and the hint still shows", () => {
    const p = withParam("不佳降薪比例", "10%", "0%");
    const r = run([emp({ 其他奖金额: "200", 满意度: "80%" })], { policy: p });
    expect(line(r, 0, "绩效降薪")).toBe("0.00");
    expect(line(r, 0, "其他奖金")).toBe("0.00");
    expect(hints(r, 0)).toEqual(["降级候选"]);
  });

  it("the pay cut lowers taxable income and is explained", () => {
    // 3200 + 150 + 300 = 3650 − 335 = 3315 taxable
    const r = run([emp({ 满意度: "80%" })]);
    const ex = explainPayslip(r, 0);
    expect(ex.details.find((d) => d.name === "本月计税收入")?.value).toBe("3315.00");
    expect(ex.lines.find((l) => l.name === "绩效降薪")?.sentence).toContain("335.00");
  });
});

describe("statutory: Shanghai social insurance, housing fund 7%, cumulative tax, minimum wage", () => {
  it("deducts 8% + 2% + 0.5% and 7% of the base; 其他扣款 does not lower taxable income", () => {
    // 8000: 640 + 160 + 40 + 560 = 1400; + 其他扣款 25.50 = 1425.50; gross 3650; net 2224.50
    const r = run([emp({ 其他扣款: "25.50" })]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["640.00", "160.00", "40.00", "560.00", "0.00"]);
    const slip = getPayslip(r, 0);
    expect([slip.gross, slip.deductions, slip.net].map((d) => d.toFixed(2))).toEqual([
      "3650.00",
      "1425.50",
      "2224.50",
    ]);
    expect(explainPayslip(r, 0).details.find((d) => d.name === "本月计税收入")?.value).toBe("3650.00");
  });

  it("clamps the SI base to Shanghai's floor 7546 (not the housing-fund base) and requires 缴费基数", () => {
    // SI: 3000 → 7546 × 8% = 603.68; HF: 3000 is above the 2026 HF floor 2740 → 3000 × 7% = 210 (whole yuan)
    const r = run([emp({ 缴费基数: "3000" }), emp({ 缴费基数: "" })]);
    expect(line(r, 0, "个人养老保险")).toBe("603.68");
    expect(line(r, 0, "个人住房公积金")).toBe("210.00");
    expect(formatEmployeeError(r, 1)).toContain("参加社保的员工须填写“缴费基数”列");
  });

  it.each([
    // 初级 full month, no tasks: 2800 + 300 + 其他奖金 − SI/HF at the floor 1320.33 (603.68 + 150.92 + 37.73 + 528)
    ["960.33", []], // 4060.33 − 1320.33 = 2740.00, not below 2740
    ["960.32", ["低于最低工资"]], // 2739.99
  ])("minimum wage after SI/HF: 其他奖金 %s → %j", (other, checks) => {
    const r = run([emp({ 层级: "初级客服", 工龄: "0", 缴费基数: "7546", 其他奖金额: other })]);
    expect(checksOf(r, 0)).toEqual(checks);
  });

  it("the minimum-wage comparison also takes off the pay cut; new hires are not checked", () => {
    // 初级 工龄 1, 0.576: 2800 + 50 + 300 + 311.04 = 3461.04 − 285 − 1320.33 = 1855.71
    const poor = { 层级: "初级客服", 工龄: "1", 接听量: "1080", 正确率: "85%", 及时率: "88%", 满意度: "80%" };
    const r = run([
      emp({ ...poor, 缴费基数: "7546" }),
      emp({ ...poor, 入职日期: "2026-10-19", 出勤天数: "9" }),
    ]);
    expect(listWarnings(r, { index: 0 }).find((w) => w.check === "低于最低工资")?.zh).toContain(
      "本月工资 1855.71",
    );
    expect(checksOf(r, 1)).toEqual(["降级候选"]);
  });
});

describe("bad input is reported per employee", () => {
  it.each([
    ["层级", ""],
    ["层级", "客服经理"],
    ["出勤天数", ""],
    ["正确率", ""],
    ["满意度", "120%"],
    ["接听量", "1.5"],
    ["接听量", "-1"],
  ])("%s = %j is that employee's error; the next employee still computes", (column, value) => {
    const r = run([emp({ [column]: value }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe(column);
    expect(line(r, 1, "基本工资")).toBe("3200.00");
  });
});

describe("explanations", () => {
  it("every pay line has a description; 计件工资 names its base and coefficient", () => {
    const r = run([emp({ 接听量: "1000", 正确率: "98%" })]);
    const ex = explainPayslip(r, 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    const piece = ex.lines.find((l) => l.name === "计件工资");
    expect(piece?.sentence).toContain("计件基数");
    expect(piece?.sentence).toContain("550.00"); // 500 × 1.1
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
  const res = runPayroll(POLICY, { period: "2026-10", employees, prior: STATE });
  if (!res.ok) throw new Error(res.problem.zh);
  const r = res.run;
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has the built-in fields and every input as headers, and covers every level", () => {
    for (const f of ["工号", "姓名", "团队", "入职日期", "离职日期"]) expect(header).toContain(f);
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "缴费基数", "专项附加扣除"]) expect(header).toContain(f);
    expect([...new Set(employees.map((e) => e.values.层级))].sort()).toEqual(
      [...(POLICY.doc.inputs.层级?.values ?? [])].map(String).sort(),
    );
  });

  it("computes with no errors", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
  });

  it.each([
    // [工号, 基本工资, 工龄工资, 津贴, 计件工资, 突出奖金, 其他奖金, 绩效降薪, 扣款合计, 实发工资]
    // Q01 初级 工龄 0: 计件 600 + 300 + 160 = 1060 × 1.0 (96% → 1.0, 92% → 1.0, 91% → 1.0); gross 4160
    //   floor 7546: 603.68 + 150.92 + 37.73 + 528 = 1320.33; tax 0 (28000 + 4160 − 40000 < 0); net 2839.67
    ["Q01", "2800.00", "0.00", "300.00", "1060.00", "0.00", "0.00", "0.00", "1320.33", "2839.67"],
    // Q02 中级, 工龄 from 2023-05-08 → 3 → 150; 1570 × 1.2705 = 1994.685 → 1994.69; 突出 → 300
    //   gross 3200 + 150 + 300 + 1994.69 + 300 = 5944.69; 9000: 720 + 180 + 45 + 630 = 1575; net 4369.69
    ["Q02", "3200.00", "150.00", "300.00", "1994.69", "300.00", "0.00", "0.00", "1575.00", "4369.69"],
    // Q03 高级 工龄 6, own 津贴 500, rates exactly 95%/90%/90% → 1.0; 计件 1000 + 800 + 480 = 2280; 其他奖金 200
    //   gross 3600 + 300 + 500 + 2280 + 200 = 6880; 12000: 960 + 240 + 60 + 840 = 2100; tax 0; net 4780.00
    ["Q03", "3600.00", "300.00", "500.00", "2280.00", "0.00", "200.00", "0.00", "2100.00", "4780.00"],
    // Q04 资深, 工龄 from 2019-07-01 → 7 → 350; 3050 × 1.2705 = 3875.025 → 3875.03; 突出 300; 其他 500
    //   gross 4000 + 350 + 300 + 3875.03 + 300 + 500 = 9325.03; 15000: 1200 + 300 + 75 + 1050 = 2625
    //   tax: 81000 + 9325.03 − 50000 − (23625 + 2625) = 14075.03 × 3% = 422.25 − 371.25 = 51.00
    //   deductions 2676.00; net 6649.03
    ["Q04", "4000.00", "350.00", "300.00", "3875.03", "300.00", "500.00", "0.00", "2676.00", "6649.03"],
    // Q05 初级 工龄 from 2025-08-11 → 1 → 50; 540 × 0.576 = 311.04; 不佳: 其他奖金 200 cancelled, 降薪 285
    //   gross 2800 + 50 + 300 + 311.04 = 3461.04; deductions 285 + 30 + 1320.33 = 1635.33; net 1825.71
    ["Q05", "2800.00", "50.00", "300.00", "311.04", "0.00", "0.00", "285.00", "1635.33", "1825.71"],
    // Q06 hired 10-19, 9/18 days: 1600, 工龄 0, 津贴 150; 210 × (1.0 × 1.0 × 0.9) = 189.00; 0.9 is not 不佳
    //   gross 1939.00; SI/HF for the whole month at the floor 1320.33; net 618.67
    ["Q06", "1600.00", "0.00", "150.00", "189.00", "0.00", "0.00", "0.00", "1320.33", "618.67"],
    // Q07 高级 9/18 days, no tasks: 1800 + 100 × 50% = 50 + 150 = 2000; 1.2705 but 计件基数 0 → not 突出
    //   8000: 1400; net 600.00
    ["Q07", "1800.00", "50.00", "150.00", "0.00", "0.00", "0.00", "0.00", "1400.00", "600.00"],
    // Q08 left 10-16, 12/18: 2800 × 12/18 = 1866.666… → 1866.67; 津贴 200; 580 × 0.9 = 522.00
    //   gross 2588.67; floor 1320.33; net 1268.34
    ["Q08", "1866.67", "0.00", "200.00", "522.00", "0.00", "0.00", "0.00", "1320.33", "1268.34"],
  ])("%s", (id, base, seniority, allowance, piece, star, other, cut, ded, net) => {
    const i = at(id);
    expect(
      ["基本工资", "工龄工资", "津贴", "计件工资", "突出奖金", "其他奖金", "绩效降薪"].map((n) =>
        line(r, i, n),
      ),
    ).toEqual([base, seniority, allowance, piece, star, other, cut]);
    const slip = getPayslip(r, i);
    expect([slip.deductions.toFixed(2), slip.net.toFixed(2)]).toEqual([ded, net]);
  });

  it("net total, warnings and the tax ledger carried forward", () => {
    // 2839.67 + 4369.69 + 4780 + 6649.03 + 1825.71 + 618.67 + 600 + 1268.34 = 22951.11
    const cents = employees.reduce(
      (s, _e, i) => s + Math.round(Number(getPayslip(r, i).net.toFixed(2)) * 100),
      0,
    );
    expect(cents).toBe(2295111);
    // Q05: 3461.04 − 285 − 1320.33 = 1855.71 < 2740; Q07 (whole month, 9 days worked): 2000 − 1400 = 600 < 2740.
    // Q06 (hired this month) and Q08 (left this month) are not checked.
    expect(listWarnings(r).map((w) => `${w.工号} ${w.check}`)).toEqual([
      "Q02 晋升候选",
      "Q04 晋升候选",
      "Q05 降级候选",
      "Q05 低于最低工资",
      "Q07 低于最低工资",
    ]);
    expect(r.nextState.employees?.Q04).toMatchObject({
      个税累计收入: "90325.03",
      个税累计专项扣除: "26250",
      个税累计已预扣: "422.25",
    });
  });
});

describe("batch and row-by-row evaluators agree", () => {
  it("on the sample and edge rows, with each reading", () => {
    expect(POLICY.batch).not.toBeNull();
    const [header, ...rows] = SAMPLE_TEXT.trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const edge: Row[] = [
      { 出勤天数: "0" },
      { 出勤天数: "20", 接听量: "3000", 及时率: "98%" },
      { 层级: "高级客服", 工龄: "6", 出勤天数: "5", 正确率: "80%", 其他奖金额: "100" },
      { 工龄: "", 入职日期: "2023-11-01", 接听量: "1", 满意度: "85%", 正确率: "90%" },
      { 正确率: "" },
    ];
    const employees: EmployeeInput[] = [
      ...rows.map((cells) => ({ values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])) })),
      ...edge.map((v) => emp(v)),
    ];
    const prior: PriorState = {
      employees: {
        ...Object.fromEntries(employees.map((e) => [e.values.工号!, { 个税年度: "2026" }])),
        ...STATE.employees,
      },
    };
    const policies = [
      POLICY,
      withParam("系数相乘", "true", "false"),
      withParam("津贴按出勤折算", "true", "false"),
      withParam("不佳降薪比例", "10%", "0%"),
    ];
    for (const policy of policies) {
      const fp = (mode: "batch" | "scalar") => {
        const res = runPayroll(policy, { period: "2026-10", employees, prior, mode });
        if (!res.ok) throw new Error(res.problem.zh);
        return [
          res.run.employees.map((_e, i) => {
            const p = getPayslip(res.run, i);
            return [p.lines.map((l) => `${l.name}=${l.value.toString()}`), formatEmployeeError(res.run, i)];
          }),
          listWarnings(res.run).map((w) => `${w.工号} ${w.zh}`),
          res.run.nextState,
        ];
      };
      expect(fp("batch")).toEqual(fp("scalar"));
    }
  });
});
