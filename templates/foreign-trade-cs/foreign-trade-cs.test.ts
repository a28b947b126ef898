/**
 * Golden tests for the 外贸客服绩效考核 template. Every expected value is worked out by hand in the comment next to
 * it. Unless a case says otherwise: period 2026-10 (31 calendar days), a formal salesperson (入职 2024-01-02, 转正
 * 2024-04-01) with 学历 本科 (学历工资 400) and the example 岗位工资 4000, 缴费基数 8000, no attendance events
 * (出勤表现 30), 其他行为得分 and 业绩得分 0 → 考核得分 30, which fails (< 60), so 绩效工资 0.
 * Shanghai employer cost on a base of 8000: 养老 16% 1280 + 医疗 9% 720 + 失业 0.5% 40 + 工伤 0.2% 16 + 公积金 7% 560
 * = 2616.00, so the default 个人月开支 = 4000 + 400 + 0 + 0 + 2616 = 7016.00.
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
import { compileTemplate, editParam, slipLine as line } from "../template-test-kit.js";

const POLICY_TEXT = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const SAMPLE_TEXT = readFileSync(new URL("./sample.csv", import.meta.url), "utf8");
const SAMPLE_STATE = JSON.parse(
  readFileSync(new URL("./state-2026-09.json", import.meta.url), "utf8"),
) as PriorState;

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

const withParam = (name: string, from: string, to: string): CompiledPolicy =>
  compile(editParam(POLICY_TEXT, name, from, to));

type Row = Record<string, string>;
let seq = 0;

/** A formal salesperson (see the file comment), overridden by `values`. */
function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      入职日期: "2024-01-02",
      转正日期: "2024-04-01",
      学历: "本科",
      缴费基数: "8000",
      ...values,
    },
  };
}

/** Prior state of the given employees: an empty 2026 tax ledger plus `extra` for each of them. */
function ledgers(employees: EmployeeInput[], extra: Record<string, string> = {}): PriorState {
  return {
    employees: Object.fromEntries(
      employees.map((e) => [e.values.工号 ?? "", { 个税年度: "2026", ...extra }]),
    ),
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy; mode?: "batch" | "scalar" } = {},
): PayrollRun {
  const base = ledgers(employees);
  const prior: PriorState = {
    ...opts.prior,
    employees: Object.fromEntries(
      Object.entries({ ...base.employees, ...opts.prior?.employees }).map(([id, v]) => [
        id,
        { ...base.employees?.[id], ...v },
      ]),
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

/** Runs one employee alone and reads one line. */
function solo(values: Row, name: string, policy?: CompiledPolicy): string {
  return line(run([emp(values)], policy ? { policy } : {}), 0, name);
}

/** The check names that fired for employee i. */
const fired = (r: PayrollRun, i: number) => listWarnings(r, { index: i }).map((w) => w.check);

const nextOf = (r: PayrollRun, i: number) => r.nextState.employees?.[r.employees[i]!.values.工号 ?? ""] ?? {};

describe("foreign-trade-cs policy", () => {
  it("compiles without errors and the checker gives exactly the expected LABOR warnings", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    expect(r.compiled?.doc.id).toBe("foreign-trade-cs");
    expect(r.compiled?.doc.seedSection).toBe("外贸客服绩效考核");
    expect(r.compiled?.doc.payDay).toBe(10);
    const loaded = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!;
    const findings = lintPolicyDetailed(loaded);
    // Both on the 绩效工资 item, IF(考核及格, …, 0):
    // - "fine" (stoppedPay): 绩效工资 is named like core pay (工资) and is 0 when 考核及格 is false, and 考核及格 depends
    //   on 旷工天数 / 迟到早退次数 through the 出勤表现 score. Expected and kept: one half-day absence zeroes 出勤表现
    //   and can push the score under 60, stopping the whole 1000 (the description lists this risk). The wording
    //   "停发整月工资" overstates it — only the variable performance pay stops, which the rule's own remedy allows.
    // - "min-wage" (minWageAfterDeductions): derived from the "fine" finding: a reduction of an earning with no floor.
    //   Over-cautious here (岗位工资 4000 alone stays above 2740), but worded as a possibility ("可能").
    const perfLine = POLICY_TEXT.split("\n").findIndex((l) => l.includes("formula: IF(考核及格, MIN(")) + 1;
    expect(findings.map((f) => `${f.rule} ${f.problem.at?.line}`)).toEqual([
      `min-wage ${perfLine}`,
      `fine ${perfLine}`,
    ]);
    expect(findings[0]!.problem.zh).toContain("“绩效工资”的减发没有保底");
    expect(findings[1]!.problem.zh).toContain("“绩效工资”在“考核及格”时为 0");
    // No probation warning: 试用期 only loses 效益奖 (a bonus); no sick-pay warning: sick days cost points, not pay;
    // no base-pay minimum warning: 岗位工资标准 4000 ≥ 2740.
    expect(r.problems.filter((p) => p.code === "LABOR").length).toBe(2);
  });

  it("marks the values the seed leaves open as examples, and only those", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    expect(
      Object.keys(params)
        .filter((p) => params[p]?.example)
        .sort(),
    ).toEqual(["岗位工资标准", "年终奖发放月"].sort());
    expect(POLICY.doc.tables.学历工资标准?.example).toBe(true);
    for (const p of [
      "绩效工资基数",
      "跟单奖金比例",
      "船务奖金比例",
      "效益奖比例",
      "年终奖比例",
      "单人分摊上限",
    ])
      expect(params[p]?.example, p).toBeUndefined();
  });

  it("describes every ambiguity with its switch, and the legal risks", () => {
    const d = POLICY.doc.description;
    for (const s of [
      "示例值",
      "试用期得分折算百分制",
      "转正当月按正式员工",
      "超30分钟迟到按次扣分",
      "超30分钟迟到计入迟到早退次数",
      "请假不足一天按一天计",
      "病假扣分按天累加",
      "销售员数含试用期",
      "单人上限先于减半",
      "个人开支含跟单船务奖金",
      "个人开支含单位社保公积金",
      "效益亏损结转下月",
      "年终奖发放月",
      "不满月按计薪天数折算",
      "按月汇总",
      "法律风险",
      "上海",
    ])
      expect(d, s).toContain(s);
  });
});

describe("基本工资 = 岗位工资 + 学历工资, part months by calendar days (2026-10 has 31 days)", () => {
  it.each([
    // [case, inputs, 岗位工资, 学历工资]
    ["高中及以下, example 岗位工资 4000", { 学历: "高中及以下" }, "4000.00", "0.00"],
    ["大专", { 学历: "大专" }, "4000.00", "200.00"],
    ["本科", {}, "4000.00", "400.00"],
    ["硕士及以上", { 学历: "硕士及以上" }, "4000.00", "600.00"],
    ["own 月岗位工资 5500", { 月岗位工资: "5500" }, "5500.00", "400.00"],
    // 16 days (10-16 … 10-31): 4000 × 16/31 = 2064.516… → 2064.52; 400 × 16/31 = 206.451… → 206.45
    ["hired 10-16", { 入职日期: "2026-10-16", 转正日期: "" }, "2064.52", "206.45"],
    ["hired on the 1st: whole month", { 入职日期: "2026-10-01", 转正日期: "" }, "4000.00", "400.00"],
    ["leaves on the 31st: whole month", { 离职日期: "2026-10-31" }, "4000.00", "400.00"],
    // 10 days: 4000 × 10/31 = 1290.322… → 1290.32; 400 × 10/31 = 129.032… → 129.03
    ["leaves 10-10", { 离职日期: "2026-10-10" }, "1290.32", "129.03"],
    [
      "hired 10-12, leaves 10-21 (10 days)",
      { 入职日期: "2026-10-12", 离职日期: "2026-10-21" },
      "1290.32",
      "129.03",
    ],
  ] as [string, Row, string, string][])("%s", (_case, inputs, post, edu) => {
    const r = run([emp(inputs)]);
    expect([line(r, 0, "岗位工资"), line(r, 0, "学历工资")]).toEqual([post, edu]);
  });

  it("uses the period's calendar days: 2026-11 has 30", () => {
    // hired 11-16 → 15 days: 4000 × 15/30 = 2000.00; 400 × 15/30 = 200.00
    const r = run([emp({ 入职日期: "2026-11-16", 转正日期: "" })], { period: "2026-11" });
    expect([line(r, 0, "岗位工资"), line(r, 0, "学历工资")]).toEqual(["2000.00", "200.00"]);
  });

  it("param 不满月按计薪天数折算 = true: part months by 不满月计薪天数 ÷ 21.75", () => {
    const p = withParam("不满月按计薪天数折算", "false", "true");
    // 4000 × 11 / 21.75 = 2022.988… → 2022.99; 400 × 11 / 21.75 = 202.298… → 202.30
    const r = run([emp({ 入职日期: "2026-10-16", 转正日期: "", 不满月计薪天数: "11" }), emp()], {
      policy: p,
    });
    expect([line(r, 0, "岗位工资"), line(r, 0, "学历工资")]).toEqual(["2022.99", "202.30"]);
    // a whole month needs no 计薪天数
    expect([line(r, 1, "岗位工资"), line(r, 1, "学历工资")]).toEqual(["4000.00", "400.00"]);
    const missing = run([emp({ 入职日期: "2026-10-16", 转正日期: "" })], { policy: p });
    expect(formatEmployeeError(missing, 0)).toContain("须填写“不满月计薪天数”");
  });

  it("a blank or unknown 学历 is an error for that employee only", () => {
    const r = run([emp({ 学历: "" }), emp({ 学历: "博士后" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("学历");
    expect(getPayslip(r, 1).error?.zh).toContain("博士后");
    expect(line(r, 2, "岗位工资")).toBe("4000.00");
  });
});

describe("出勤表现 (30 points, floor 0)", () => {
  it.each([
    // [case, inputs, expected 出勤表现]
    ["no events", {}, "30.00"],
    ["旷工 0.5 day → 0", { 旷工天数: "0.5" }, "0.00"],
    ["旷工 1 day → 0", { 旷工天数: "1" }, "0.00"],
    ["迟到超30分钟 1 → 30 − 2", { 迟到超30分钟次数: "1" }, "28.00"],
    ["迟到超30分钟 3 → 30 − 6", { 迟到超30分钟次数: "3" }, "24.00"],
    ["迟到早退 2 → no deduction", { 迟到早退次数: "2" }, "30.00"],
    ["迟到早退 3 → −1", { 迟到早退次数: "3" }, "29.00"],
    ["迟到早退 4 → −5", { 迟到早退次数: "4" }, "25.00"],
    ["迟到早退 6 → −5", { 迟到早退次数: "6" }, "25.00"],
    ["迟到早退 7 → −10", { 迟到早退次数: "7" }, "20.00"],
    ["迟到早退 9 → −10", { 迟到早退次数: "9" }, "20.00"],
    ["迟到早退 10 → −30", { 迟到早退次数: "10" }, "0.00"],
    ["迟到早退 15 → −30", { 迟到早退次数: "15" }, "0.00"],
    ["事假 0.5 → counts as 1 day → −5", { 事假天数: "0.5" }, "25.00"],
    ["事假 1 → −5", { 事假天数: "1" }, "25.00"],
    ["事假 2 → −10", { 事假天数: "2" }, "20.00"],
    ["事假 3 → −20", { 事假天数: "3" }, "10.00"],
    ["事假 4 → −30", { 事假天数: "4" }, "0.00"],
    ["事假 6 → −30 (4 天 and more)", { 事假天数: "6" }, "0.00"],
    ["病假 1 → 0", { 病假天数: "1" }, "30.00"],
    ["病假 2 → 0 + 2", { 病假天数: "2" }, "28.00"],
    ["病假 3 → 0 + 2 + 3 = 5", { 病假天数: "3" }, "25.00"],
    ["病假 4 → 5 + 4 = 9", { 病假天数: "4" }, "21.00"],
    ["病假 5 → 9 + 5 = 14", { 病假天数: "5" }, "16.00"],
    ["病假 6 → 14 + 7 = 21", { 病假天数: "6" }, "9.00"],
    ["病假 7 → 21 + 9 = 30", { 病假天数: "7" }, "0.00"],
    ["病假 10 → 30 + 3 × 9 = 57, floor 0", { 病假天数: "10" }, "0.00"],
    ["病假 1.5 → counts as 2 days → −2", { 病假天数: "1.5" }, "28.00"],
    // −2 (超30) − 1 (3 次) − 5 (事假 1) − 5 (病假 3) = −13
    ["mixed: 30 − 13", { 迟到超30分钟次数: "1", 迟到早退次数: "3", 事假天数: "1", 病假天数: "3" }, "17.00"],
    // −20 (事假 3) − 9 (病假 4) − 5 (迟到 4) = −34 → floor 0
    ["floor at 0: 30 − 34", { 事假天数: "3", 病假天数: "4", 迟到早退次数: "4" }, "0.00"],
  ] as [string, Row, string][])("%s", (_case, inputs, expected) => {
    expect(solo(inputs, "出勤表现得分")).toBe(expected);
  });

  it("param 超30分钟迟到按次扣分 = false: −2 once a month", () => {
    const p = withParam("超30分钟迟到按次扣分", "true", "false");
    expect(solo({ 迟到超30分钟次数: "3" }, "出勤表现得分", p)).toBe("28.00"); // 30 − 2
    expect(solo({}, "出勤表现得分", p)).toBe("30.00");
  });

  it("param 超30分钟迟到计入迟到早退次数 = true: they also count in the tiers", () => {
    const inputs = { 迟到超30分钟次数: "2", 迟到早退次数: "2" };
    // default: −4 (2 × 2) and 2 次 → tier 0 → 26
    expect(solo(inputs, "出勤表现得分")).toBe("26.00");
    // switched: −4 and 2 + 2 = 4 次 → −5 → 21
    const p = withParam("超30分钟迟到计入迟到早退次数", "false", "true");
    expect(solo(inputs, "出勤表现得分", p)).toBe("21.00");
  });

  it("param 请假不足一天按一天计 = false: 事假 counts whole days, 病假 pro rata", () => {
    const p = withParam("请假不足一天按一天计", "true", "false");
    expect(solo({ 事假天数: "0.5" }, "出勤表现得分", p)).toBe("30.00"); // 0.5 < 1 → 0
    expect(solo({ 事假天数: "1.5" }, "出勤表现得分", p)).toBe("25.00"); // tier 1 → −5
    expect(solo({ 病假天数: "1.5" }, "出勤表现得分", p)).toBe("29.00"); // day 1 × 0 + 0.5 × 2 = 1
    expect(solo({ 病假天数: "2.5" }, "出勤表现得分", p)).toBe("26.50"); // 0 + 2 + 0.5 × 3 = 3.5
  });

  it("param 病假扣分按天累加 = false: n days cost the n-th day's points", () => {
    const p = withParam("病假扣分按天累加", "true", "false");
    expect(solo({ 病假天数: "1" }, "出勤表现得分", p)).toBe("30.00"); // day 1: 0
    expect(solo({ 病假天数: "2" }, "出勤表现得分", p)).toBe("28.00"); // day 2: 2
    expect(solo({ 病假天数: "3" }, "出勤表现得分", p)).toBe("27.00"); // day 3: 3
    expect(solo({ 病假天数: "6" }, "出勤表现得分", p)).toBe("23.00"); // day 6: 7
    expect(solo({ 病假天数: "7" }, "出勤表现得分", p)).toBe("21.00"); // day 7: 9
    expect(solo({ 病假天数: "10" }, "出勤表现得分", p)).toBe("21.00"); // beyond day 7: still 9
  });
});

describe("考核得分 and 绩效工资 = 1000 × 得分 ÷ 100, none below 60", () => {
  it.each([
    // [case, inputs, 本月考核得分, 绩效工资]
    ["formal full marks 30 + 30 + 40", { 其他行为得分: "30", 业绩得分: "40" }, "100.00", "1000.00"],
    ["formal 30 + 30 + 25 = 85", { 其他行为得分: "30", 业绩得分: "25" }, "85.00", "850.00"],
    ["formal 30 + 10 + 20 = 60: pass", { 其他行为得分: "10", 业绩得分: "20" }, "60.00", "600.00"],
    ["formal 30 + 10 + 19.5 = 59.5: fail", { 其他行为得分: "10", 业绩得分: "19.5" }, "59.50", "0.00"],
    [
      "formal 25 (事假 1) + 30 + 40 = 95",
      { 事假天数: "1", 其他行为得分: "30", 业绩得分: "40" },
      "95.00",
      "950.00",
    ],
    [
      "formal 旷工: 0 + 30 + 40 = 70",
      { 旷工天数: "1", 其他行为得分: "30", 业绩得分: "40" },
      "70.00",
      "700.00",
    ],
    // probation (转正 2026-12-01): behaviour only, ÷ 60 × 100
    ["probation 30 + 30 = 60 → 100", { 转正日期: "2026-12-01", 其他行为得分: "30" }, "100.00", "1000.00"],
    ["probation 30 + 6 = 36 → 60: pass", { 转正日期: "2026-12-01", 其他行为得分: "6" }, "60.00", "600.00"],
    // 35.5 ÷ 60 × 100 = 59.1666… → fail
    ["probation 35.5 → 59.17: fail", { 转正日期: "2026-12-01", 其他行为得分: "5.5" }, "59.17", "0.00"],
    // 50 ÷ 60 × 100 = 83.333…; 1000 × 83.333…% = 833.33
    ["probation 30 + 20 = 50 → 83.33", { 转正日期: "2026-12-01", 其他行为得分: "20" }, "83.33", "833.33"],
    // 业绩得分 40 is ignored in probation: (30 + 15) ÷ 60 = 75%
    [
      "probation ignores 业绩得分",
      { 转正日期: "2026-12-01", 其他行为得分: "15", 业绩得分: "40" },
      "75.00",
      "750.00",
    ],
    // blank 转正日期 = probation
    ["blank 转正日期 = probation", { 转正日期: "", 其他行为得分: "15", 业绩得分: "40" }, "75.00", "750.00"],
  ] as [string, Row, string, string][])("%s", (_case, inputs, score, perf) => {
    const r = run([emp(inputs)]);
    expect([line(r, 0, "本月考核得分"), line(r, 0, "绩效工资")]).toEqual([score, perf]);
  });

  it("业绩得分 above 40 or 其他行为得分 above 30 is rejected", () => {
    const r = run([emp({ 业绩得分: "41" }), emp({ 其他行为得分: "31" })]);
    expect(getPayslip(r, 0).error?.item).toBe("业绩得分");
    expect(getPayslip(r, 1).error?.item).toBe("其他行为得分");
  });

  it("param 试用期得分折算百分制 = false: the behaviour score is the score (max 600, passes only at 60)", () => {
    const p = withParam("试用期得分折算百分制", "true", "false");
    const r = run(
      [
        emp({ 转正日期: "2026-12-01", 其他行为得分: "30" }), // 60 → 1000 × 60% = 600
        emp({ 转正日期: "2026-12-01", 其他行为得分: "29" }), // 59 → fail
        emp({ 其他行为得分: "30", 业绩得分: "25" }), // formal unchanged: 85 → 850
      ],
      { policy: p },
    );
    expect([line(r, 0, "本月考核得分"), line(r, 0, "绩效工资")]).toEqual(["60.00", "600.00"]);
    expect([line(r, 1, "本月考核得分"), line(r, 1, "绩效工资")]).toEqual(["59.00", "0.00"]);
    expect(line(r, 2, "绩效工资")).toBe("850.00");
  });

  it("转正当月 counts as formal; param 转正当月按正式员工 = false keeps it in probation unless on the 1st", () => {
    const values = { 其他行为得分: "15", 业绩得分: "40" };
    // formal: 30 + 15 + 40 = 85 → 850; probation: (30 + 15) ÷ 60 = 75 → 750
    expect(solo({ ...values, 转正日期: "2026-10-15" }, "绩效工资")).toBe("850.00");
    const p = withParam("转正当月按正式员工", "true", "false");
    expect(solo({ ...values, 转正日期: "2026-10-15" }, "绩效工资", p)).toBe("750.00");
    expect(solo({ ...values, 转正日期: "2026-10-01" }, "绩效工资", p)).toBe("850.00");
    const nov = run([emp({ ...values, 转正日期: "2026-10-15" })], { period: "2026-11", policy: p });
    expect(line(nov, 0, "绩效工资")).toBe("850.00");
  });

  it("a blank 转正日期 is flagged", () => {
    const r = run([emp({ 转正日期: "" }), emp()]);
    expect(fired(r, 0)).toContain("未填转正日期");
    expect(fired(r, 1)).not.toContain("未填转正日期");
  });
});

describe("跟单奖金 1.5% and 船务奖金 0.5% of the month's order profit", () => {
  it.each([
    // [profit, 跟单奖金, 船务奖金]
    ["12345.67", "185.19", "61.73"], // × 1.5% = 185.18505 → 185.19; × 0.5% = 61.72835 → 61.73
    ["100", "1.50", "0.50"],
    ["33.33", "0.50", "0.17"], // 0.49995 → 0.50; 0.16665 → 0.17 (half-up)
    ["0.01", "0.00", "0.00"], // 0.00015, 0.00005
    ["0", "0.00", "0.00"],
  ])("profit %s → %s / %s", (profit, follow, ship) => {
    const r = run([emp({ 本月跟单利润合计: profit, 本月船务利润合计: profit })]);
    expect([line(r, 0, "跟单奖金"), line(r, 0, "船务奖金")]).toEqual([follow, ship]);
  });

  it("a negative order profit sum is rejected (loss-making orders are left out of the sum)", () => {
    const r = run([emp({ 本月跟单利润合计: "-1" })]);
    expect(getPayslip(r, 0).error?.item).toBe("本月跟单利润合计");
  });
});

describe("效益奖 = (毛利润 − 公司成本分摊 − 个人月开支) × 10%", () => {
  // Every employee below: 个人月开支 7016.00 (see the file comment) unless a case says otherwise.
  const gp = (values: Row = {}) => emp({ 本月订单毛利润: "30000", ...values });
  const bonus = (r: PayrollRun) => r.employees.map((_e, i) => line(r, i, "效益奖"));
  const share = (r: PayrollRun) => r.employees.map((_e, i) => line(r, i, "本月公司成本分摊"));

  it("three veterans split 30000: 10000 each → (30000 − 10000 − 7016) × 10% = 1298.40", () => {
    const r = run([
      gp({ 本月公司费用: "30000" }),
      gp({ 本月公司费用: "30000" }),
      gp({ 本月公司费用: "30000" }),
    ]);
    expect(share(r)).toEqual(["10000.00", "10000.00", "10000.00"]);
    expect(line(r, 0, "本月个人开支")).toBe("7016.00");
    expect(line(r, 0, "单位社保公积金")).toBe("2616.00");
    expect(bonus(r)).toEqual(["1298.40", "1298.40", "1298.40"]);
  });

  it("the first 3 formal months bear 50%: 转正 08-20 → October is month 3", () => {
    const r = run([
      gp({ 本月公司费用: "30000", 转正日期: "2026-08-20" }), // month 3: 30000 × 50% ÷ 3 = 5000 → (30000 − 5000 − 7016) × 10% = 1798.40
      gp({ 本月公司费用: "30000", 转正日期: "2026-07-31" }), // month 4 (Jul, Aug, Sep, Oct): 10000 → 1298.40
      gp({ 本月公司费用: "30000" }),
    ]);
    expect(share(r)).toEqual(["5000.00", "10000.00", "10000.00"]);
    expect(bonus(r)).toEqual(["1798.40", "1298.40", "1298.40"]);
    // param 转正当月按正式员工 = false: 转正 07-31 counts from August, so October is month 3 → 5000
    const p = withParam("转正当月按正式员工", "true", "false");
    const r2 = run([gp({ 本月公司费用: "30000", 转正日期: "2026-07-31" }), gp(), gp()], { policy: p });
    expect(share(r2)[0]).toBe("5000.00");
  });

  it("a sole salesperson bears at most 75%; in the first 3 months MIN(75%, 100% × 50%) = 50%", () => {
    // veteran: 10000 × 75% = 7500 → (30000 − 7500 − 7016) × 10% = 1548.40
    const vet = run([gp({ 本月公司费用: "10000" })]);
    expect([share(vet)[0], bonus(vet)[0]]).toEqual(["7500.00", "1548.40"]);
    // new (转正 10-08, month 1): 5000 → (30000 − 5000 − 7016) × 10% = 1798.40
    const neu = run([gp({ 本月公司费用: "10000", 转正日期: "2026-10-08" })]);
    expect([share(neu)[0], bonus(neu)[0]]).toEqual(["5000.00", "1798.40"]);
    // param 单人上限先于减半 = true: 75% × 50% = 37.5% → 3750 → (30000 − 3750 − 7016) × 10% = 1923.40
    const p = withParam("单人上限先于减半", "false", "true");
    const alt = run([gp({ 本月公司费用: "10000", 转正日期: "2026-10-08" })], { policy: p });
    expect([share(alt)[0], bonus(alt)[0]]).toEqual(["3750.00", "1923.40"]);
  });

  it("two salespeople: 50% each, 25% in the first months", () => {
    // 10000 ÷ 2 = 5000 → 1798.40; new: 10000 × 50% ÷ 2 = 2500 → (30000 − 2500 − 7016) × 10% = 2048.40
    const r = run([gp({ 本月公司费用: "10000" }), gp({ 本月公司费用: "10000", 转正日期: "2026-09-01" })]);
    expect(share(r)).toEqual(["5000.00", "2500.00"]);
    expect(bonus(r)).toEqual(["1798.40", "2048.40"]);
  });

  it("当月销售员数 overrides the count: 8 → 30000 ÷ 8 = 3750 → 1923.40", () => {
    const r = run([gp({ 本月公司费用: "30000", 当月销售员数: "8" })]);
    expect([share(r)[0], bonus(r)[0]]).toEqual(["3750.00", "1923.40"]);
  });

  it("probationers get no 效益奖 and are not counted; param 销售员数含试用期 counts them", () => {
    const rows = () => [gp({ 本月公司费用: "10000" }), gp({ 本月公司费用: "10000", 转正日期: "2026-12-01" })];
    // only one formal salesperson → 75% → 7500 → 1548.40; the probationer: 0, no share
    const r = run(rows());
    expect(share(r)).toEqual(["7500.00", "0.00"]);
    expect(bonus(r)).toEqual(["1548.40", "0.00"]);
    // counted: 2 → 5000 → 1798.40; the probationer still gets none
    const p = withParam("销售员数含试用期", "false", "true");
    const r2 = run(rows(), { policy: p });
    expect(share(r2)).toEqual(["5000.00", "0.00"]);
    expect(bonus(r2)).toEqual(["1798.40", "0.00"]);
  });

  it.each([
    // sole veteran, 公司费用 10000 → 7500; [毛利润, 效益奖]
    ["10000", "0.00"], // 10000 − 7500 − 7016 = −4516 → 0, not deducted
    ["14516", "0.00"], // exactly 0
    ["14516.01", "0.00"], // 0.01 × 10% = 0.001 → 0.00
    ["14516.05", "0.01"], // 0.005 → 0.01 (half-up)
    ["-5000", "0.00"], // a loss-making month
  ])("毛利润 %s → 效益奖 %s (never negative)", (profit, expected) => {
    const r = run([emp({ 本月订单毛利润: profit, 本月公司费用: "10000" })]);
    expect(line(r, 0, "效益奖")).toBe(expected);
    expect(getPayslip(r, 0).gross.toFixed(2)).toBe((4400 + Number(expected)).toFixed(2));
  });

  it("company costs entered on one row apply to everyone (the maximum); differing rows are flagged", () => {
    // 20000 ÷ 2 = 10000 each → 1298.40
    const r = run([gp({ 本月公司费用: "20000" }), gp()]);
    expect(share(r)).toEqual(["10000.00", "10000.00"]);
    expect(bonus(r)).toEqual(["1298.40", "1298.40"]);
    expect([fired(r, 0), fired(r, 1)]).toEqual([[], []]);
    const diff = run([gp({ 本月公司费用: "20000" }), gp({ 本月公司费用: "18000" })]);
    expect(share(diff)).toEqual(["10000.00", "10000.00"]);
    expect(fired(diff, 0)).toEqual([]);
    expect(listWarnings(diff, { index: 1 }).map((w) => w.zh)).toEqual([
      "本行“本月公司费用” 18000.00 与其他行不同，已按各行最大值 20000.00 计算，请核对",
    ]);
  });

  it("no company costs at all: no share, and every formal salesperson is flagged", () => {
    // (30000 − 0 − 7016) × 10% = 2298.40
    const r = run([gp(), gp(), gp({ 转正日期: "2026-12-01" })]);
    expect(bonus(r)).toEqual(["2298.40", "2298.40", "0.00"]);
    expect([fired(r, 0), fired(r, 1), fired(r, 2)]).toEqual([["公司费用未填"], ["公司费用未填"], []]);
  });

  it("个人月开支 = 基本工资 + 绩效 + 补贴 + 单位社保公积金 + 其他福利开支 (no 跟单/船务 by default)", () => {
    const values = {
      本月公司费用: "10000",
      补贴金额: "300",
      其他福利开支: "200",
      其他行为得分: "30",
      业绩得分: "30", // 30 + 30 + 30 = 90 → 绩效 900
      本月跟单利润合计: "10000", // 150
      本月船务利润合计: "10000", // 50
    };
    // 4000 + 400 + 900 + 300 + 2616 + 200 = 8416 → (30000 − 7500 − 8416) × 10% = 1408.40
    const r = run([gp(values)]);
    expect([line(r, 0, "本月个人开支"), line(r, 0, "效益奖")]).toEqual(["8416.00", "1408.40"]);
    // with 跟单 + 船务: 8416 + 150 + 50 = 8616 → 13884 × 10% = 1388.40
    const p1 = withParam("个人开支含跟单船务奖金", "false", "true");
    const r1 = run([gp(values)], { policy: p1 });
    expect([line(r1, 0, "本月个人开支"), line(r1, 0, "效益奖")]).toEqual(["8616.00", "1388.40"]);
    // without employer SI/HF: 8416 − 2616 = 5800 → 16700 × 10% = 1670.00
    const p2 = withParam("个人开支含单位社保公积金", "true", "false");
    const r2 = run([gp(values)], { policy: p2 });
    expect([line(r2, 0, "本月个人开支"), line(r2, 0, "效益奖")]).toEqual(["5800.00", "1670.00"]);
  });

  it("a loss is not carried by default; param 效益亏损结转下月 = true carries it into the next month", () => {
    // October: 0 − 0 − 7016 = −7016 → 0 (公司费用 0 everywhere, so no share)
    const octRow = () => emp({ 工号: "L1", 本月订单毛利润: "0" });
    const novRow = (profit: string) => emp({ 工号: "L1", 本月订单毛利润: profit });
    const oct = run([octRow()]);
    expect(line(oct, 0, "效益奖")).toBe("0.00");
    expect(nextOf(oct, 0).效益待弥补亏损).toBe("0");
    // default November: 20000 − 7016 = 12984 → 1298.40
    expect(line(run([novRow("20000")], { period: "2026-11", prior: oct.nextState }), 0, "效益奖")).toBe(
      "1298.40",
    );
    const p = withParam("效益亏损结转下月", "false", "true");
    const octC = run([octRow()], { policy: p });
    expect(nextOf(octC, 0).效益待弥补亏损).toBe("7016");
    // carried: 20000 − 7016 − 7016 = 5968 → 596.80; nothing left to carry
    const nov = run([novRow("20000")], { period: "2026-11", prior: octC.nextState, policy: p });
    expect(line(nov, 0, "效益奖")).toBe("596.80");
    expect(nextOf(nov, 0).效益待弥补亏损).toBe("0");
    // partly recovered: 10000 − 7016 − 7016 = −4032 → 0, 4032 carried on
    const nov2 = run([novRow("10000")], { period: "2026-11", prior: octC.nextState, policy: p });
    expect(line(nov2, 0, "效益奖")).toBe("0.00");
    expect(nextOf(nov2, 0).效益待弥补亏损).toBe("4032");
  });

  it("a bad company-level value blocks the 效益奖 of the whole company, naming the row", () => {
    const r = run([gp({ 本月公司费用: "abc" }), gp({ 本月公司费用: "20000" })]);
    expect(getPayslip(r, 0).error?.item).toBe("本月公司费用");
    expect(getPayslip(r, 1).error?.code).toBe("GROUP");
  });
});

describe("年终奖 = (年度毛利润 − 年度成本分摊 − 个人年开支) × 13%, paid with January's pay", () => {
  const year2026 = {
    效益年度: "2026",
    本年毛利润累计: "600000",
    本年成本分摊累计: "120000",
    本年个人开支累计: "240000",
  };
  /** One employee in 2027-01 (unless `period`) with the 2026 totals above carried in state. */
  const jan = (values: Row = {}, opts: { period?: string; policy?: CompiledPolicy; state?: Row } = {}) => {
    const e = emp(values);
    const period = opts.period ?? "2027-01";
    // a 2027 tax ledger after January (a run needs this year's ledger from February on)
    const ledger: Row = period === "2027-01" ? {} : { 个税年度: "2027" };
    return run([e], {
      period,
      prior: ledgers([e], { ...(opts.state ?? year2026), ...ledger }),
      ...(opts.policy ? { policy: opts.policy } : {}),
    });
  };

  it("eligible: (600000 − 120000 − 240000) × 13% = 31200.00, taxed on its own: 31200 ÷ 12 = 2600 → 3% = 936.00", () => {
    const r = jan();
    expect(line(r, 0, "年终奖")).toBe("31200.00");
    expect(line(r, 0, "年终奖个税")).toBe("936.00");
    // the wage ledger does not include the bonus: January wages 4400 only (绩效 0, 效益奖 0)
    expect(nextOf(r, 0).个税累计收入).toBe("4400");
    // January starts the 2027 totals; the 2026 totals move to 上年
    expect(nextOf(r, 0)).toMatchObject({ 效益年度: "2027", 上年毛利润合计: "600000", 本年毛利润累计: "0" });
  });

  it.each([
    // [case, inputs, 年终奖]
    ["转正 on 12-31 is formal on 12-31", { 转正日期: "2026-12-31" }, "31200.00"],
    ["转正 after 12-31: not formal then", { 转正日期: "2027-01-05" }, "0.00"],
    ["left on 12-31: still employed that day", { 离职日期: "2026-12-31" }, "31200.00"],
    ["left on 12-30", { 离职日期: "2026-12-30" }, "0.00"],
    ["hired after 12-31", { 入职日期: "2027-01-04", 转正日期: "" }, "0.00"],
    ["年终奖取消 (serious misconduct)", { 年终奖取消: "是" }, "0.00"],
    ["本月发年终奖 否", { 本月发年终奖: "否" }, "0.00"],
    // own totals: (500000 − 100000 − 200000) × 13% = 26000.00
    [
      "annual figures entered override the carried totals",
      { 年度订单毛利润: "500000", 年度公司成本分摊: "100000", 个人年开支: "200000" },
      "26000.00",
    ],
    // 100000 − 120000 − 240000 < 0 → 0
    ["negative → 0", { 年度订单毛利润: "100000" }, "0.00"],
  ] as [string, Row, string][])("%s → %s", (_case, inputs, expected) => {
    const r = jan(inputs);
    expect(line(r, 0, "年终奖")).toBe(expected);
  });

  it("not paid in other months: February 2027 pays nothing by default, but 本月发年终奖 = 是 pays it", () => {
    const janRun = jan();
    const feb = (values: Row = {}) => {
      const e = emp({ 工号: janRun.employees[0]!.values.工号!, ...values });
      return run([e], { period: "2027-02", prior: janRun.nextState });
    };
    expect(line(feb(), 0, "年终奖")).toBe("0.00");
    // the 2026 totals stay in 上年 all year: 31200.00 again (HR would only do this for someone missed in January)
    expect(line(feb({ 本月发年终奖: "是" }), 0, "年终奖")).toBe("31200.00");
  });

  it("param 年终奖发放月 = 2: January pays none, February pays it", () => {
    const p = withParam("年终奖发放月", "1", "2");
    expect(line(jan({}, { policy: p }), 0, "年终奖")).toBe("0.00");
    // straight from December's state (效益年度 2026) to February
    expect(line(jan({}, { policy: p, period: "2027-02" }), 0, "年终奖")).toBe("31200.00");
  });

  it("paid with March's pay (10 April) is late, and flagged", () => {
    const r = jan({ 本月发年终奖: "是" }, { period: "2027-03" });
    expect(line(r, 0, "年终奖")).toBe("31200.00");
    expect(listWarnings(r, { index: 0 }).map((w) => w.zh)).toContain(
      "年终奖随 2027-03 的工资在次月 10 日发放，晚于种子规定的次年 3 月 31 日",
    );
  });

  it("no carried totals: 0 and a warning asking for the annual figures", () => {
    const r = jan({}, { state: {} });
    expect(line(r, 0, "年终奖")).toBe("0.00");
    expect(fired(r, 0)).toContain("年终奖无年度数据");
  });

  it("accumulates the formal months October → December and pays in January", () => {
    // Sole veteran, 公司费用 10000 → 7500 a month; 毛利润 30000 → 效益奖 1548.40; 个人月开支 7016.
    const row = () => emp({ 工号: "Y1", 本月订单毛利润: "30000", 本月公司费用: "10000" });
    const sep: PriorState = {
      employees: {
        Y1: {
          个税年度: "2026",
          效益年度: "2026",
          本年毛利润累计: "270000",
          本年成本分摊累计: "67500",
          本年个人开支累计: "77000",
        },
      },
    };
    const oct = run([row()], { prior: sep });
    expect(line(oct, 0, "效益奖")).toBe("1548.40");
    // 270000 + 30000; 67500 + 7500; 77000 + 7016 + 1548.40
    expect(nextOf(oct, 0)).toMatchObject({
      本年毛利润累计: "300000",
      本年成本分摊累计: "75000",
      本年个人开支累计: "85564.4",
    });
    const nov = run([row()], { period: "2026-11", prior: oct.nextState });
    const dec = run([row()], { period: "2026-12", prior: nov.nextState });
    // + 2 × (30000, 7500, 8564.40)
    expect(nextOf(dec, 0)).toMatchObject({
      本年毛利润累计: "360000",
      本年成本分摊累计: "90000",
      本年个人开支累计: "102693.2",
    });
    const j = run([row()], { period: "2027-01", prior: dec.nextState });
    // (360000 − 90000 − 102693.20) × 13% = 167306.80 × 13% = 21749.884 → 21749.88
    expect(line(j, 0, "年终奖")).toBe("21749.88");
    // 21749.88 ÷ 12 = 1812.49 → 3%: 652.4964 → 652.50
    expect(line(j, 0, "年终奖个税")).toBe("652.50");
    expect(line(j, 0, "效益奖")).toBe("1548.40");
    expect(nextOf(j, 0)).toMatchObject({
      效益年度: "2027",
      上年毛利润合计: "360000",
      上年成本分摊合计: "90000",
      上年个人开支合计: "102693.2",
      本年毛利润累计: "30000",
      本年个人开支累计: "8564.4",
    });
  });

  it("probation months are not accumulated (their income and costs belong to the company)", () => {
    const r = run(
      [emp({ 工号: "P1", 本月订单毛利润: "30000", 本月公司费用: "10000", 转正日期: "2026-12-01" })],
      {
        prior: { employees: { P1: { 效益年度: "2026", 本年毛利润累计: "5" } } },
      },
    );
    expect(nextOf(r, 0)).toMatchObject({ 本年毛利润累计: "5", 本年成本分摊累计: "0", 本年个人开支累计: "0" });
  });
});

describe("连续 3 个月不及格 → 降级调岗候选 (employee state)", () => {
  const failing = (id: string, values: Row = {}) => emp({ 工号: id, ...values }); // 30 points: fails

  it.each([
    // [prior count, passes?, next count, flagged?]
    ["0", false, "1", false],
    ["1", false, "2", false],
    ["2", false, "3", true],
    ["5", false, "6", true],
    ["2", true, "0", false],
  ])("prior %s, passes %s → %s, flagged %s", (prior, passes, next, flagged) => {
    const e = failing("D1", passes ? { 其他行为得分: "30" } : {}); // 30 + 30 = 60 passes
    const r = run([e], { prior: { employees: { D1: { 连续不及格月数: prior } } } });
    expect(nextOf(r, 0).连续不及格月数).toBe(next);
    expect(fired(r, 0).includes("降级调岗候选")).toBe(flagged);
  });

  it("chains over months and names the count in the message", () => {
    const oct = run([failing("D2")], {});
    const nov = run([failing("D2")], { period: "2026-11", prior: oct.nextState });
    expect(fired(nov, 0)).not.toContain("降级调岗候选");
    const dec = run([failing("D2")], { period: "2026-12", prior: nov.nextState });
    const demote = listWarnings(dec, { index: 0 }).filter((w) => w.check === "降级调岗候选");
    expect(demote.map((w) => [w.check, w.zh, w.ref])).toEqual([
      [
        "降级调岗候选",
        "已连续 3 个月绩效考核不及格（本月 30 分，未达及格分）：按制度应降级或调岗，请人事核实后处理（本系统不自动调整）",
        "《劳动合同法》第三十五条、第四十条第（二）项",
      ],
    ]);
  });

  it("is a 降级 review rule: the target 职级 from the table 降级职级; a 职级 not in the table gives none", () => {
    const r = run(
      [failing("D5", { 职级: "中级销售员" }), failing("D6", { 职级: "高级销售员" }), failing("D7")],
      {
        prior: {
          employees: {
            D5: { 连续不及格月数: "2" },
            D6: { 连续不及格月数: "2" },
            D7: { 连续不及格月数: "2" },
          },
        },
      },
    );
    const demote = listWarnings(r).filter((w) => w.check === "降级调岗候选");
    expect(demote.map((w) => [w.工号, w.grade])).toEqual([
      ["D5", { kind: "降级", to: "初级销售员" }],
      ["D6", { kind: "降级", to: "中级销售员" }],
      ["D7", { kind: "降级", to: "" }], // blank 职级: a warning only, no grade to confirm (调岗 is HR's own)
    ]);
  });

  it("a probationer counts too: 36 of 60 passes, 35 fails", () => {
    const r = run(
      [
        failing("D3", { 转正日期: "2026-12-01", 其他行为得分: "6" }),
        failing("D4", { 转正日期: "2026-12-01", 其他行为得分: "5" }),
      ],
      { prior: { employees: { D3: { 连续不及格月数: "2" }, D4: { 连续不及格月数: "2" } } } },
    );
    expect([nextOf(r, 0).连续不及格月数, nextOf(r, 1).连续不及格月数]).toEqual(["0", "3"]);
    // probationers: no 公司费用未填 warning (they bear no share)
    expect([fired(r, 0), fired(r, 1)]).toEqual([[], ["降级调岗候选"]]);
    // 35 ÷ 60 × 100 = 58.333… → shown as the 本月考核得分 line, 58.33
    expect(listWarnings(r, { index: 1 })[0]?.zh).toContain("已连续 3 个月绩效考核不及格（本月 58.33 分");
  });
});

describe("statutory lines (上海 示例)", () => {
  it("withholds the Shanghai employee SI and 7% housing fund; tax by cumulative withholding", () => {
    // base 8000: 640 + 160 + 40 + 560 = 1400. Wages 4400 + 补贴 1000 + 效益奖 0 = 5400; 专项附加 0;
    // empty 2026 ledger, in service since 2024 → 任职月数 10: 5400 − 50000 − 1400 < 0 → 个税 0; net 4000.00
    const r = run([emp({ 补贴金额: "1000" })]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["640.00", "160.00", "40.00", "560.00", "0.00"]);
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("4000.00");
  });

  it("warns when a low 岗位工资 leaves pay below Shanghai's minimum after the employee's SI", () => {
    // 2000 + 0 (高中及以下) + 绩效 0 = 2000 − 1400 = 600 < 2740
    const r = run([emp({ 月岗位工资: "2000", 学历: "高中及以下" })]);
    expect(fired(r, 0)).toContain("低于最低工资");
  });
});

describe("explanations", () => {
  it("explains 效益奖 and 绩效工资 with the values they used", () => {
    // sole veteran, 10000 × 75% = 7500; (30000 − 7500 − 7016) × 10% = 1548.40
    const r = run([emp({ 本月订单毛利润: "30000", 本月公司费用: "10000" })]);
    const ex = explainPayslip(r, 0);
    const bonus = ex.lines.find((l) => l.name === "效益奖");
    expect(bonus?.sentence).toContain("效益奖基数 15484.00");
    expect(bonus?.sentence).toContain("1548.40");
    const d = (n: string) => ex.details.find((x) => x.name === n);
    expect(d("效益奖基数")?.sentence).toContain("公司成本分摊 7500.00");
    expect(d("分摊比例")?.value).toBe("75%");
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
  });
});

describe("sample.csv (2026-10, prior state state-2026-09.json)", () => {
  const [header, ...rows] = SAMPLE_TEXT.trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  const employees: EmployeeInput[] = rows.map((cells, i) => ({
    values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])),
    source: { file: "sample.csv", row: i + 2 },
  }));
  const runOf = (mode: "batch" | "scalar") => {
    const r = runPayroll(POLICY, { period: "2026-10", employees, prior: SAMPLE_STATE, mode });
    if (!r.ok) throw new Error(r.problem.zh);
    return r.run;
  };
  const r = runOf("batch");
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has the built-in fields and every input as headers", () => {
    for (const f of ["工号", "姓名", "入职日期", "转正日期", "离职日期"]) expect(header).toContain(f);
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "缴费基数", "专项附加扣除"]) expect(header).toContain(f);
  });

  it("computes with no errors; the only warning is W03's third failing month", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
    expect(listWarnings(r).map((w) => `${w.工号} ${w.check}`)).toEqual(["W03 降级调岗候选"]);
  });

  // 公司费用 60000; formal salespeople W01 W02 W03 W04 W07 W08 = 6 → 10000 a head; W02 (month 3 since 08-06) and W08
  // (转正 10-15, month 1) bear 50% → 5000. Employer SI+HF: base 12000 → 1920 + 1080 + 60 + 24 + 840 = 3924;
  // 10000 → 3270; 9000 → 1440 + 810 + 45 + 18 + 630 = 2943; 8000 → 2616; 7546 (floor) → 1207.36 + 679.14 + 37.73
  // + 15.09 + 528 (7546 × 7% = 528.22 → 元) = 2467.32.
  it.each([
    // [工号, 岗位, 学历, 绩效, 补贴, 跟单, 船务, 效益奖, 扣款合计, 实发]
    // W01 本科 6000: score 30 + 28 + 38 = 96 → 960; 跟单 200000 × 1.5% = 3000; 船务 120000 × 0.5% = 600;
    //   个人月开支 6000 + 400 + 960 + 300 + 3924 + 500 = 12084; (180000 − 10000 − 12084) × 10% = 15791.60
    //   gross 27051.60; SI 960 + 240 + 60 + HF 840 = 2100; 个税: 227051.60 − 50000 − 21000 = 156051.60 × 20% − 16920
    //   = 14290.32 − 11090 withheld = 3200.32; deductions 5300.32; net 21751.28
    ["W01", "6000.00", "400.00", "960.00", "300.00", "3000.00", "600.00", "15791.60", "5300.32", "21751.28"],
    // W02 大专, 4000 (example): 出勤 30 − 1 (3 次) − 2 (病假 2) = 27; 27 + 25 + 30 = 82 → 820; 跟单 80000 → 1200;
    //   开支 4000 + 200 + 820 + 200 + 2616 = 7836; (40000 − 5000 − 7836) × 10% = 2716.40; gross 9136.40;
    //   SI 1400; 个税 (35000 + 9136.40) − 5000 × 6 (May–Oct) − 8400 = 5736.40 × 3% = 172.09 − 90 = 82.09; net 7654.31
    ["W02", "4000.00", "200.00", "820.00", "200.00", "1200.00", "0.00", "2716.40", "1482.09", "7654.31"],
    // W03 高中及以下 4500: 出勤 30 − 4 (2 × 超30) − 5 (5 次) − 10 (事假 1.5 → 2 天) = 11; 11 + 20 + 25 = 56 → fail;
    //   跟单 30000 → 450; 船务 20000 → 100; 开支 4500 + 2467.32 = 6967.32; (20000 − 10000 − 6967.32) × 10%
    //   = 303.268 → 303.27; gross 5353.27; SI at the floor 603.68 + 150.92 + 37.73 + 528 = 1320.33; 个税 0
    //   (50353.27 − 50000 − 13203.30 < 0); net 4032.94
    ["W03", "4500.00", "0.00", "0.00", "0.00", "450.00", "100.00", "303.27", "1320.33", "4032.94"],
    // W04 硕士 5000: 出勤 30 − 9 (病假 4) = 21; 21 + 26 + 20 = 67 → 670; 船务 60000 → 300; 开支 5000 + 600 + 670
    //   + 3270 = 9540; 8000 − 10000 − 9540 < 0 → 0; gross 6570; SI 800 + 200 + 50 + 700 = 1750; 个税 0; net 4820
    ["W04", "5000.00", "600.00", "670.00", "0.00", "0.00", "300.00", "0.00", "1750.00", "4820.00"],
    // W05 probation 本科 4000: 出勤 25 (事假 1) + 20 = 45 ÷ 60 = 75 → 750 (业绩 35 ignored); 跟单 20000 → 300;
    //   no 效益奖; gross 5450; SI floor 1320.33; 个税 0 (任职 2 months × 5000 > 4400 + 5450); net 4129.67
    ["W05", "4000.00", "400.00", "750.00", "0.00", "300.00", "0.00", "0.00", "1320.33", "4129.67"],
    // W06 hired 10-16 (16 days), 大专: 4000 × 16/31 = 2064.52; 200 × 16/31 = 103.23; (30 + 20) ÷ 60 = 83.33 → 833.33;
    //   gross 3001.08; SI floor 1320.33 (whole month); 个税 0; net 1680.75
    ["W06", "2064.52", "103.23", "833.33", "0.00", "0.00", "0.00", "0.00", "1320.33", "1680.75"],
    // W07 leaves 10-20 (20 days), 本科 5000: 5000 × 20/31 = 3225.81; 400 × 20/31 = 258.06; 出勤 20 (7 次)
    //   + 22 + 20 = 62 → 620; 跟单 40000 → 600; 船务 40000 → 200; 开支 3225.81 + 258.06 + 620 + 2943 = 7046.87;
    //   (30000 − 10000 − 7046.87) × 10% = 1295.313 → 1295.31; gross 6199.18; SI 720 + 180 + 45 + 630 = 1575; net 4624.18
    ["W07", "3225.81", "258.06", "620.00", "0.00", "600.00", "200.00", "1295.31", "1575.00", "4624.18"],
    // W08 转正 10-15 (formal this month, month 1), 大专: 旷工 0.5 → 出勤 0; 0 + 25 + 36 = 61 → 610; 开支 4000 + 200
    //   + 610 + 2616 = 7426; (30000 − 5000 − 7426) × 10% = 1757.40; gross 6567.40; SI 1400; 个税 0; net 5167.40
    ["W08", "4000.00", "200.00", "610.00", "0.00", "0.00", "0.00", "1757.40", "1400.00", "5167.40"],
  ])("%s", (id, post, edu, perf, allowance, follow, ship, benefit, ded, net) => {
    const i = at(id);
    expect(
      ["岗位工资", "学历工资", "绩效工资", "补贴", "跟单奖金", "船务奖金", "效益奖", "年终奖"].map((n) =>
        line(r, i, n),
      ),
    ).toEqual([post, edu, perf, allowance, follow, ship, benefit, "0.00"]);
    const slip = getPayslip(r, i);
    expect(slip.deductions.toFixed(2)).toBe(ded);
    expect(slip.net.toFixed(2)).toBe(net);
  });

  it("shows each salesperson's share of company costs and own costs", () => {
    const shares = ["W01", "W02", "W03", "W04", "W05", "W06", "W07", "W08"].map((id) =>
      line(r, at(id), "本月公司成本分摊"),
    );
    expect(shares).toEqual([
      "10000.00",
      "5000.00",
      "10000.00",
      "10000.00",
      "0.00",
      "0.00",
      "10000.00",
      "5000.00",
    ]);
  });

  it("carries the year's totals and the failing-month count into November", () => {
    // W01: 1500000 + 180000; 90000 + 10000; 250000 + 12084 + 15791.60
    expect(r.nextState.employees?.W01).toMatchObject({
      本年毛利润累计: "1680000",
      本年成本分摊累计: "100000",
      本年个人开支累计: "277875.6",
    });
    // W05 in probation: nothing accumulated; W08 formal from October: 30000, 5000, 7426 + 1757.40
    expect(r.nextState.employees?.W05).toMatchObject({ 本年毛利润累计: "0", 本年个人开支累计: "0" });
    expect(r.nextState.employees?.W08).toMatchObject({
      本年毛利润累计: "30000",
      本年成本分摊累计: "5000",
      本年个人开支累计: "9183.4",
    });
    expect(r.nextState.employees?.W03?.连续不及格月数).toBe("3");
    expect(r.nextState.employees?.W01?.连续不及格月数).toBe("0");
  });

  it("the batch and the row-by-row engines agree on every line", () => {
    const s = runOf("scalar");
    const all = (x: PayrollRun) =>
      x.employees.map((_e, i) => {
        const slip = getPayslip(x, i);
        return [...slip.lines.map((l) => `${l.name}=${l.value.toFixed(2)}`), slip.net.toFixed(2)];
      });
    expect(all(s)).toEqual(all(r));
    expect(s.nextState).toEqual(r.nextState);
    expect(listWarnings(s)).toEqual(listWarnings(r));
  });
});
