/**
 * Golden tests for the 客服部制度（四职等 · 21.75 天折算 · 扣分考核） template. Every expected value is worked out by
 * hand in the comment next to it. Unless a case says otherwise: period 2026-10 (18 workdays, 3 statutory holidays,
 * so a whole month's 本月工作日 + 本月法定节假日 = 21), an 初级客服 hired 2025-03-01 (月基本薪资 4800, example), employed
 * all month, 考核基础分 100 and no deductions (绩效得分 100 → 上浮 200), 缴费基数 8000.
 * 21.75 proration: PRORATE(x, "出勤", d) = x × d ÷ 21.75, capped at x.
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
import { compileTemplate, editPolicy, slipLine as line } from "../template-test-kit.js";

const POLICY_TEXT = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const SAMPLE_TEXT = readFileSync(new URL("./sample.csv", import.meta.url), "utf8");
const STATE = JSON.parse(
  readFileSync(new URL("./state-2026-09.json", import.meta.url), "utf8"),
) as PriorState;

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

const variantText = (...edits: [string, string][]): string => editPolicy(POLICY_TEXT, ...edits);
const variant = (...edits: [string, string][]) => compile(variantText(...edits));

/** Sets a parameter written as `  名称:\n    value: x\n`. */
const withParam = (name: string, from: string, to: string) =>
  variant([`  ${name}:\n    value: ${from}\n`, `  ${name}:\n    value: ${to}\n`]);

type Row = Record<string, string>;
let seq = 0;

function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      职级: "初级客服",
      入职日期: "2025-03-01",
      缴费基数: "8000",
      ...values,
    },
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy; mode?: "batch" | "scalar" } = {},
): PayrollRun {
  // Everyone gets an empty 2026 tax ledger unless the prior state gives one (no ledger is an error from February).
  const prior: PriorState = {
    ...opts.prior,
    employees: Object.fromEntries(
      employees.map((e) => {
        const id = e.values.工号 ?? "";
        return [id, { 个税年度: "2026", ...opts.prior?.employees?.[id] }];
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

/** One employee alone, with an optional prior state of their own; returns the run. */
function one(values: Row, opts: { policy?: CompiledPolicy; prior?: Row; period?: string } = {}): PayrollRun {
  const e = emp(values);
  return run([e], {
    ...(opts.policy ? { policy: opts.policy } : {}),
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.prior ? { prior: { employees: { [e.values.工号!]: opts.prior } } } : {}),
  });
}

const solo = (
  values: Row,
  names: string[],
  opts: { policy?: CompiledPolicy; prior?: Row; period?: string } = {},
) => names.map((n) => line(one(values, opts), 0, n));

const checksOf = (r: PayrollRun) => listWarnings(r).map((w) => w.check);

describe("dept-4tier-2175 policy", () => {
  it("compiles without errors; the checker flags exactly the rule that turns misconduct into lost pay", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    expect(r.problems.every((p) => p.code === "LABOR" && p.ref?.zh)).toBe(true);
    const findings = lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!);
    // “多次违反者直接开除无任何工资”: 基本薪资 and 绩效薪资 are 0 in the month of the third violation — wages for
    // work already done are withheld (a fine: 工资支付暂行规定 art. 15, no employer fines since 国务院令第516号),
    // and with nothing paid the month falls below Shanghai's 2740 minimum (最低工资规定 art. 12). One "fine" and
    // one "min-wage" per item. 月度奖金 (a bonus) is also 0 then but is not wages for work done: no warning.
    // The score deductions (迟到 −3/−10, 漏签 −2, 投诉 −10 …) only lower 绩效得分 and so the variable 100–200 上浮:
    // no warning. No other rule applies: PRORATE ÷ 21.75, 试用客服 4200 = 87.5% of 初级客服 4800.
    expect(findings.map((f) => `${f.rule} ${f.problem.at?.line}`)).toEqual([
      `min-wage ${lineOf("  - name: 基本薪资") + 3}`,
      `fine ${lineOf("  - name: 基本薪资") + 3}`,
      `min-wage ${lineOf("  - name: 绩效薪资") + 3}`,
      `fine ${lineOf("  - name: 绩效薪资") + 3}`,
    ]);
    expect(findings[1]?.problem.zh).toContain("“基本薪资”在“违规开除”时为 0");
    expect(findings[3]?.problem.zh).toContain("“绩效薪资”在“违规开除”时为 0");
    expect(r.compiled?.doc.seedSection).toBe("客服部制度(优秀范文8篇)");
    expect(r.compiled?.doc.payDay).toBe(15); // “当月工资在次月15日发放”
    expect(r.compiled?.doc.payCycle).toBe("月");
  });

  it("without the dismissal rule nothing is flagged: score deductions are not fines", () => {
    // the three items' "IF(违规开除, 0, …)" guards replaced by IF(FALSE, 0, …); everything else unchanged
    const text = POLICY_TEXT.replaceAll("IF(违规开除, 0,", "IF(FALSE, 0,");
    expect(text.split("IF(FALSE, 0,").length).toBe(4);
    expect(lintPolicyDetailed(loadPolicyText(text, "policy.yaml").policy!)).toEqual([]);
  });

  it("marks the values the seed leaves open as examples, not the ones it gives", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of ["绩效薪资基数", "绩效上浮起点分", "绩效上浮封顶分", "多次违反次数"])
      expect(params[p]?.example, p).toBe(true);
    expect(POLICY.doc.tables.月基本薪资?.example).toBe(true);
    for (const p of [
      "迟到15分钟扣分",
      "迟到30分钟扣分",
      "漏签扣分",
      "投诉扣分",
      "中级月均业绩",
      "绩效上浮最高",
    ])
      expect(params[p]?.example, p).toBeUndefined();
    const d = POLICY.doc.description;
    for (const s of [
      "示例值",
      "state",
      "晋升候选",
      "法律风险",
      "请假折算起算天数",
      "绩效上浮按分数线性",
      "上海",
    ])
      expect(d).toContain(s);
  });
});

function lineOf(text: string): number {
  const i = POLICY_TEXT.split("\n").indexOf(text);
  expect(i, text).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe("基本薪资 by grade (表1-1, example amounts), whole month", () => {
  it.each([
    ["试用客服", "4200.00"],
    ["初级客服", "4800.00"],
    ["中级客服", "5500.00"],
    ["高级客服", "6500.00"],
  ])("%s → %s", (grade, expected) => {
    expect(solo({ 职级: grade }, ["基本薪资"])).toEqual([expected]);
  });

  it("a blank or unknown grade is an error", () => {
    const r = run([emp({ 职级: "" }), emp({ 职级: "资深客服" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("职级");
    expect(getPayslip(r, 1).error?.zh).toContain("资深客服");
    expect(line(r, 2, "基本薪资")).toBe("4800.00");
  });
});

describe("纪律扣分 (篇2) lowers 绩效得分; 绩效薪资 = 上浮 100 at 80+, 200 at 90+", () => {
  it.each([
    // [case, inputs, 纪律扣分, 绩效得分, 绩效薪资]
    ["nothing", {}, "0.00", "100.00", "200.00"],
    ["迟到15–30 × 1 → 3", { 迟到15至30分钟次数: "1" }, "3.00", "97.00", "200.00"],
    ["迟到15–30 × 4 → 12", { 迟到15至30分钟次数: "4" }, "12.00", "88.00", "100.00"],
    ["迟到30+ × 1 → 10 (score exactly 90)", { 迟到30分钟以上次数: "1" }, "10.00", "90.00", "200.00"],
    ["迟到30+ × 2 → 20 (score exactly 80)", { 迟到30分钟以上次数: "2" }, "20.00", "80.00", "100.00"],
    ["漏签 × 1 → 2", { 漏签次数: "1" }, "2.00", "98.00", "200.00"],
    ["漏签 × 11 → 22 (78 < 80)", { 漏签次数: "11" }, "22.00", "78.00", "0.00"],
    ["投诉 × 1 → 10", { 客人投诉次数: "1" }, "10.00", "90.00", "200.00"],
    ["团结协作 × 1 → 30 (first time: no dismissal)", { 团结协作违规次数: "1" }, "30.00", "70.00", "0.00"],
    ["索要财物 × 1 → 20", { 索要财物违规次数: "1" }, "20.00", "80.00", "100.00"],
    ["仪容仪表 × 3 → 15", { 仪容仪表违规次数: "3" }, "15.00", "85.00", "100.00"],
    // 3 + 10 + 2 + 10 + 5 = 30 → 70 → 0
    [
      "one of each except 团结协作/索要",
      {
        迟到15至30分钟次数: "1",
        迟到30分钟以上次数: "1",
        漏签次数: "1",
        客人投诉次数: "1",
        仪容仪表违规次数: "1",
      },
      "30.00",
      "70.00",
      "0.00",
    ],
    ["考核基础分 95 − 漏签 3 × 2 = 89", { 考核基础分: "95", 漏签次数: "3" }, "6.00", "89.00", "100.00"],
    ["考核基础分 95 − 仪容 5 = 90", { 考核基础分: "95", 仪容仪表违规次数: "1" }, "5.00", "90.00", "200.00"],
    ["考核基础分 79.5 → 0", { 考核基础分: "79.5" }, "0.00", "79.50", "0.00"],
    // 索要 × 6 = 120 → the item and the total are capped at 100 → score 0
    ["索要财物 × 6 → capped at 100", { 索要财物违规次数: "6" }, "100.00", "0.00", "0.00"],
    // 50 − 100 → score floored at 0
    ["考核基础分 50, 迟到30+ × 10", { 考核基础分: "50", 迟到30分钟以上次数: "10" }, "100.00", "0.00", "0.00"],
  ] as [string, Row, string, string, string][])("%s", (_case, inputs, points, score, perf) => {
    expect(solo(inputs, ["本月纪律扣分", "本月绩效得分", "绩效薪资"])).toEqual([points, score, perf]);
  });

  it("deductions never touch 基本薪资 or 月度奖金", () => {
    // 30 points off: 基本 4800, 绩效 0, 奖金 300 as entered
    expect(solo({ 客人投诉次数: "3", 月度奖金金额: "300" }, ["基本薪资", "绩效薪资", "月度奖金"])).toEqual([
      "4800.00",
      "0.00",
      "300.00",
    ]);
  });

  it.each([
    ["迟到15至30分钟次数", "-1"],
    ["漏签次数", "1.5"],
    ["考核基础分", "101"],
  ])("%s = %j is that employee's error", (column, value) => {
    expect(getPayslip(one({ [column]: value }), 0).error?.item).toBe(column);
  });

  it("param 绩效上浮按分数线性 = true: 100 at 80, linear to 200 at 90", () => {
    const p = withParam("绩效上浮按分数线性", "false", "true");
    for (const [score, expected] of [
      ["79.99", "0.00"], // below 80 → 0
      ["80", "100.00"], // 100 + 100 × 0 / 10
      ["83.33", "133.30"], // 100 + 100 × 3.33 / 10 = 133.30
      ["85", "150.00"], // 100 + 100 × 5 / 10
      ["87.5", "175.00"], // 100 + 100 × 7.5 / 10
      ["90", "200.00"], // 100 + 100 = 200
      ["95", "200.00"], // capped at 200
    ] as [string, string][])
      expect(solo({ 考核基础分: score }, ["绩效薪资"], { policy: p }), score).toEqual([expected]);
  });

  it("param 绩效薪资基数 = 300: 300 + 上浮", () => {
    const p = withParam("绩效薪资基数", "0", "300");
    expect(solo({ 考核基础分: "95" }, ["绩效薪资"], { policy: p })).toEqual(["500.00"]); // 300 + 200
    expect(solo({ 考核基础分: "60" }, ["绩效薪资"], { policy: p })).toEqual(["300.00"]); // 300 + 0
  });
});

describe("part months: × 实际工作日 ÷ 21.75", () => {
  it.each([
    // 试用客服 hired 10-12, 15 days: 4200 × 15 ÷ 21.75 = 2896.5517 → 2896.55; 200 × 15 ÷ 21.75 = 137.93
    ["月中入职", { 职级: "试用客服", 入职日期: "2026-10-12", 实际工作日: "15" }, ["2896.55", "137.93"]],
    // leaves 10-20, 13 days (10 workdays + 3 holidays): 4800 × 13 ÷ 21.75 = 2868.9655 → 2868.97; 200 → 119.54
    ["中途离职", { 离职日期: "2026-10-20", 实际工作日: "13" }, ["2868.97", "119.54"]],
    // 请假 3 days, whole month, 实际工作日 blank → 18 + 3 − 3 = 18: 中级 5500 × 18 ÷ 21.75 = 4551.7241 →
    //   4551.72; 200 × 18 ÷ 21.75 = 165.5172 → 165.52
    ["请假 3 天（实际工作日推算 18）", { 职级: "中级客服", 请假天数: "3" }, ["4551.72", "165.52"]],
    // 实际工作日 filled 17 wins: 5500 × 17 ÷ 21.75 = 4298.8506 → 4298.85; 200 × 17 ÷ 21.75 = 156.3218 → 156.32
    [
      "请假 3 天，实际工作日 17",
      { 职级: "中级客服", 请假天数: "3", 实际工作日: "17" },
      ["4298.85", "156.32"],
    ],
    // half a day of leave reaches the 0.5-day threshold: 21 − 0.5 = 20.5 → 4800 × 20.5 ÷ 21.75 = 4524.1379 →
    //   4524.14; 200 × 20.5 ÷ 21.75 = 188.5057 → 188.51
    ["请假半天", { 请假天数: "0.5" }, ["4524.14", "188.51"]],
    // 22 days > 21.75 → capped at the month: 4200, 200
    [
      "实际工作日 22 → capped",
      { 职级: "试用客服", 入职日期: "2026-10-02", 实际工作日: "22" },
      ["4200.00", "200.00"],
    ],
    // 31 days of leave: MAX(0, 21 − 31) = 0 → 0, 0
    ["请假 31 天", { 请假天数: "31" }, ["0.00", "0.00"]],
    // hired on the 1st / leaving on the last day: whole month, 实际工作日 not needed
    ["入职 10-01", { 入职日期: "2026-10-01" }, ["4800.00", "200.00"]],
    ["离职 10-31", { 离职日期: "2026-10-31" }, ["4800.00", "200.00"]],
  ] as [string, Row, string[]][])("%s", (_case, values, expected) => {
    expect(solo(values, ["基本薪资", "绩效薪资"])).toEqual(expected);
  });

  it("November 2026 (21 workdays, no holiday), 请假 2 → 19 days", () => {
    // 5500 × 19 ÷ 21.75 = 4804.5977 → 4804.60; 200 × 19 ÷ 21.75 = 174.7126 → 174.71
    expect(
      solo({ 职级: "中级客服", 请假天数: "2" }, ["基本薪资", "绩效薪资"], { period: "2026-11" }),
    ).toEqual(["4804.60", "174.71"]);
  });

  it("月度奖金 is not prorated", () => {
    expect(solo({ 离职日期: "2026-10-20", 实际工作日: "13", 月度奖金金额: "500" }, ["月度奖金"])).toEqual([
      "500.00",
    ]);
  });

  it("a mid-month hire or leaver without 实际工作日 is that employee's error", () => {
    const r = run([emp({ 入职日期: "2026-10-12" }), emp({ 离职日期: "2026-10-20" }), emp()]);
    expect(formatEmployeeError(r, 0)).toContain("请填写“实际工作日”");
    expect(formatEmployeeError(r, 1)).toContain("请填写“实际工作日”");
    expect(line(r, 2, "基本薪资")).toBe("4800.00");
  });

  it("param 绩效薪资按比例折算 = false: 绩效 not prorated", () => {
    const p = withParam("绩效薪资按比例折算", "true", "false");
    expect(
      solo({ 离职日期: "2026-10-20", 实际工作日: "13" }, ["基本薪资", "绩效薪资"], { policy: p }),
    ).toEqual(["2868.97", "200.00"]);
  });

  it("param 请假折算起算天数 = 5: shorter leave is not prorated, 5 days is", () => {
    const p = withParam("请假折算起算天数", "0.5", "5");
    expect(solo({ 职级: "中级客服", 请假天数: "3" }, ["基本薪资"], { policy: p })).toEqual(["5500.00"]);
    // 21 − 5 = 16: 5500 × 16 ÷ 21.75 = 4045.9770 → 4045.98
    expect(solo({ 职级: "中级客服", 请假天数: "5" }, ["基本薪资"], { policy: p })).toEqual(["4045.98"]);
  });
});

describe("“多次违反者直接开除无任何工资” (团结协作违规, 3 times, counted since hire)", () => {
  it.each([
    // [prior 累计, this month, dismissed]
    ["2", "1", true], // 2 + 1 = 3 ≥ 3 in a month with a new violation
    ["2", "0", false], // no new violation this month
    ["0", "3", true], // three in one month
    ["0", "2", false], // 2 < 3
    ["5", "1", true], // 6 ≥ 3
  ])("prior %s + this month %s → dismissed %s", (prior, now, dismissed) => {
    const r = one({ 团结协作违规次数: now, 月度奖金金额: "300" }, { prior: { 团结协作违规累计: prior } });
    const pay = ["基本薪资", "绩效薪资", "月度奖金"].map((n) => line(r, 0, n));
    // 30 points per violation: 1 → 70, 2 → 40, 3 → 10; 绩效 0 in every case with a violation
    expect(pay).toEqual(
      dismissed ? ["0.00", "0.00", "0.00"] : ["4800.00", now === "0" ? "200.00" : "0.00", "300.00"],
    );
    expect(checksOf(r).includes("违规开除停发工资")).toBe(dismissed);
    expect(r.nextState.employees?.[r.employees[0]!.values.工号!]?.团结协作违规累计).toBe(
      String(Number(prior) + Number(now)),
    );
  });

  it("names the count, and the run warns that the month is below the minimum and net pay is negative", () => {
    const r = one({ 团结协作违规次数: "1" }, { prior: { 团结协作违规累计: "2" } });
    const w = listWarnings(r);
    // 0 gross; Shanghai SI/HF on 8000: 640 + 160 + 40 + 560 = 1400 → 实发 −1400
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("-1400.00");
    expect(w.map((x) => x.check)).toEqual(["违规开除停发工资", "低于最低工资", "实发工资为负"]);
    expect(w[0]?.zh).toContain("团结协作违规累计 3 次");
    expect(w[0]?.ref).toContain("《劳动法》第五十条");
  });

  it("param 多次违反累计计算 = false: only this month's violations count", () => {
    const p = withParam("多次违反累计计算", "true", "false");
    expect(
      solo({ 团结协作违规次数: "1" }, ["基本薪资"], { policy: p, prior: { 团结协作违规累计: "2" } }),
    ).toEqual(["4800.00"]);
    expect(solo({ 团结协作违规次数: "3" }, ["基本薪资"], { policy: p })).toEqual(["0.00"]);
  });

  it("param 多次违反次数 = 2", () => {
    const p = variant(["  多次违反次数:\n    value: 3\n", "  多次违反次数:\n    value: 2\n"]);
    expect(
      solo({ 团结协作违规次数: "1" }, ["基本薪资"], { policy: p, prior: { 团结协作违规累计: "1" } }),
    ).toEqual(["0.00"]);
  });
});

describe("promotion candidates (checks), from averages carried in state", () => {
  const trainee: Row = { 职级: "试用客服", 入职日期: "2026-08-03", 转正日期: "2026-10-03" };
  const traineePrior: Row = {
    考核职级: "试用客服",
    累计考核月数: "2",
    累计绩效得分: "170",
    前三月成交单数: "1",
  };

  it.each([
    // [case, inputs, prior, candidate]; 月均 = (prior sum + this month) ÷ (prior months + 1)
    ["转正, 1 单, (170 + 100) ÷ 3 = 90", {}, {}, true],
    ["转正 after the period end", { 转正日期: "2026-11-03" }, {}, false],
    ["no 转正日期", { 转正日期: "" }, {}, false],
    ["转正 on the period's last day", { 转正日期: "2026-10-31" }, {}, true],
    // no earlier deal; this month's deal counts: MONTHS(08-03, 10-01) = 1 < 3
    ["deal this month, within months 1–3", { 本月成交单数: "1" }, { 前三月成交单数: "0" }, true],
    ["no deal at all", {}, { 前三月成交单数: "0" }, false],
    // hired 07-01: MONTHS(07-01, 10-01) = 3 → October is not within the first three months
    [
      "deal in month 4 does not count",
      { 入职日期: "2026-07-01", 本月成交单数: "1" },
      { 前三月成交单数: "0" },
      false,
    ],
    // hired 07-02: MONTHS(07-02, 10-01) = 2 → still within
    ["deal in month 3 counts", { 入职日期: "2026-07-02", 本月成交单数: "1" }, { 前三月成交单数: "0" }, true],
    // (160 + 80) ÷ 3 = 80 → ≥ 80
    ["average exactly 80", { 考核基础分: "80" }, { 累计绩效得分: "160" }, true],
    // (159 + 80) ÷ 3 = 79.67 → no
    ["average 79.67", { 考核基础分: "80" }, { 累计绩效得分: "159" }, false],
    // a 初级客服 is not a candidate for 初级
    ["already 初级客服", { 职级: "初级客服" }, {}, false],
  ] as [string, Row, Row, boolean][])("试用客服 → 初级客服: %s", (_case, inputs, prior, candidate) => {
    const r = one({ ...trainee, ...inputs }, { prior: { ...traineePrior, ...prior } });
    expect(checksOf(r).includes("晋升候选：初级客服")).toBe(candidate);
  });

  it("the 初级 message names the reasons", () => {
    const r = one({ ...trainee, 漏签次数: "1" }, { prior: traineePrior });
    // (170 + 98) ÷ 3 = 89.33
    expect(listWarnings(r)[0]?.zh).toBe(
      "符合晋升初级客服的条件：已于 2026-10-03 转正，入职 1–3 个月期间成交 1 单，月均绩效得分 89.33（3 个月）；经审批后请在下月“职级”列改为初级客服",
    );
  });

  const junior: Row = { 本月业绩: "5000", 新增有效意向客户数: "100" };
  const juniorPrior: Row = {
    考核职级: "初级客服",
    累计考核月数: "3",
    累计业绩: "19000",
    意向客户未达标月数: "0",
  };

  it.each([
    // (19000 + 5000) ÷ 4 = 6000 ≥ 6000, every month ≥ 100
    ["average 6000, 100 leads", {}, {}, true],
    ["99 leads this month", { 新增有效意向客户数: "99" }, {}, false],
    // (19000 + 4999.96) ÷ 4 = 5999.99
    ["average 5999.99", { 本月业绩: "4999.96" }, {}, false],
    ["an earlier month under 100 leads", {}, { 意向客户未达标月数: "1" }, false],
    // the grade changed (state says 试用客服): sums restart with this month: 6000 ÷ 1, the old 未达标 is dropped
    [
      "first month in the grade",
      { 本月业绩: "6000" },
      { 考核职级: "试用客服", 意向客户未达标月数: "3" },
      true,
    ],
    ["first month in the grade, 5999", { 本月业绩: "5999" }, { 考核职级: "试用客服" }, false],
    ["a 中级客服 is not a candidate", { 职级: "中级客服" }, {}, false],
  ] as [string, Row, Row, boolean][])("初级客服 → 中级客服: %s", (_case, inputs, prior, candidate) => {
    const r = one({ ...junior, ...inputs }, { prior: { ...juniorPrior, ...prior } });
    expect(checksOf(r).includes("晋升候选：中级客服")).toBe(candidate);
  });

  it("carries the running sums, and restarts them when the grade changes", () => {
    const same = one(
      { 工号: "S1", ...junior, 考核基础分: "90" },
      { prior: { ...juniorPrior, 累计绩效得分: "270" } },
    );
    expect(same.nextState.employees?.S1).toMatchObject({
      考核职级: "初级客服",
      累计考核月数: "4", // 3 + 1
      累计业绩: "24000", // 19000 + 5000
      累计绩效得分: "360", // 270 + 90
      意向客户未达标月数: "0",
    });
    const moved = one(
      { 工号: "S2", ...junior, 职级: "中级客服" },
      { prior: { ...juniorPrior, 累计绩效得分: "270" } },
    );
    expect(moved.nextState.employees?.S2).toMatchObject({
      考核职级: "中级客服",
      累计考核月数: "1",
      累计业绩: "5000",
      累计绩效得分: "100",
    });
  });

  it("chains over three months: hired 09-07, 转正 11-07, a deal in October", () => {
    const base: Row = { 工号: "C1", 职级: "试用客服", 入职日期: "2026-09-07", 转正日期: "2026-11-07" };
    // Sep: part month (16 days), score 85; Oct: score 75, one deal; Nov: score 88 → (85 + 75 + 88) ÷ 3 = 82.67
    const sep = run([emp({ ...base, 实际工作日: "16", 考核基础分: "85" })], { period: "2026-09" });
    expect(checksOf(sep)).toEqual([]); // not yet 转正, no deal
    const oct = run([emp({ ...base, 考核基础分: "75", 本月成交单数: "1" })], { prior: sep.nextState });
    expect(checksOf(oct)).toEqual([]); // 转正 11-07 is after October
    const nov = run([emp({ ...base, 考核基础分: "88" })], { period: "2026-11", prior: oct.nextState });
    expect(checksOf(nov)).toEqual(["晋升候选：初级客服"]);
    expect(listWarnings(nov)[0]?.zh).toContain("成交 1 单，月均绩效得分 82.67（3 个月）");
    // a grade review rule: HR confirms the candidate, and 初级客服 takes effect the next period
    expect(listWarnings(nov)[0]?.grade).toEqual({ kind: "晋升", to: "初级客服" });
    // promoted in December: sums restart, the first-months deal count stays
    const dec = run([emp({ ...base, 职级: "初级客服" })], { period: "2026-12", prior: nov.nextState });
    expect(dec.nextState.employees?.C1).toMatchObject({
      考核职级: "初级客服",
      累计考核月数: "1",
      前三月成交单数: "1",
    });
  });
});

describe("statutory lines (上海)", () => {
  it("social insurance and housing fund on the 缴费基数; tax by cumulative withholding", () => {
    // 4800 + 200 = 5000; 8000 × 8% / 2% / 0.5% = 640 / 160 / 40, 公积金 560; 个税: 5000 − 50000 − 1400 < 0 → 0
    const r = one({});
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["640.00", "160.00", "40.00", "560.00", "0.00"]);
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("3600.00");
  });

  it("a blank 缴费基数 is an error", () => {
    expect(formatEmployeeError(one({ 缴费基数: "" }), 0)).toContain("缴费基数");
  });
});

describe("explanations", () => {
  it("every line has a description; 绩效薪资 explains the score and its deductions", () => {
    const r = one({ 漏签次数: "1", 迟到15至30分钟次数: "1" });
    const ex = explainPayslip(r, 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    const d = (n: string) => ex.details.find((x) => x.name === n);
    expect(d("绩效得分")?.value).toBe("95"); // 100 − 3 − 2
    expect(d("漏签扣分合计")?.description).toContain("漏签每次扣 2 分");
    expect(ex.lines.find((l) => l.name === "绩效薪资")?.value).toBe("200.00");
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

  it("has the built-in fields and every input as headers, and covers every grade", () => {
    const header = Object.keys(employees[0]!.values);
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [
      "工号",
      "姓名",
      "入职日期",
      "转正日期",
      "离职日期",
      ...Object.keys(own),
      "缴费基数",
      "专项附加扣除",
    ])
      expect(header).toContain(f);
    expect(new Set(employees.map((e) => e.values.职级)).size).toBe(4);
  });

  it("computes with no errors", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
  });

  it.each([
    // [工号, 基本薪资, 绩效薪资, 月度奖金, 个人所得税, 实发工资]
    // D01 试用 4200; 漏签 → 98 → 200; floor 7546: 603.68 + 150.92 + 37.73 + 528 = 1320.33; 个税 0; 4400 − 1320.33
    ["D01", "4200.00", "200.00", "0.00", "0.00", "3079.67"],
    // D02 初级 4800; 迟到15 → 97 → 200; 奖金 300; 8000 → 1400; 个税 0 (50300 − 50000 − 14000 < 0); 3900
    ["D02", "4800.00", "200.00", "300.00", "0.00", "3900.00"],
    // D03 迟到30 + 投诉 = 20 → 80 → 100; 4900 − 1320.33 = 3579.67
    ["D03", "4800.00", "100.00", "0.00", "0.00", "3579.67"],
    // D04 中级 5500; 索要 20 + 仪容 2 × 5 = 30 → 70 → 0; 9000 → 720 + 180 + 45 + 630 = 1575; 3925
    ["D04", "5500.00", "0.00", "0.00", "0.00", "3925.00"],
    // D05 高级 6500; 95 − 3 × 2 = 89 → 100; 奖金 800; 7400; 12000 → 960 + 240 + 60 + 840 = 2100;
    //   个税: 79400 − 50000 − 21000 = 8400 × 3% = 252 − 243 = 9; 7400 − 2100 − 9 = 5291
    ["D05", "6500.00", "100.00", "800.00", "9.00", "5291.00"],
    // D06 hired 10-12, 15 days: 2896.55 + 137.93 = 3034.48 − 1320.33 = 1714.15
    ["D06", "2896.55", "137.93", "0.00", "0.00", "1714.15"],
    // D07 leaves 10-20, 13 days: 2868.97 + 119.54 = 2988.51 − 1320.33 = 1668.18
    ["D07", "2868.97", "119.54", "0.00", "0.00", "1668.18"],
    // D08 中级, 请假 3 → 18 days: 4551.72 + 165.52 = 4717.24 − 1400 = 3317.24
    ["D08", "4551.72", "165.52", "0.00", "0.00", "3317.24"],
    // D09 third 团结协作 violation (2 + 1): everything 0; −1320.33
    ["D09", "0.00", "0.00", "0.00", "0.00", "-1320.33"],
    // D10 试用, 考核基础分 95 → 200; 4400 − 1320.33
    ["D10", "4200.00", "200.00", "0.00", "0.00", "3079.67"],
  ])("%s", (id, base, perf, bonus, tax, net) => {
    const i = at(id);
    expect(["基本薪资", "绩效薪资", "月度奖金", "个人所得税"].map((n) => line(r, i, n))).toEqual([
      base,
      perf,
      bonus,
      tax,
    ]);
    expect(getPayslip(r, i).net.toFixed(2)).toBe(net);
  });

  it("warnings: D01 and D02 are promotion candidates, D09 is dismissed without pay; D03 and D10 are not", () => {
    // D01 (170 + 98) ÷ 3 = 89.33, 转正 10-03, 1 deal; D02 (19000 + 7000) ÷ 4 = 6500, 120 leads;
    // D03 90 leads < 100; D10 not yet 转正
    expect(listWarnings(r).map((w) => `${w.工号} ${w.check}`)).toEqual([
      "D01 晋升候选：初级客服",
      "D02 晋升候选：中级客服",
      "D09 违规开除停发工资",
      "D09 低于最低工资",
      "D09 实发工资为负",
    ]);
  });

  it("carries the running sums to November", () => {
    const next = r.nextState.employees!;
    expect(next.D01).toMatchObject({ 累计考核月数: "3", 累计绩效得分: "268", 前三月成交单数: "1" });
    expect(next.D02).toMatchObject({ 累计考核月数: "4", 累计业绩: "26000", 累计绩效得分: "382" });
    expect(next.D03).toMatchObject({ 意向客户未达标月数: "1" });
    expect(next.D09).toMatchObject({ 团结协作违规累计: "3" });
    expect(next.D06).toMatchObject({ 考核职级: "试用客服", 累计考核月数: "1", 累计绩效得分: "100" });
  });

  it("register total 实发 = 28234.25", () => {
    // 3079.67 + 3900 + 3579.67 + 3925 + 5291 + 1714.15 + 1668.18 + 3317.24 − 1320.33 + 3079.67
    const cents = employees.reduce(
      (s, _e, i) => s + Math.round(Number(getPayslip(r, i).net.toFixed(2)) * 100),
      0,
    );
    expect(cents).toBe(2823425);
  });

  it("batch and row-by-row evaluators agree (sample, edge rows, warnings, next state)", () => {
    const edge = [
      emp({ 入职日期: "2026-10-12" }), // error: no 实际工作日
      emp({ 请假天数: "31" }),
      emp({ 团结协作违规次数: "3" }),
      emp({ 索要财物违规次数: "6", 考核基础分: "50" }),
      emp({ 职级: "试用客服", 入职日期: "2026-09-01", 转正日期: "2026-10-01", 本月成交单数: "1" }),
    ];
    const all = [...employees, ...edge];
    for (const policy of [POLICY, withParam("绩效上浮按分数线性", "false", "true")]) {
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
