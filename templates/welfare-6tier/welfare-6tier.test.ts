/**
 * Golden tests for the 薪资福利制度（客服六级） template. Every expected value is worked out by hand in the
 * comment next to it; 2026-10 has 18 workdays (本月工作日), 2026-11 has 21.
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
  loadPolicyText,
  type PayrollRun,
  type PriorState,
  runPayroll,
} from "../../packages/core/src/index.js";
import { compileTemplate, editPolicy, slipLine as line } from "../template-test-kit.js";

const POLICY_TEXT = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const SAMPLE_TEXT = readFileSync(new URL("./sample.csv", import.meta.url), "utf8");

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

/** Replaces exactly one occurrence of `from` in the policy text (fails loudly when the text moved). */
const variant = (...edits: [string, string][]): CompiledPolicy => compile(editPolicy(POLICY_TEXT, ...edits));

type Row = Record<string, string>;
let seq = 0;

/** An employee with the given values; by default a full-month 客服专员 alone in a team of their own. */
function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      团队: `独立${seq}`,
      职级: "客服专员",
      出勤天数: "18",
      缴费基数: "8000",
      ...values,
    },
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy } = {},
) {
  // Everyone starts with an empty 2026 tax ledger unless the test gives one (no ledger is an error from February).
  const ledgers = Object.fromEntries(employees.map((e) => [e.values.工号 ?? "", { 个税年度: "2026" }]));
  const prior: PriorState = { ...opts.prior, employees: { ...ledgers, ...opts.prior?.employees } };
  const r = runPayroll(opts.policy ?? POLICY, { period: opts.period ?? "2026-10", employees, prior });
  if (!r.ok) throw new Error(r.problem.zh);
  return r.run;
}

/** Runs one employee alone and reads one line. */
function solo(values: Row, name: string, policy?: CompiledPolicy): string {
  return line(run([emp(values)], policy ? { policy } : {}), 0, name);
}

const threshold = (r: PayrollRun, team: string) => r.nextState.groups?.团队?.[team]?.订单门槛;

describe("welfare-6tier policy", () => {
  it("compiles without errors; warns that four grades' base pay is below Shanghai's minimum wage", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    // 1800, 2000, 2300, 2500 < 2740; the uncapped 培训补贴扣回 (a clawback, and pay may fall below the minimum).
    expect(r.problems.map((p) => `${p.code} ${p.at?.line}`)).toEqual([
      "LABOR 86",
      "LABOR 87",
      "LABOR 88",
      "LABOR 89",
      "LABOR 307",
      "LABOR 307",
    ]);
    expect(r.compiled?.doc.id).toBe("welfare-6tier");
    expect(r.compiled?.doc.seedSection).toBe("薪资福利制度");
  });

  it("marks the values the seed leaves open as examples", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of [
      "加分每项",
      "加分上限",
      "团队奖金接听量占比",
      "电话成交每单奖励",
      "订单提成只计超出部分",
    ]) {
      expect(params[p]?.example, p).toBe(true);
    }
  });
});

describe("底薪 by grade and proration (2026-10: 本月工作日 = 18)", () => {
  it.each([
    // [职级, 出勤天数, 培训天数, expected 底薪, hand arithmetic]
    ["培训生", "18", "10", "100.00"], // 10 元/天 × 10 培训天数 = 100.00
    ["培训生", "7", "", "70.00"], // 培训天数 blank → 出勤天数 7; 10 × 7 = 70.00
    ["见习客服专员", "18", "", "1800.00"], // 1800 × 18/18 = 1800.00
    ["客服专员", "18", "", "2000.00"], // 2000 × 18/18
    ["高级客服专员", "18", "", "2300.00"], // 2300 × 18/18
    ["资深客服专员", "18", "", "2500.00"], // 2500 × 18/18
    ["客服督导", "18", "", "3000.00"], // 3000 × 18/18
    ["客服专员", "9", "", "1000.00"], // part month: 2000 × 9/18 = 1000.00
    ["高级客服专员", "5", "", "638.89"], // 2300 × 5/18 = 638.888… → 638.89
    ["见习客服专员", "12", "", "1200.00"], // 1800 × 12/18 = 1200.00
    ["客服督导", "20", "", "3000.00"], // 20/18 > 100% → ratio capped at 100% → 3000.00
    ["客服专员", "0", "", "0.00"], // 2000 × 0/18 = 0
  ])("%s 出勤 %s 培训 %s → 底薪 %s", (grade, days, training, expected) => {
    expect(solo({ 职级: grade, 出勤天数: days, 培训天数: training }, "底薪")).toBe(expected);
  });

  it("uses 本月工作日 of the period: 2026-11 has 21 workdays", () => {
    // 2000 × 7/21 = 666.666… → 666.67
    const r = run([emp({ 出勤天数: "7" })], { period: "2026-11" });
    expect(line(r, 0, "底薪")).toBe("666.67");
  });
});

describe("考核得分 scorecard items (alone in a team, so team metrics = own metrics)", () => {
  // A 客服专员 with nothing filled scores 0; each case fills one item. 绩效工资 = 300 × 100% × 得分 ÷ 100.
  it.each([
    // [case, inputs, expected 得分, expected 绩效工资]
    ["nothing filled", {}, "0.00", "0.00"],
    ["接听率 95% (95/100) → 10", { 来电量: "100", 接听量: "95" }, "10.00", "30.00"], // 300 × 10/100 = 30
    ["接听率 94.95% (1899/2000) → 0", { 来电量: "2000", 接听量: "1899" }, "0.00", "0.00"],
    ["日均在线 108 h ÷ 18 天 = 6 h → 10", { 在线时长: "108" }, "10.00", "30.00"],
    ["日均在线 107.9 ÷ 18 = 5.99 h → 0", { 在线时长: "107.9" }, "0.00", "0.00"],
    ["日均在线 54 h ÷ 9 天 = 6 h → 10 (own 出勤天数)", { 在线时长: "54", 出勤天数: "9" }, "10.00", "15.00"], // 300 × 9/18 × 10/100 = 15
    ["工作日志 18/18 天 → 15", { 日志提交天数: "18" }, "15.00", "45.00"], // 300 × 15/100 = 45
    ["工作日志 17/18 天 → 15 × 17/18 = 14.1666… → 14.17", { 日志提交天数: "17" }, "14.17", "42.51"], // 300 × 14.17/100 = 42.51
    ["工作日志 9/18 天 → 7.5", { 日志提交天数: "9" }, "7.50", "22.50"], // 300 × 7.5/100 = 22.50
    ["工作日志 20 天 > 18 → capped at 15", { 日志提交天数: "20" }, "15.00", "45.00"],
    ["有效点评 18 ÷ 1 人 ÷ 18 天 = 1 → 5", { 有效点评数: "18" }, "5.00", "15.00"], // 300 × 5/100 = 15
    ["有效点评 17 ÷ 1 ÷ 18 = 0.94 → 0", { 有效点评数: "17" }, "0.00", "0.00"],
    ["人均成交 10000 → 30", { 成交金额: "10000" }, "30.00", "90.00"], // 300 × 30/100 = 90
    ["人均成交 9999.99 → 0", { 成交金额: "9999.99" }, "0.00", "0.00"],
    ["主管评分 20 → 20", { 主管评分: "20" }, "20.00", "60.00"], // 300 × 20/100 = 60
    ["主管评分 19.5 → 19.5", { 主管评分: "19.5" }, "19.50", "58.50"], // 300 × 19.5/100 = 58.50
    ["加分 1 项 → 5", { 加分项数: "1" }, "5.00", "15.00"],
    ["加分 2 项 → 10", { 加分项数: "2" }, "10.00", "30.00"],
    ["加分 3 项 → 15 capped at 10", { 加分项数: "3" }, "10.00", "30.00"],
  ] as [string, Row, string, string][])("%s", (_case, inputs, score, perf) => {
    const r = run([emp(inputs)]);
    expect(line(r, 0, "本月考核得分")).toBe(score);
    expect(line(r, 0, "绩效工资")).toBe(perf);
  });

  const full: Row = {
    来电量: "100",
    接听量: "100",
    在线时长: "120",
    日志提交天数: "18",
    有效点评数: "18",
    成交金额: "10000",
    主管评分: "20",
  };

  it("full marks on the six items = 10+10+15+5+30+20 = 90; with 3 加分 items 90 + min(15, 10) = 100", () => {
    const r = run([
      emp(full),
      emp({ ...full, 加分项数: "3" }),
      emp({ ...full, 职级: "资深客服专员", 加分项数: "2" }),
    ]);
    expect(line(r, 0, "本月考核得分")).toBe("90.00");
    expect(line(r, 0, "绩效工资")).toBe("270.00"); // 300 × 90/100
    expect(line(r, 1, "本月考核得分")).toBe("100.00"); // 90 + 10 (加分 capped)
    expect(line(r, 1, "绩效工资")).toBe("300.00"); // 300 × 100/100
    expect(line(r, 2, "绩效工资")).toBe("500.00"); // 资深: 500 × 100/100
  });

  it("the total is capped at 100 even if the bonus cap is raised", () => {
    // raise 加分上限 to 20 and the item's points to 20: 90 + min(20, 5 × 3 = 15) = 105 → capped at 100
    const p = variant(
      ["加分上限: { value: 10,", "加分上限: { value: 20,"],
      ["points: 10\n        formula: MIN(加分上限", "points: 20\n        formula: MIN(加分上限"],
    );
    const r = run([emp({ ...full, 加分项数: "3" })], { policy: p });
    expect(line(r, 0, "本月考核得分")).toBe("100.00");
    expect(line(r, 0, "绩效工资")).toBe("300.00");
  });

  it("team items are computed over the team: 接听率 = 全组接听量 ÷ 全组来电量", () => {
    // team: 100/100 and 90/100 → 190/200 = 95% → both get 10, although the second agent alone has 90%
    const r = run([
      emp({ 团队: "甲", 来电量: "100", 接听量: "100" }),
      emp({ 团队: "甲", 来电量: "100", 接听量: "90" }),
      emp({ 团队: "乙", 来电量: "100", 接听量: "90" }), // alone: 90% → 0
    ]);
    expect(line(r, 0, "本月考核得分")).toBe("10.00");
    expect(line(r, 1, "本月考核得分")).toBe("10.00");
    expect(line(r, 2, "本月考核得分")).toBe("0.00");
  });

  it("人均点评 and 人均成交 divide by the team's head count", () => {
    // 点评 36 + 0 = 36 ÷ 2 人 ÷ 18 = 1 → 5; 成交 20000 + 0 = 20000 ÷ 2 = 10000 → 30; each scores 35
    const r = run([
      emp({ 团队: "甲", 有效点评数: "36", 成交金额: "20000" }),
      emp({ 团队: "甲" }),
      emp({ 团队: "乙", 有效点评数: "35", 成交金额: "19999.98" }), // 35/1/18 ≥ 1 → 5; 19999.98 ≥ 10000 → 30
      emp({ 团队: "乙" }), // 35/2/18 = 0.97 → 0; 19999.98/2 = 9999.99 → 0
    ]);
    expect(line(r, 0, "本月考核得分")).toBe("35.00");
    expect(line(r, 1, "本月考核得分")).toBe("35.00");
    expect(line(r, 2, "本月考核得分")).toBe("0.00");
    expect(line(r, 3, "本月考核得分")).toBe("0.00");
  });

  it("绩效 of 见习客服专员 and 培训生 is 0 whatever the score", () => {
    expect(solo({ 职级: "见习客服专员", 主管评分: "20" }, "绩效工资")).toBe("0.00");
    expect(solo({ 职级: "培训生", 主管评分: "20" }, "绩效工资")).toBe("0.00");
  });

  it("绩效 is prorated by 出勤比例 by default; the param switches it off", () => {
    // 9/18 天, 主管评分 20 → 得分 20. Prorated: 300 × 9/18 × 20/100 = 30.00; not prorated: 300 × 20/100 = 60.00
    expect(solo({ 出勤天数: "9", 主管评分: "20" }, "绩效工资")).toBe("30.00");
    const p = variant(["  绩效按出勤折算:\n    value: true", "  绩效按出勤折算:\n    value: false"]);
    expect(solo({ 出勤天数: "9", 主管评分: "20" }, "绩效工资", p)).toBe("60.00");
  });
});

describe("team sales commission (整额, by 人均成交)", () => {
  // Two agents with no calls and no online time → the pool is split equally (each half = 50%).
  it.each([
    // [成交金额 A, B, 人均, pool, each]
    ["9999.99", "9999.99", "0.00", "0.00"], // 人均 9999.99 < 10000 → 0% → pool 0
    ["12000", "8000", "200.00", "100.00"], // 人均 10000 → 1% × 20000 = 200.00; 200 ÷ 2 = 100.00
    ["15000", "14999.98", "300.00", "150.00"], // 人均 14999.99 → 1% × 29999.98 = 299.9998 → pool ROUND 300.00; ÷ 2 = 150.00
    ["20000", "10000", "600.00", "300.00"], // 人均 15000 → 2% × 30000 = 600.00; ÷ 2 = 300.00
  ])("成交 %s + %s → pool %s → each %s", (a, b, _pool, each) => {
    const r = run([emp({ 团队: "甲", 成交金额: a }), emp({ 团队: "甲", 成交金额: b })]);
    expect(line(r, 0, "团队奖金")).toBe(each);
    expect(line(r, 1, "团队奖金")).toBe(each);
  });
});

describe("team order commission and the order threshold (团队 state, initial 100)", () => {
  const team = (orders: string[], name = "甲") => orders.map((o) => emp({ 团队: name, 有效订单数: o }));
  const pool = (r: PayrollRun) =>
    r.employees.reduce((s, _e, i) => s + Number(line(r, i, "团队奖金")) * 100, 0) / 100;

  it("not exceeded: 50 + 50 = 100 orders, not more than 100 → 0; next threshold stays 100", () => {
    const r = run(team(["50", "50"]));
    expect(pool(r)).toBe(0);
    expect(line(r, 0, "本月订单门槛")).toBe("100.00");
    expect(threshold(r, "甲")).toBe("100");
  });

  it("exceeded: 60 + 60 = 120 → 5 × (120 − 100) = 100.00, 50.00 each; next threshold ROUNDUP(100 × 105%) = 105", () => {
    const r = run(team(["60", "60"]));
    expect(line(r, 0, "团队奖金")).toBe("50.00");
    expect(line(r, 1, "团队奖金")).toBe("50.00");
    expect(threshold(r, "甲")).toBe("105");
  });

  it("prior threshold 105, 110 orders → 5 × (110 − 105) = 25.00; next ROUNDUP(105 × 1.05 = 110.25) = 111", () => {
    const prior: PriorState = { groups: { 团队: { 甲: { 订单门槛: "105" } } } };
    const r = run(team(["110"]), { prior });
    expect(line(r, 0, "本月订单门槛")).toBe("105.00");
    expect(line(r, 0, "团队奖金")).toBe("25.00");
    expect(threshold(r, "甲")).toBe("111");
  });

  it("chains over months: 2026-10 120 orders (100 → 105), 2026-11 110 orders (105 → 111)", () => {
    const oct = run(team(["120"]));
    expect(line(oct, 0, "团队奖金")).toBe("100.00"); // 5 × (120 − 100)
    const nov = run(team(["110"]), { period: "2026-11", prior: oct.nextState });
    expect(line(nov, 0, "团队奖金")).toBe("25.00"); // 5 × (110 − 105)
    expect(threshold(nov, "甲")).toBe("111"); // ROUNDUP(110.25, 0)
    const dec = run(team(["111"]), { period: "2026-12", prior: nov.nextState });
    expect(line(dec, 0, "团队奖金")).toBe("0.00"); // 111 is not more than 111
    expect(threshold(dec, "甲")).toBe("111"); // not exceeded → unchanged
  });

  it("thresholds are per team: another team's prior state does not apply", () => {
    const prior: PriorState = { groups: { 团队: { 乙: { 订单门槛: "150" } } } };
    const r = run([...team(["120"], "甲"), ...team(["120"], "乙")], { prior });
    expect(line(r, 0, "团队奖金")).toBe("100.00"); // 甲: 5 × (120 − 100)
    expect(line(r, 1, "团队奖金")).toBe("0.00"); // 乙: 120 ≤ 150
    expect(threshold(r, "甲")).toBe("105");
    expect(threshold(r, "乙")).toBe("150");
  });

  it("param 订单提成只计超出部分 = false: every order once over the threshold", () => {
    const p = variant([
      "  订单提成只计超出部分:\n    value: true",
      "  订单提成只计超出部分:\n    value: false",
    ]);
    const over = run(team(["120"]), { policy: p });
    expect(line(over, 0, "团队奖金")).toBe("600.00"); // 5 × 120
    const at = run(team(["100"]), { policy: p });
    expect(line(at, 0, "团队奖金")).toBe("0.00"); // 100 is not over 100
  });

  it("pool = sales commission + order commission", () => {
    // 成交 10000 → 1% = 100.00; orders 130 → 5 × 30 = 150.00; pool 250.00
    const r = run([emp({ 团队: "甲", 成交金额: "10000", 有效订单数: "130" })]);
    expect(line(r, 0, "团队奖金")).toBe("250.00");
  });
});

describe("team pool split: 50% by 接听量, 50% by 在线时长, exact to the 分", () => {
  it("uses the largest remainder so the parts sum exactly to the pool", () => {
    // 成交 10000.33 + 10000.33 + 10000.34 = 30001.00, 人均 10000.33 ≥ 10000 → 1% → pool 300.01 = 30001 分
    // 接听 100/200/300 (sum 600), 在线 60/50/40 (sum 150):
    //   w1 = ½·100/600 + ½·60/150 = 1/12 + 1/5 = 17/60
    //   w2 = ½·200/600 + ½·50/150 = 1/6 + 1/6 = 20/60
    //   w3 = ½·300/600 + ½·40/150 = 1/4 + 2/15 = 23/60
    // exact 分: 30001·17/60 = 8500.283, 30001·20/60 = 10000.333, 30001·23/60 = 11500.383
    // floors 8500 + 10000 + 11500 = 30000 → 1 分 left → largest remainder (.383) → member 3
    // naive rounding would give 85.00 + 100.00 + 115.00 = 300.00 ≠ 300.01
    const r = run([
      emp({ 团队: "丙", 成交金额: "10000.33", 接听量: "100", 在线时长: "60" }),
      emp({ 团队: "丙", 成交金额: "10000.33", 接听量: "200", 在线时长: "50" }),
      emp({ 团队: "丙", 成交金额: "10000.34", 接听量: "300", 在线时长: "40" }),
    ]);
    const parts = [0, 1, 2].map((i) => line(r, i, "团队奖金"));
    expect(parts).toEqual(["85.00", "100.00", "115.01"]);
    // the payslip shows each member's weight: 17/60 = 28.33%, 20/60 = 33.33%, 23/60 = 38.33%
    const weights = [0, 1, 2].map((i) =>
      getPayslip(r, i)
        .lines.find((l) => l.name === "团队奖金分配比例")
        ?.value.toString(),
    );
    expect(weights).toEqual(["0.2833", "0.3333", "0.3833"]);
    const cents = parts.reduce((s, p) => s + Math.round(Number(p) * 100), 0);
    expect(cents).toBe(30001);
  });

  it("splits equally when the whole team has no calls and no online time", () => {
    // orders 121 → 5 × 21 = 105.00; weights 1/3 each → 3500 分 each
    const r = run([emp({ 团队: "丁", 有效订单数: "121" }), emp({ 团队: "丁" }), emp({ 团队: "丁" })]);
    expect([0, 1, 2].map((i) => line(r, i, "团队奖金"))).toEqual(["35.00", "35.00", "35.00"]);
  });

  it("ties go to the earlier member: 100.00 over three equal weights", () => {
    // orders 120 → pool 100.00 = 10000 分; 3333.33 each, 1 分 left, equal remainders → first member
    const r = run([
      emp({ 团队: "戊", 有效订单数: "120", 接听量: "10", 在线时长: "5" }),
      emp({ 团队: "戊", 接听量: "10", 在线时长: "5" }),
      emp({ 团队: "戊", 接听量: "10", 在线时长: "5" }),
    ]);
    expect([0, 1, 2].map((i) => line(r, i, "团队奖金"))).toEqual(["33.34", "33.33", "33.33"]);
  });
});

describe("individual bonuses", () => {
  it.each([
    ["电话成交单数_已审批", "7", "电话成交奖", "35.00"], // 5 × 7 = 35.00
    ["电话成交单数_已审批", "0", "电话成交奖", "0.00"],
    ["外拨成交金额", "12345.67", "外拨提成", "370.37"], // 12345.67 × 3% = 370.3701 → 370.37
    ["外拨成交金额", "0.50", "外拨提成", "0.02"], // 0.50 × 3% = 0.015 → half-up → 0.02
    ["外拨成交金额", "10000", "外拨提成", "300.00"], // 10000 × 3% = 300.00
  ])("%s %s → %s %s", (input, value, item, expected) => {
    expect(solo({ [input]: value }, item)).toBe(expected);
  });
});

describe("training subsidy clawback (见习期内离职)", () => {
  it.each([
    // [入职日期, 离职日期, expected 扣回, reason]
    ["2026-08-15", "2026-10-14", "100.00"], // in period; MONTHS = 2 − 1 (14 < 15) = 1 < 3 → deduct 100
    ["2026-07-20", "2026-10-19", "100.00"], // MONTHS = 3 − 1 = 2 < 3 → deduct
    ["2026-07-20", "2026-10-20", "0.00"], // MONTHS = 3, not < 3 → keep
    ["2026-09-01", "2026-11-05", "0.00"], // leaves next period → nothing this month
    ["2026-09-01", "", "0.00"], // not leaving
    ["", "2026-10-14", "0.00"], // no 入职日期 → cannot tell, no deduction
  ])("入职 %s 离职 %s → 培训补贴扣回 %s", (start, end, expected) => {
    const r = run([emp({ 职级: "见习客服专员", 入职日期: start, 离职日期: end, 已发培训补贴: "100" })]);
    expect(line(r, 0, "培训补贴扣回")).toBe(expected);
  });

  it("deducts from net pay", () => {
    // 1800 × 9/18 = 900.00 底薪; 扣回 100; 社保 8000 × 10.5% = 840 + 公积金 560 → 扣款 1500.00; 实发 −600.00
    const r = run([
      emp({
        职级: "见习客服专员",
        出勤天数: "9",
        入职日期: "2026-08-15",
        离职日期: "2026-10-14",
        已发培训补贴: "100",
      }),
    ]);
    const slip = getPayslip(r, 0);
    expect(slip.gross.toFixed(2)).toBe("900.00");
    expect(slip.deductions.toFixed(2)).toBe("1500.00");
    expect(slip.net.toFixed(2)).toBe("-600.00");
  });
});

describe("deductions", () => {
  it("Shanghai 社保 and 公积金 (7%) on the 缴费基数, 个税 and 其他扣款 come off the gross", () => {
    // 8000 × 8% = 640, × 2% = 160, × 0.5% = 40; 公积金 8000 × 7% = 560; 个税 0 (2000 − 5000 < 0)
    // 2000.00 − (1400 + 7.16 = 1407.16) = 592.84
    const r = run([emp({ 其他扣款: "7.16" })]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["640.00", "160.00", "40.00", "560.00", "0.00"]);
    const slip = getPayslip(r, 0);
    expect(slip.gross.toFixed(2)).toBe("2000.00");
    expect(slip.deductions.toFixed(2)).toBe("1407.16");
    expect(slip.net.toFixed(2)).toBe("592.84");
  });

  it("clamps the base to Shanghai's 2026-07 floor 7546 and explains it", () => {
    // 7546 × 8% = 603.68
    const r = run([emp({ 缴费基数: "3000" })]);
    expect(line(r, 0, "个人养老保险")).toBe("603.68");
    const l = explainPayslip(r, 0).lines.find((x) => x.name === "个人养老保险");
    expect(l?.notes?.[0]).toContain("社保缴费基数 3000.00 低于下限 7546.00，按下限计算");
  });

  it("does not insure 培训生 and asks everyone else for a 缴费基数", () => {
    const r = run([emp({ 职级: "培训生", 缴费基数: "" }), emp({ 缴费基数: "" })]);
    expect(line(r, 0, "个人养老保险")).toBe("0.00");
    expect(line(r, 0, "个人住房公积金")).toBe("0.00");
    expect(formatEmployeeError(r, 1)).toContain("参加社保的员工须填写“缴费基数”列");
  });

  it("其他扣款 does not lower taxable income; 培训补贴扣回 does", () => {
    const r = run([
      emp({
        其他扣款: "50",
        职级: "见习客服专员",
        入职日期: "2026-08-15",
        离职日期: "2026-10-14",
        已发培训补贴: "100",
      }),
    ]);
    const ex = explainPayslip(r, 0);
    // 底薪 1800 × 18/18 = 1800; 本月计税收入 = 1800 − 100 (扣回) = 1700; 其他扣款 50 not subtracted
    expect(ex.details.find((d) => d.name === "本月计税收入")?.value).toBe("1700.00");
  });
});

describe("bad input is reported per employee", () => {
  it("a blank required 出勤天数 is an error for that employee; everyone else still computes", () => {
    const r = run([
      emp({ 团队: "甲", 有效订单数: "120", 接听量: "10" }),
      emp({ 团队: "甲", 出勤天数: "", 接听量: "10" }),
      emp({ 团队: "乙" }),
    ]);
    expect(r.errorCount).toBe(1);
    const e = getPayslip(r, 1).error;
    expect(e?.code).toBe("INPUT");
    expect(e?.item).toBe("出勤天数");
    expect(formatEmployeeError(r, 1)).toContain("出勤天数");
    // teammate: pool 5 × 20 = 100.00 split 50/50 (10 and 10 calls; no online time → equal) → 50.00
    expect(line(r, 0, "底薪")).toBe("2000.00");
    expect(line(r, 0, "团队奖金")).toBe("50.00");
    expect(line(r, 2, "底薪")).toBe("2000.00");
  });

  it("a blank or unknown 职级 is an error", () => {
    const r = run([emp({ 职级: "" }), emp({ 职级: "客服经理" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("职级");
    expect(getPayslip(r, 1).error?.zh).toContain("客服经理");
    expect(line(r, 2, "底薪")).toBe("2000.00");
  });

  it("a bad team metric blocks that team's team items but not other teams", () => {
    const r = run([emp({ 团队: "甲", 接听量: "abc" }), emp({ 团队: "甲" }), emp({ 团队: "乙" })]);
    expect(getPayslip(r, 0).error?.item).toBe("接听量");
    expect(getPayslip(r, 1).error?.code).toBe("GROUP");
    expect(line(r, 2, "底薪")).toBe("2000.00");
  });

  it("主管评分 above 20 is rejected", () => {
    const r = run([emp({ 主管评分: "21" })]);
    expect(getPayslip(r, 0).error?.item).toBe("主管评分");
  });
});

describe("explanations", () => {
  it("explains 绩效工资 with 考核得分", () => {
    // 得分 20 (主管评分) → 300 × 100% × 20 ÷ 100 = 60.00
    const r = run([emp({ 主管评分: "20" })]);
    const ex = explainPayslip(r, 0);
    const perf = ex.lines.find((l) => l.name === "绩效工资");
    expect(perf?.sentence).toContain("考核得分");
    expect(perf?.sentence).toContain("60.00");
    expect(perf?.description).toContain("考核得分");
    expect(ex.details.some((d) => d.name === "考核得分")).toBe(true);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
  });
});

describe("sample.csv", () => {
  const [header, ...rows] = SAMPLE_TEXT.trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  const employees: EmployeeInput[] = rows.map((cells, i) => ({
    values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])),
    source: { file: "sample.csv", row: i + 2 },
  }));
  const state = JSON.parse(
    readFileSync(new URL("./state-2026-09.json", import.meta.url), "utf8"),
  ) as PriorState;
  const r = run(employees, { prior: state });
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has the built-in fields and every input as headers, and covers every grade", () => {
    for (const f of ["工号", "姓名", "团队", "职级", "入职日期", "离职日期"]) expect(header).toContain(f);
    // The policy's own inputs, plus the statutory 缴费基数 and 专项附加扣除 (the other statutory inputs are optional).
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "缴费基数", "专项附加扣除"]) expect(header).toContain(f);
    const grades = new Set(employees.map((e) => e.values.职级));
    expect([...grades].sort()).toEqual([...(POLICY.doc.inputs.职级?.values ?? [])].map(String).sort());
  });

  it("computes with no errors", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
  });

  // 一组 (K101–K105): 来电 2200, 接听 2100 → 95.45% → 10; 点评 90 ÷ 5 ÷ 18 = 1 → 5;
  // 成交 62000 ÷ 5 = 12400 → 30 and 1% → 620.00; orders 125 → 5 × 25 = 125.00; pool 745.00 = 74500 分.
  // 在线 sum 525. w = ½(接听/2100 + 在线/525) = (接听 + 4·在线)/4200:
  //   K101 (285+240)/4200 → 74500·525/4200 = 9312.5 ; K102 (480+480) → 17028.571 ; K103 (495+440) → 16585.119
  //   K104 (470+460) → 16496.429 ; K105 (370+480) → 15077.381 ; floors sum 74498 → +1 分 to K102 (.571) and K101 (.5)
  // 二组 (K201–K203): 接听 515/550 = 93.6% → 0; 点评 27/3/18 = 0.5 → 0; 人均成交 8333.33 → 0; orders 70 → pool 0.
  it.each([
    // [工号, 底薪, 绩效工资, 团队奖金, 电话成交奖, 外拨提成, 扣款合计, 实发工资]
    // K101 见习 leaver: 1800 × 12/18 = 1200; no 绩效; 电话 1 × 5; clawback 150 (入职 08-17 → 离职 10-22: 2 months)
    //   gross 1200 + 93.13 + 5 = 1298.13; 社保公积金 at the floor 7546: 603.68 + 150.92 + 37.73 + 528 = 1320.33;
    //   个税 0 (ledger 2500 + 1148.13 < 5000 × 3 months); net 1298.13 − 150 − 1320.33 = −172.20
    ["K101", "1200.00", "0.00", "93.13", "5.00", "0.00", "1470.33", "-172.20"],
    // K102 客服专员: 得分 10 + 10 (120/18 h) + 15 + 5 + 30 + 18 + 5 = 93 → 300 × 93% = 279.00
    //   gross 2000 + 279 + 170.29 + 15 + 60 (2000 × 3%) = 2524.29; 基数 8000: 640 + 160 + 40 + 560 = 1400
    //   (个税 0: 22500 + 2524.29 − 50000 − 14000 < 0); net 1124.29
    ["K102", "2000.00", "279.00", "170.29", "15.00", "60.00", "1400.00", "1124.29"],
    // K103 高级: 10 + 10 (110/18) + 14.17 (15 × 17/18) + 5 + 30 + 16 = 85.17 → 300 × 85.17% = 255.51
    //   gross 2300 + 255.51 + 165.85 = 2721.36; 基数 9000: 720 + 180 + 45 + 630 = 1575; net 1146.36
    ["K103", "2300.00", "255.51", "165.85", "0.00", "0.00", "1575.00", "1146.36"],
    // K104 资深: 10 + 10 + 15 + 5 + 30 + 20 + 10 = 100 → 500.00; gross 2500 + 500 + 164.96 + 20 + 150 = 3334.96
    //   基数 12000: 960 + 240 + 60 + 840 = 2100, + 其他扣款 50 = 2150; net 1184.96
    ["K104", "2500.00", "500.00", "164.96", "20.00", "150.00", "2150.00", "1184.96"],
    // K105 见习: 1800 + 150.77 = 1950.77; floor 7546 → 1320.33 (个税 0: 2 months × 5000 > 3750.77); net 630.44
    ["K105", "1800.00", "0.00", "150.77", "0.00", "0.00", "1320.33", "630.44"],
    // K201 督导: 0 + 10 (110/18) + 15 + 0 + 0 + 20 = 45 → 500 × 45% = 225.00; 基数 15000: 1200 + 300 + 75 + 1050
    //   = 2625; net 3225.00 − 2625 = 600.00
    ["K201", "3000.00", "225.00", "0.00", "0.00", "0.00", "2625.00", "600.00"],
    // K202 月中入职 9/18: 2000 × 50% = 1000; 得分 0 + 0 (50/9 = 5.6 h) + 7.5 (15 × 9/18) + 14 = 21.5
    //   → 300 × 50% × 21.5% = 32.25; 电话 2 × 5 = 10; 外拨 1000 × 3% = 30; gross 1072.25; hired 10-20, no
    //   ledger needed; floor 7546 → 1320.33 for the whole month; net −248.08
    ["K202", "1000.00", "32.25", "0.00", "10.00", "30.00", "1320.33", "-248.08"],
    // K203 高级: 0 + 10 (115/18) + 15 + 17 + 5 = 47 → 300 × 47% = 141.00; 基数 8500: 680 + 170 + 42.50 + 595
    //   = 1487.50; net 953.50
    ["K203", "2300.00", "141.00", "0.00", "0.00", "0.00", "1487.50", "953.50"],
    // K301 培训生: 10 × 8 培训天数 = 80.00; not insured, hired 10-19 (no ledger), 个税 0
    // K106 alone in 三组, no calls or sales → score 0, 绩效 0, pool 0; 外拨 300000 × 3% = 9000; gross 11000.
    //   基数 10000: 800 + 200 + 50 + 700 = 1750. 个税 (ledger through Sep: income 130000, 专项 15750, 附加 9000,
    //   withheld 3505 = 60250 × 10% − 2520): 141000 − 50000 − 17500 − 10000 = 63500 × 10% − 2520 = 3830 − 3505
    //   = 325.00; net 11000 − 1750 − 325 = 8925.00
    ["K106", "2000.00", "0.00", "0.00", "0.00", "9000.00", "2075.00", "8925.00"],
    ["K301", "80.00", "0.00", "0.00", "0.00", "0.00", "0.00", "80.00"],
  ])("%s", (id, base, perf, team, call, outbound, ded, net) => {
    const i = at(id);
    expect(line(r, i, "底薪")).toBe(base);
    expect(line(r, i, "绩效工资")).toBe(perf);
    expect(line(r, i, "团队奖金")).toBe(team);
    expect(line(r, i, "电话成交奖")).toBe(call);
    expect(line(r, i, "外拨提成")).toBe(outbound);
    const slip = getPayslip(r, i);
    expect(slip.deductions.toFixed(2)).toBe(ded);
    expect(slip.net.toFixed(2)).toBe(net);
  });

  it("explains K106's 个税 with the 10% row and what was withheld before", () => {
    const ex = explainPayslip(r, at("K106"));
    expect(ex.lines.find((l) => l.name === "个人所得税")?.sentence).toBe(
      "个人所得税 = MAX(0, 累计应纳税额 3830.00 - 已预扣税额 3505.00) = 325.00",
    );
    const d = (n: string) => ex.details.find((x) => x.name === n)?.sentence;
    expect(d("累计应纳税额")).toContain("累计应纳税所得额 63500.00 × 适用税率 10% - 速算扣除数 2520.00");
    expect(d("累计减除费用")).toContain("任职月数 10");
    expect(r.nextState.employees?.K106).toMatchObject({ 个税累计已预扣: "3830", 个税累计收入: "141000" });
  });

  it("一组's team bonus parts sum exactly to the 745.00 pool; next thresholds 一组 105, 二组 100", () => {
    const cents = ["K101", "K102", "K103", "K104", "K105"].reduce(
      (s, id) => s + Math.round(Number(line(r, at(id), "团队奖金")) * 100),
      0,
    );
    expect(cents).toBe(74500); // 620.00 + 125.00
    expect(threshold(r, "一组")).toBe("105"); // 125 > 100 → ROUNDUP(105, 0)
    expect(threshold(r, "二组")).toBe("100"); // 70 ≤ 100 → unchanged
  });
});
