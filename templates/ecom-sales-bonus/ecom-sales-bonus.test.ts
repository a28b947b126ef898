/**
 * Golden tests for the 电商部薪资制度及奖金提成方案 template. Every expected value is worked out by hand in the
 * comment next to it. 2026-10 has 18 workdays (本月工作日), 2026-11 has 21. Unless a case says otherwise an
 * employee is a full-month 客服 中级 (月基本工资 4500, so the full 绩效 base is 4500 × 20% = 900), alone in a team,
 * 协作评分 80, 缴费基数 8000.
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
const STATE_TEXT = readFileSync(new URL("./state-2026-09.json", import.meta.url), "utf8");

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

/** Replaces exactly one occurrence of `from` in the policy text (fails loudly when the text moved). */
const variant = (...edits: [string, string][]): CompiledPolicy => compile(editPolicy(POLICY_TEXT, ...edits));

/** Flips a block-style boolean param (`  名称:\n    value: false`). */
const flip = (name: string, from: "true" | "false") =>
  variant([`  ${name}:\n    value: ${from}`, `  ${name}:\n    value: ${from === "true" ? "false" : "true"}`]);

type Row = Record<string, string>;
let seq = 0;

function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      团队: `独立${seq}`,
      岗位类别: "客服",
      职级: "中级",
      协作评分: "80",
      缴费基数: "8000",
      ...values,
    },
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy; mode?: "batch" | "scalar" } = {},
) {
  // Everyone starts with an empty 2026 tax ledger unless the test gives one (no ledger is an error after January).
  const ledgers = Object.fromEntries(employees.map((e) => [e.values.工号 ?? "", { 个税年度: "2026" }]));
  const prior: PriorState = { ...opts.prior, employees: { ...ledgers, ...opts.prior?.employees } };
  const r = runPayroll(opts.policy ?? POLICY, {
    period: opts.period ?? "2026-10",
    employees,
    prior,
    ...(opts.mode ? { mode: opts.mode } : {}),
  });
  if (!r.ok) throw new Error(r.problem.zh);
  return r.run;
}

function solo(values: Row, name: string, policy?: CompiledPolicy): string {
  return line(run([emp(values)], policy ? { policy } : {}), 0, name);
}

const detail = (r: PayrollRun, i: number, name: string) =>
  explainPayslip(r, i).details.find((d) => d.name === name)?.value;

describe("ecom-sales-bonus policy", () => {
  it("compiles without errors and with no labour-law warning", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    // No LABOR finding is expected: every example 基本工资 (4000–7000) is above Shanghai's 2740 minimum; there are
    // no fines, clawbacks, damages, overtime, probation or sick-pay rules; proration divides by 本月工作日 capped
    // at 100% (lawful). The Shanghai net-of-SI minimum is left to the per-employee run check (tested below).
    expect(lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!)).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.compiled?.doc.id).toBe("ecom-sales-bonus");
    expect(r.compiled?.doc.seedSection).toBe("电商部薪资制度及奖金提成方案");
    expect(r.compiled?.doc.statutory?.city).toBe("上海");
  });

  it("marks every amount the seed leaves open as an example", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of [
      "绩效工资比例",
      "目标达成权重",
      "工作质量权重",
      "工作态度权重",
      "调薪候选连续A等月数",
      "团队人均业绩目标",
      "团队协作达标分",
      "团队奖金比例",
    ])
      expect(params[p]?.example, p).toBe(true);
    for (const t of ["基本工资标准", "考核等级表", "绩效等级系数", "销售额奖金档次", "满意度奖金档次"])
      expect(POLICY.doc.tables[t]?.example, t).toBe(true);
    // the reading switches are not amounts
    for (const p of ["销售奖金超额累进", "绩效按等级系数", "团队奖金按考核得分分配"])
      expect(params[p]?.example, p).toBeUndefined();
  });

  it("names each reading's switch and the example city in the description", () => {
    const d = POLICY.doc.description;
    for (const s of [
      "示例值",
      "上海",
      "销售奖金超额累进",
      "销售额奖金仅限销售岗",
      "绩效按等级系数",
      "团队奖金按考核得分分配",
      "满意度奖金仅限客服岗",
      "调薪候选",
      "最低工资",
    ])
      expect(d).toContain(s);
  });
});

describe("基本工资 by 岗位类别 × 职级 (example table) and proration", () => {
  it.each([
    ["运营", "初级", "4500.00"],
    ["运营", "中级", "5500.00"],
    ["运营", "高级", "6500.00"],
    ["销售", "初级", "4000.00"],
    ["销售", "中级", "4800.00"],
    ["销售", "高级", "5600.00"],
    ["客服", "初级", "4000.00"],
    ["客服", "中级", "4500.00"],
    ["客服", "高级", "5000.00"],
    ["数据分析", "初级", "5000.00"],
    ["数据分析", "中级", "6000.00"],
    ["数据分析", "高级", "7000.00"],
  ])("%s %s → %s (full month, 出勤天数 blank = 本月工作日)", (post, grade, expected) => {
    expect(solo({ 岗位类别: post, 职级: grade }, "基本工资")).toBe(expected);
  });

  it.each([
    // [出勤天数, 月基本工资, expected 基本工资]
    ["18", "", "4500.00"], // 18/18 = 100%
    ["9", "", "2250.00"], // 4500 × 9/18 = 2250.00
    ["5", "", "1250.00"], // 4500 × 5/18 = 1250.00
    ["7", "5000", "1944.44"], // own 月基本工资 5000 × 7/18 = 1944.444… → 1944.44
    ["20", "", "4500.00"], // 20/18 capped at 100%
    ["0", "", "0.00"],
    ["", "5200", "5200.00"], // 月基本工资 (after a raise) replaces the table value
  ])("出勤 %s 月基本工资 %s → %s", (days, own, expected) => {
    expect(solo({ 出勤天数: days, 月基本工资: own }, "基本工资")).toBe(expected);
  });

  it("uses 本月工作日 of the period: 2026-11 has 21", () => {
    // 4500 × 7/21 = 1500.00
    expect(line(run([emp({ 出勤天数: "7" })], { period: "2026-11" }), 0, "基本工资")).toBe("1500.00");
  });
});

describe("考核得分 and 绩效工资 (default: 系数 = 得分 ÷ 100; 绩效 = 4500 × 出勤比例 × 20% × 系数)", () => {
  it.each([
    // [case, inputs, 得分, 绩效工资]
    ["nothing filled", {}, "0.00", "0.00"],
    ["目标达成率 100% → 50", { 目标达成率: "100%" }, "50.00", "450.00"], // 900 × 0.5
    ["目标达成率 120% → capped at 50", { 目标达成率: "120%" }, "50.00", "450.00"],
    ["目标达成率 33.33% → 16.665 → 16.67", { 目标达成率: "33.33%" }, "16.67", "150.03"], // 900 × 0.1667
    ["质量 85 → 30 × 0.85 = 25.5", { 质量评分: "85" }, "25.50", "229.50"], // 900 × 0.255
    ["态度 95 → 20 × 0.95 = 19", { 态度评分: "95" }, "19.00", "171.00"], // 900 × 0.19
    ["all full → 100", { 目标达成率: "100%", 质量评分: "100", 态度评分: "100" }, "100.00", "900.00"],
    // prorated: 4500 × 9/18 × 20% × 0.5 = 225.00
    ["9 of 18 days, 得分 50", { 出勤天数: "9", 目标达成率: "100%" }, "50.00", "225.00"],
  ] as [string, Row, string, string][])("%s", (_case, inputs, score, perf) => {
    const r = run([emp(inputs)]);
    expect(line(r, 0, "本月考核得分")).toBe(score);
    expect(line(r, 0, "绩效工资")).toBe(perf);
  });

  // 质量 100 and 态度 100 give 50 points; 目标达成率 r adds ROUND(50 × r, 2).
  const scored = (r: string) => ({ 目标达成率: r, 质量评分: "100", 态度评分: "100" });
  const byGrade = flip("绩效按等级系数", "false");

  it.each([
    // [目标达成率, 得分, 考核等级, 绩效 by 等级系数 (4500 × 20% = 900 × 系数)]
    ["80%", "90.00", "A", "1080.00"], // 40 + 50 = 90 → A 120% → 1080
    ["79.98%", "89.99", "B", "900.00"], // 39.99 + 50 → B 100%
    ["50%", "75.00", "B", "900.00"], // 25 + 50 → B
    ["49.98%", "74.99", "C", "720.00"], // 24.99 + 50 → C 80%
    ["20%", "60.00", "C", "720.00"], // 10 + 50 → C
    ["19.98%", "59.99", "D", "0.00"], // 9.99 + 50 → D 0%
  ])("目标达成率 %s → %s 分 → %s 等; 按等级系数 绩效 %s", (rate, score, grade, perf) => {
    const r = run([emp(scored(rate))], { policy: byGrade });
    expect(line(r, 0, "本月考核得分")).toBe(score);
    expect(detail(r, 0, "考核等级")).toBe(grade); // shown in the explanation of 绩效系数
    expect(line(r, 0, "绩效工资")).toBe(perf);
  });

  it("by default 绩效 follows the score, not the grade: 89.99 → 900 × 0.8999 = 809.91", () => {
    expect(solo(scored("79.98%"), "绩效工资")).toBe("809.91");
  });
});

describe("销售额奖金 (销售 初级; 档次 0 / 3万 1% / 6万 2% / 10万 3%)", () => {
  const grading = flip("销售奖金超额累进", "false");
  it.each([
    // [个人销售额, 整额 (default), 超额累进]
    ["0", "0.00", "0.00"],
    ["29999.99", "0.00", "0.00"], // below the first paying tier
    ["30000", "300.00", "0.00"], // 整额 30000 × 1%; 累进: nothing above 30000 yet
    ["45000", "450.00", "150.00"], // 45000 × 1%; 累进 15000 × 1%
    ["59999.99", "600.00", "300.00"], // 599.9999 → 600.00; 累进 29999.99 × 1% = 299.9999 → 300.00
    ["60000", "1200.00", "300.00"], // 60000 × 2%; 累进 30000 × 1%
    ["100000", "3000.00", "1100.00"], // 100000 × 3%; 累进 300 + 40000 × 2% = 1100
    ["150000", "4500.00", "2600.00"], // 150000 × 3%; 累进 1100 + 50000 × 3% = 2600
  ])("%s → 整额 %s, 超额累进 %s", (sales, whole, marginal) => {
    const v = { 岗位类别: "销售", 职级: "初级", 个人销售额: sales };
    expect(solo(v, "销售额奖金")).toBe(whole);
    expect(solo(v, "销售额奖金", grading)).toBe(marginal);
  });

  it("the 定额奖金 column pays a fixed amount for reaching a tier (rate set to 0%)", () => {
    const p = variant(["- [60000, 2%, 0]", "- [60000, 0%, 500]"]);
    const v = (sales: string) => ({ 岗位类别: "销售", 职级: "初级", 个人销售额: sales });
    expect(solo(v("60000"), "销售额奖金", p)).toBe("500.00"); // 60000 × 0% + 500
    expect(solo(v("99999.99"), "销售额奖金", p)).toBe("500.00");
    expect(solo(v("59999.99"), "销售额奖金", p)).toBe("600.00"); // still the 1% tier: 599.9999 + 0
  });

  it("only 销售 by default; 销售额奖金仅限销售岗 = false pays every post", () => {
    expect(solo({ 岗位类别: "客服", 个人销售额: "100000" }, "销售额奖金")).toBe("0.00");
    expect(solo({ 岗位类别: "运营", 个人销售额: "100000" }, "销售额奖金")).toBe("0.00");
    const p = flip("销售额奖金仅限销售岗", "true");
    expect(solo({ 岗位类别: "客服", 个人销售额: "100000" }, "销售额奖金", p)).toBe("3000.00"); // 3%
  });

  it("is not prorated: a 9-day 销售 with 60000 still gets 1200.00", () => {
    expect(solo({ 岗位类别: "销售", 出勤天数: "9", 个人销售额: "60000" }, "销售额奖金")).toBe("1200.00");
  });
});

describe("团队业绩奖金 (target 60000 × 人数, 协作平均 ≥ 80, pool 1%, split by 出勤比例)", () => {
  const team = (rows: Row[], name = "甲") => rows.map((v) => emp({ 团队: name, ...v }));
  const parts = (r: PayrollRun) => r.employees.map((_e, i) => line(r, i, "团队业绩奖金"));

  it.each([
    // [case, rows, expected parts]
    // 60000 + 60000 = 120000 = 2 × 60000 → pool 1200.00 → 600.00 each
    ["exactly on target", [{ 个人销售额: "60000" }, { 个人销售额: "60000" }], ["600.00", "600.00"]],
    // 119999.99 < 120000 → no pool
    ["0.01 short", [{ 个人销售额: "60000" }, { 个人销售额: "59999.99" }], ["0.00", "0.00"]],
    // 协作 85 + 75 → 平均 80 → 达标
    [
      "协作平均 exactly 80",
      [
        { 个人销售额: "60000", 协作评分: "85" },
        { 个人销售额: "60000", 协作评分: "75" },
      ],
      ["600.00", "600.00"],
    ],
    // 协作 80 + 79.98 → 79.99 < 80 → no pool although sales are on target
    [
      "协作平均 79.99",
      [
        { 个人销售额: "100000", 协作评分: "80" },
        { 个人销售额: "100000", 协作评分: "79.98" },
      ],
      ["0.00", "0.00"],
    ],
    // 120000.55 × 1% = 1200.0055 → pool ROUND 1200.01 = 120001 分 → 60000.5 each → 1 分 to the first (tie)
    ["pool rounded to 分", [{ 个人销售额: "60000.55" }, { 个人销售额: "60000" }], ["600.01", "600.00"]],
    // 200000 ≥ 180000 → pool 2000.00 = 200000 分 / 3 = 66666.67 → floors 199998, 2 分 to the first two
    ["three equal members", [{ 个人销售额: "200000" }, {}, {}], ["666.67", "666.67", "666.66"]],
    // 180000 → pool 1800.00; weights 1, 1, 0 (出勤 0 天) → 900.00, 900.00, 0.00
    [
      "a member with no attendance gets nothing",
      [{ 个人销售额: "180000" }, {}, { 出勤天数: "0" }],
      ["900.00", "900.00", "0.00"],
    ],
    // 180000 → 1800.00; weights 1, 1, 5/18 → 18 : 18 : 5 of 41: 180000 分 × 18/41 = 79024.39 (×2),
    // × 5/41 = 21951.22 → floors 79024 + 79024 + 21951 = 179999 → 1 分 to the largest remainder (.39, first)
    [
      "mid-month hire shares by 出勤比例",
      [{ 个人销售额: "180000" }, {}, { 出勤天数: "5" }],
      ["790.25", "790.24", "219.51"],
    ],
  ] as [string, Row[], string[]][])("%s", (_case, rows, expected) => {
    expect(parts(run(team(rows)))).toEqual(expected);
  });

  it("the team's sales include every post, whatever gets the 销售额奖金", () => {
    // a 销售 with 30000 and a 客服 with 90000: 120000 ≥ 120000 → pool 1200.00 → 600 each
    const r = run(team([{ 岗位类别: "销售", 个人销售额: "30000" }, { 个人销售额: "90000" }]));
    expect(parts(r)).toEqual(["600.00", "600.00"]);
    expect(line(r, 0, "本月团队奖金池")).toBe("1200.00");
  });

  it("teams are independent", () => {
    const r = run([...team([{ 个人销售额: "60000" }], "甲"), ...team([{ 个人销售额: "59999" }], "乙")]);
    expect(parts(r)).toEqual(["600.00", "0.00"]); // 甲: 60000 × 1%; 乙: below its 60000 target
  });

  it("团队奖金按考核得分分配 = true: weights 考核得分 × 出勤比例; all zero → equal", () => {
    const p = flip("团队奖金按考核得分分配", "false");
    const full = { 目标达成率: "100%", 质量评分: "100", 态度评分: "100" }; // 100 分
    // pool 1200.00; scores 100 and 50 → 800.00 and 400.00
    const r = run(team([{ 个人销售额: "120000", ...full }, { 目标达成率: "100%" }]), { policy: p });
    expect(parts(r)).toEqual(["800.00", "400.00"]);
    // scores 100 (9 of 18 days → weight 50) and 50 (full month → 50) → 600.00 each
    const half = run(team([{ 个人销售额: "120000", 出勤天数: "9", ...full }, { 目标达成率: "100%" }]), {
      policy: p,
    });
    expect(parts(half)).toEqual(["600.00", "600.00"]);
    // nobody scored → every weight 0 → split equally: 600.00 each
    const zero = run(team([{ 个人销售额: "120000" }, {}]), { policy: p });
    expect(parts(zero)).toEqual(["600.00", "600.00"]);
  });
});

describe("客户满意度奖金 (客服 only; 90% 100 / 95% 200 / 98% 300)", () => {
  it.each([
    ["", "0.00"],
    ["89.99%", "0.00"],
    ["90%", "100.00"],
    ["94.99%", "100.00"],
    ["95%", "200.00"],
    ["97.99%", "200.00"],
    ["98%", "300.00"],
    ["100%", "300.00"],
  ])("满意度 %s → %s", (rate, expected) => {
    expect(solo({ 客户满意度: rate }, "客户满意度奖金")).toBe(expected);
  });

  it("only 客服 by default; 满意度奖金仅限客服岗 = false pays every post", () => {
    expect(solo({ 岗位类别: "销售", 客户满意度: "98%" }, "客户满意度奖金")).toBe("0.00");
    const p = flip("满意度奖金仅限客服岗", "true");
    expect(solo({ 岗位类别: "销售", 客户满意度: "98%" }, "客户满意度奖金", p)).toBe("300.00");
  });

  it("a satisfaction above 100% is rejected", () => {
    const r = run([emp({ 客户满意度: "101%" })]);
    expect(getPayslip(r, 0).error?.item).toBe("客户满意度");
  });
});

describe("补贴 and 专项奖励 are paid as entered", () => {
  it("adds them to the gross", () => {
    // 4500 + 0 绩效 + 300 + 1000 = 5800.00
    const r = run([emp({ 补贴金额: "300", 专项奖励金额: "1000" })]);
    expect([line(r, 0, "补贴"), line(r, 0, "专项奖励"), getPayslip(r, 0).gross.toFixed(2)]).toEqual([
      "300.00",
      "1000.00",
      "5800.00",
    ]);
  });
});

describe("调薪候选 (连续 3 个月 A 等, state per employee)", () => {
  const a = { 目标达成率: "100%", 质量评分: "100", 态度评分: "100" }; // 100 分 → A
  const b = { 目标达成率: "100%", 质量评分: "100" }; // 80 分 → B
  const warned = (r: PayrollRun) => listWarnings(r).filter((w) => w.check === "调薪候选");
  const streak = (r: PayrollRun) => r.nextState.employees?.E900?.连续A等月数;
  const me = (v: Row) => ({ values: { ...emp(v).values, 工号: "E900" } });

  it("warns in the third A month in a row, then counts again from 0", () => {
    const aug = run([me(a)], { period: "2026-08" });
    expect(warned(aug)).toEqual([]);
    expect(streak(aug)).toBe("1");
    const sep = run([me(a)], { period: "2026-09", prior: aug.nextState });
    expect(warned(sep)).toEqual([]);
    expect(streak(sep)).toBe("2");
    const oct = run([me(a)], { period: "2026-10", prior: sep.nextState });
    const w = warned(oct);
    expect(w.map((x) => x.zh)).toEqual([
      "连续 3 个月考核为 A（本月 100 分），按调薪机制列为调薪候选；评估后请调整“职级”或“月基本工资”",
    ]);
    expect(streak(oct)).toBe("0"); // reset after the recommendation
    const nov = run([me(a)], { period: "2026-11", prior: oct.nextState });
    expect(warned(nov)).toEqual([]);
    expect(streak(nov)).toBe("1");
  });

  it("a B month breaks the streak", () => {
    const prior: PriorState = { employees: { E900: { 个税年度: "2026", 连续A等月数: "2" } } };
    const r = run([me(b)], { prior });
    expect(warned(r)).toEqual([]);
    expect(streak(r)).toBe("0");
  });

  it("with 调薪候选连续A等月数 = 1 every A month is a candidate", () => {
    const p = variant(["value: 3\n    type: integer", "value: 1\n    type: integer"]);
    expect(warned(run([me(a)], { policy: p })).length).toBe(1);
    expect(warned(run([me(b)], { policy: p })).length).toBe(0);
  });
});

describe("statutory deductions (上海 示例)", () => {
  it("社保 8% / 2% / 0.5% and 公积金 7% of the 缴费基数; 个税 by cumulative withholding", () => {
    // 缴费基数 8000: 640 + 160 + 40, 公积金 560; gross 4500 → 个税 0 (4500 − 5000 − 1400 < 0); net 3100.00
    const r = run([emp()]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["640.00", "160.00", "40.00", "560.00", "0.00"]);
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("3100.00");
  });

  it("clamps the 社保 base to the 7546 floor but the 公积金 base only to its own 2740 floor", () => {
    // 7000 → 社保 7546: 603.68 + 150.92 + 37.73; 公积金 7000 × 7% = 490
    const r = run([emp({ 缴费基数: "7000" })]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金"].map((n) => line(r, 0, n)),
    ).toEqual(["603.68", "150.92", "37.73", "490.00"]);
  });

  it("warns when pay net of 社保公积金 is below Shanghai's 2740 (no 绩效, no bonus)", () => {
    // 客服 初级 4000, 得分 0: 4000 − (792.33 + 528) = 2679.67 < 2740 → warning
    // with 目标达成率 100%: 4000 + 4000 × 20% × 50% = 4400 − 1320.33 = 3079.67 → no warning
    const r = run([
      emp({ 职级: "初级", 缴费基数: "7546" }),
      emp({ 职级: "初级", 缴费基数: "7546", 目标达成率: "100%" }),
    ]);
    const w = listWarnings(r).filter((x) => x.check === "低于最低工资");
    expect(w.map((x) => x.index)).toEqual([0]);
    expect(w[0]?.zh).toContain("2679.67");
  });
});

describe("bad input is reported per employee", () => {
  it("a missing 协作评分 is an error; the teammates' team lines fail, other teams compute", () => {
    const r = run([
      emp({ 团队: "甲", 个人销售额: "120000" }),
      emp({ 团队: "甲", 协作评分: "" }),
      emp({ 团队: "乙" }),
    ]);
    expect(getPayslip(r, 1).error?.item).toBe("协作评分");
    expect(getPayslip(r, 0).error?.code).toBe("GROUP");
    expect(line(r, 2, "基本工资")).toBe("4500.00");
  });

  it("an unknown 岗位类别 or 职级 is an error", () => {
    const r = run([emp({ 岗位类别: "美工" }), emp({ 职级: "资深" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("岗位类别");
    expect(getPayslip(r, 1).error?.item).toBe("职级");
    expect(line(r, 2, "基本工资")).toBe("4500.00");
  });
});

describe("explanations", () => {
  it("every line has a description; 绩效工资 names 绩效系数", () => {
    const r = run([emp({ 目标达成率: "100%" })]);
    const ex = explainPayslip(r, 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    expect(ex.lines.find((l) => l.name === "绩效工资")?.sentence).toContain("绩效系数");
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
  const state = JSON.parse(STATE_TEXT) as PriorState;
  const r = run(employees, { prior: state });
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has every input as a header and computes with no errors", () => {
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "工号", "姓名", "团队", "入职日期", "离职日期", "缴费基数"])
      expect(header).toContain(f);
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
    const posts = new Set(employees.map((e) => e.values.岗位类别));
    expect([...posts].sort()).toEqual(["客服", "数据分析", "运营", "销售"]);
  });

  // 销售一组 (E101–E104): 150000 + 80000 + 30000 + 15000 = 275000 ≥ 4 × 60000; 协作 (90+85+80+75)/4 = 82.5 ≥ 80
  //   → pool 2750.00 = 275000 分; weights 1, 1, 0.5 (E103 9/18 天), 1 → 10:10:5:10 of 35:
  //   78571.43 (E101, E102, E104), 39285.71 (E103); floors 274998 → 2 分: E103 (.71), then E101 (first of ties)
  // 客服组: 60000 + 50000 + 10000 = 120000 < 180000 → 0.  运营数据组: 200000 ≥ 180000 but 协作 75 < 80 → 0.
  it.each([
    // [工号, 基本工资, 绩效工资, 销售额奖金, 团队业绩奖金, 客户满意度奖金, 应发, 扣款合计, 实发]
    // E101 销售高级 5600; 50 (120% capped) + 27 + 19 = 96 → 5600 × 20% × 0.96 = 1075.20; 150000 × 3% = 4500
    //   gross 11960.92; 社保公积金 12000: 960 + 240 + 60 + 840 = 2100; 个税: (90000 + 11960.92 − 50000 − 21000)
    //   = 30960.92 × 3% = 928.83 − 783 withheld = 145.83; deductions 2245.83; net 9715.09
    ["E101", "5600.00", "1075.20", "4500.00", "785.72", "0.00", "11960.92", "2245.83", "9715.09"],
    // E102 月基本工资 5000 (填写的优先); 40 + 24 + 16 = 80 → 5000 × 20% × 0.8 = 800; 80000 × 2% = 1600
    //   gross 8185.71; 9000: 720 + 180 + 45 + 630 = 1575; 个税 (63000 + 8185.71 − 50000 − 15750) = 5435.71 × 3%
    //   = 163.07 − 114.75 = 48.32; net 8185.71 − 1623.32 = 6562.39
    ["E102", "5000.00", "800.00", "1600.00", "785.71", "0.00", "8185.71", "1623.32", "6562.39"],
    // E103 hired 10-20, 9/18: 4000 × 0.5 = 2000; 25 + 18 + 14 = 57 → 2000 × 20% × 0.57 = 228; 30000 → 1% = 300
    //   gross 2920.86; floor 7546: 603.68 + 150.92 + 37.73 + 528 = 1320.33; 个税 0 (2920.86 < 5000); net 1600.53
    ["E103", "2000.00", "228.00", "300.00", "392.86", "0.00", "2920.86", "1320.33", "1600.53"],
    // E104 客服中级 4500; 50 + 25.5 + 18 = 93.5 → 841.50; no 销售额奖金 (客服); 96% → 200
    //   gross 6327.21; 8000 → 1400; 个税 0 (45000 + 6327.21 − 50000 − 14000 < 0); net 4927.21
    ["E104", "4500.00", "841.50", "0.00", "785.71", "200.00", "6327.21", "1400.00", "4927.21"],
    // E201 客服高级 5000; 100 → 1000; 98% → 300; gross 6300; 9000 → 1575; 个税 0; net 4725.00
    ["E201", "5000.00", "1000.00", "0.00", "0.00", "300.00", "6300.00", "1575.00", "4725.00"],
    // E202 客服初级 4000; 45 + 21 + 15 = 81 → 648; 89.99% → 0; gross 4648; 7546 → 1320.33; net 3327.67
    ["E202", "4000.00", "648.00", "0.00", "0.00", "0.00", "4648.00", "1320.33", "3327.67"],
    // E203 leaves 10-16, 11/18: 4500 × 11/18 = 2750; 30 + 21 + 12 = 63 → 2750 × 20% × 0.63 = 346.50; 95% → 200
    //   gross 3296.50; 8000 → 1400 (full month); net 1896.50
    ["E203", "2750.00", "346.50", "0.00", "0.00", "200.00", "3296.50", "1400.00", "1896.50"],
    // E301 运营中级 5500; 50 + 27 + 17 = 94 → 1034; 补贴 300; gross 6834; 10000 → 1750; net 5084.00
    ["E301", "5500.00", "1034.00", "0.00", "0.00", "0.00", "6834.00", "1750.00", "5084.00"],
    // E302 数据分析高级 7000; 50 + 28.5 + 18 = 96.5 → 1351; 专项奖励 1000; gross 9351; 15000 → 2625;
    //   个税 (81000 + 9351 − 50000 − 26250) = 14101 × 3% = 423.03 − 371.25 = 51.78; net 9351 − 2676.78 = 6674.22
    ["E302", "7000.00", "1351.00", "0.00", "0.00", "0.00", "9351.00", "2676.78", "6674.22"],
    // E303 运营初级 4500, nothing scored → 0; 社保 7546 floor 792.33 + 公积金 7000 × 7% = 490 → 1282.33; net 3217.67
    ["E303", "4500.00", "0.00", "0.00", "0.00", "0.00", "4500.00", "1282.33", "3217.67"],
  ])("%s", (id, base, perf, sales, team, sat, gross, ded, net) => {
    const i = at(id);
    expect(
      ["基本工资", "绩效工资", "销售额奖金", "团队业绩奖金", "客户满意度奖金"].map((n) => line(r, i, n)),
    ).toEqual([base, perf, sales, team, sat]);
    const slip = getPayslip(r, i);
    expect([slip.gross.toFixed(2), slip.deductions.toFixed(2), slip.net.toFixed(2)]).toEqual([
      gross,
      ded,
      net,
    ]);
  });

  it("销售一组's parts sum exactly to the 2750.00 pool", () => {
    const cents = ["E101", "E102", "E103", "E104"].reduce(
      (s, id) => s + Math.round(Number(line(r, at(id), "团队业绩奖金")) * 100),
      0,
    );
    expect(cents).toBe(275000);
  });

  it("warns only E101 (3rd A month: prior 2 → 3) and carries the streaks", () => {
    expect(listWarnings(r).map((w) => `${w.工号} ${w.check}`)).toEqual(["E101 调薪候选"]);
    const s = (id: string) => r.nextState.employees?.[id]?.连续A等月数;
    // E101 reset after the warning; E104 A → 1; E201 1 → 2; E102 B → 0; E302 A → 1
    expect(["E101", "E104", "E201", "E102", "E302"].map(s)).toEqual(["0", "1", "2", "0", "1"]);
  });
});

describe("batch and row-by-row engines agree", () => {
  it("on the sample and edge rows, with each reading switched", () => {
    expect(POLICY.batch).not.toBeNull();
    const [header, ...rows] = SAMPLE_TEXT.trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const employees: EmployeeInput[] = [
      ...rows.map((cells) => ({ values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])) })),
      emp({ 团队: "边", 个人销售额: "120000", 出勤天数: "0" }),
      emp({ 团队: "边", 协作评分: "" }),
      emp({ 岗位类别: "销售", 个人销售额: "59999.99", 客户满意度: "98%" }),
    ];
    const prior = JSON.parse(STATE_TEXT) as PriorState;
    const policies = [
      POLICY,
      flip("销售奖金超额累进", "false"),
      flip("绩效按等级系数", "false"),
      flip("团队奖金按考核得分分配", "false"),
    ];
    for (const policy of policies) {
      const fp = (mode: "batch" | "scalar") => {
        const out = run(employees, { prior, policy, mode });
        return out.employees.map((_e, i) => {
          const p = getPayslip(out, i);
          return [p.lines.map((l) => `${l.name}=${l.value.toString()}`), formatEmployeeError(out, i)];
        });
      };
      expect(fp("batch")).toEqual(fp("scalar"));
    }
  });
});
