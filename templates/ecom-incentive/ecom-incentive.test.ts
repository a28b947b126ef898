/**
 * Golden tests for the 电商客服激励方案 template. Every expected value is worked out by hand in the comment next to
 * it. 2026-10 has 18 workdays (本月工作日); Shanghai's minimum wage is 2740 and excludes the employee's own
 * 社保公积金. Unless a case says otherwise an employee is a full-time 客服 employed the whole month, 月基本岗位工资
 * 3500 (example), 住房补助 500 (example), no 入职日期 (经验年数 0), 缴费基数 7546 (the 2026-07 社保 floor:
 * 603.68 + 150.92 + 37.73 + 公积金 7546 × 7% = 528.22 → 528 = 1320.33).
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

const variant = (...edits: [string, string][]): CompiledPolicy => compile(editPolicy(POLICY_TEXT, ...edits));

/** The edit that flips a block-style boolean param (`  名称:\n    value: false`). */
const flipEdit = (name: string, from: "true" | "false"): [string, string] => [
  `  ${name}:\n    value: ${from}`,
  `  ${name}:\n    value: ${from === "true" ? "false" : "true"}`,
];
const flip = (name: string, from: "true" | "false") => variant(flipEdit(name, from));

const CASH = flip("奖励以现金发放", "false");

type Row = Record<string, string>;
let seq = 0;

function emp(values: Row = {}): EmployeeInput {
  seq++;
  return { values: { 工号: `W${seq}`, 姓名: `员工${seq}`, 团队: "客服组", 缴费基数: "7546", ...values } };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy; mode?: "batch" | "scalar" } = {},
) {
  // Everyone starts with an empty 2026 tax ledger unless the test gives one (no ledger is an error after January).
  const ledgers = Object.fromEntries(
    employees.map((e) => [
      e.values.工号 ?? "",
      { 个税年度: "2026", ...opts.prior?.employees?.[e.values.工号 ?? ""] },
    ]),
  );
  const prior: PriorState = { ...opts.prior, employees: { ...opts.prior?.employees, ...ledgers } };
  const r = runPayroll(opts.policy ?? POLICY, {
    period: opts.period ?? "2026-10",
    employees,
    prior,
    ...(opts.mode ? { mode: opts.mode } : {}),
  });
  if (!r.ok) throw new Error(r.problem.zh);
  return r.run;
}

const col = (r: PayrollRun, name: string) => r.employees.map((_e, i) => line(r, i, name));

function solo(values: Row, name: string, policy?: CompiledPolicy): string {
  return line(run([emp(values)], policy ? { policy } : {}), 0, name);
}

const lowPay = (r: PayrollRun) => listWarnings(r).filter((w) => w.check === "低于最低工资");

describe("ecom-incentive policy", () => {
  it("compiles without errors and with no labour-law warning", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    // No LABOR finding is expected: the example 基本岗位工资 3500 is above Shanghai's 2740 and 底薪调节 tops pay
    // up to the minimum; no fines, clawbacks, overtime, probation or sick-pay rules; proration ÷ 本月工作日 is
    // capped at 100%. The top-up's scope reads 参加社保 instead of comparing 用工类型 with "非全日制", because the
    // non-full-time rule fires on any "非全日制" literal, even one that excludes those staff.
    expect(lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!)).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.compiled?.doc.id).toBe("ecom-incentive");
    expect(r.compiled?.doc.seedSection).toBe("电商客服激励方案(二篇)");
  });

  it("marks every amount the seed leaves blank as an example", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of [
      "基本岗位工资标准",
      "住房补助标准",
      "最佳服务奖满意度标准",
      "最佳服务奖金额",
      "下单最佳进步奖金额",
      "下单量最多奖金额",
      "连续达标奖月数",
      "连续达标奖金额",
    ])
      expect(params[p]?.example, p).toBe(true);
    expect(POLICY.doc.tables.工龄经验工资标准?.example).toBe(true);
    for (const p of ["奖励以现金发放", "底薪调节补足", "进步按增长率"])
      expect(params[p]?.example, p).toBeUndefined();
  });

  it("describes every reading, the non-cash awards and the office contest", () => {
    const d = POLICY.doc.description;
    for (const s of [
      "示例值",
      "上海",
      "物品奖励",
      "最美办公室",
      "不是工资项",
      "奖励以现金发放",
      "底薪调节补足",
      "底薪调节含未满月员工",
      "住房补助计入最低工资",
      "住房补助按出勤折算",
      "最佳服务奖仅限第一名",
      "进步按增长率",
      "下单量最多并列平分",
      "连续达标奖达到后重新计数",
    ])
      expect(d).toContain(s);
    // the office contest is described, never paid
    expect(POLICY.doc.items.map((i) => i.name).join()).not.toMatch(/办公室/);
  });
});

describe("基本岗位工资, 工龄经验工资, 住房补助", () => {
  it.each([
    // [inputs, 基本岗位工资, 工龄经验工资, 住房补助]
    [{}, "3500.00", "0.00", "500.00"],
    [{ 月基本岗位工资: "4200" }, "4200.00", "0.00", "500.00"],
    // 经验年数 from 入职日期 to 2026-10-31: 2025-10-31 → 1 year → 100; 2025-11-01 → 0
    [{ 入职日期: "2025-10-31" }, "3500.00", "100.00", "500.00"],
    [{ 入职日期: "2025-11-01" }, "3500.00", "0.00", "500.00"],
    [{ 入职日期: "2024-10-31" }, "3500.00", "200.00", "500.00"], // 2 years
    [{ 经验年数: "4" }, "3500.00", "300.00", "500.00"], // 3 ≤ 4 < 5 → 300
    [{ 经验年数: "5" }, "3500.00", "500.00", "500.00"],
    [{ 经验年数: "12", 入职日期: "2026-01-05" }, "3500.00", "500.00", "500.00"], // the column wins over the date
    // 9 of 18 days: 3500 × 0.5, 200 × 0.5, 500 × 0.5
    [{ 出勤天数: "9", 经验年数: "2" }, "1750.00", "100.00", "250.00"],
    // 5 of 18: 3500 × 5/18 = 972.22; 300 × 5/18 = 83.33; 500 × 5/18 = 138.89
    [{ 出勤天数: "5", 经验年数: "3" }, "972.22", "83.33", "138.89"],
    [{ 出勤天数: "20" }, "3500.00", "0.00", "500.00"], // capped at 100%
  ] as [Row, string, string, string][])("%j", (values, base, exp, housing) => {
    const r = run([emp(values)]);
    expect([line(r, 0, "基本岗位工资"), line(r, 0, "工龄经验工资"), line(r, 0, "住房补助")]).toEqual([
      base,
      exp,
      housing,
    ]);
  });

  it("住房补助按出勤折算 = false pays the full 500 for a part month", () => {
    expect(solo({ 出勤天数: "9" }, "住房补助", flip("住房补助按出勤折算", "true"))).toBe("500.00");
  });
});

describe("底薪调节: top-up to 最低工资标准 × 出勤比例, net of 社保公积金, 住房补助 not counted", () => {
  it.each([
    // [case, inputs, 底薪调节, 实发]
    // 3500 − 1320.33 = 2179.67 → 2740 − 2179.67 = 560.33; net 3500 + 500 + 560.33 − 1320.33 = 3240.00 (2740 + 500)
    ["base only", {}, "560.33", "3240.00"],
    // 3500 + 500 − 1320.33 = 2679.67 → 60.33; net again 2740 + 500 = 3240.00
    ["with 经验 500", { 经验年数: "5" }, "60.33", "3240.00"],
    // 4060.33 − 1320.33 = 2740.00 → exactly the minimum → 0; net 4060.33 + 500 − 1320.33 = 3240.00
    ["exactly at the minimum", { 月基本岗位工资: "4060.33" }, "0.00", "3240.00"],
    ["1 分 short", { 月基本岗位工资: "4060.32" }, "0.01", "3240.00"],
    // above: 5000 − 1320.33 = 3679.67 → 0; net 5000 + 500 − 1320.33 = 4179.67
    ["above", { 月基本岗位工资: "5000" }, "0.00", "4179.67"],
    // 缴费基数 10000: 1050 + 700 = 1750; 3500 − 1750 = 1750 → 990.00; net 3500 + 500 + 990 − 1750 = 3240.00
    ["higher 社保", { 缴费基数: "10000" }, "990.00", "3240.00"],
    // 9 of 18 days: floor 1370; 1750 − 1320.33 = 429.67 → 940.33; net 1750 + 250 + 940.33 − 1320.33 = 1620.00
    // The run check compares with the full monthly 2740 for staff employed the whole month, so part attendance
    // (absence) is still flagged for HR to review — the message says so.
    ["9 of 18 days", { 出勤天数: "9" }, "940.33", "1620.00", true],
    // 1 day: floor 2740/18 = 152.2222; 3500/18 = 194.44 − 1320.33 = −1125.89 → 152.2222 + 1125.89 = 1278.11;
    //   net 194.44 + 27.78 (500/18) + 1278.11 − 1320.33 = 180.00
    ["1 of 18 days", { 出勤天数: "1" }, "1278.11", "180.00", true],
    // no attendance: no normal work, no top-up; net 0 − 1320.33
    ["0 days", { 出勤天数: "0" }, "0.00", "-1320.33", true],
    // 实习: not insured (参加社保 false) → no top-up, no 社保; net 3500 + 500 = 4000.00
    ["实习", { 用工类型: "实习" }, "0.00", "4000.00"],
  ] as [string, Row, string, string, boolean?][])("%s → %s, 实发 %s", (_case, values, topUp, net, warned) => {
    const r = run([emp(values)]);
    expect(line(r, 0, "底薪调节")).toBe(topUp);
    expect(getPayslip(r, 0).net.toFixed(2)).toBe(net);
    expect(lowPay(r).length).toBe(warned ? 1 : 0);
  });

  it("住房补助计入最低工资 = true counts the 500: 3500 + 500 − 1320.33 = 2679.67 → 60.33", () => {
    expect(solo({}, "底薪调节", flip("住房补助计入最低工资", "false"))).toBe("60.33");
  });

  it("cash awards count toward the minimum: 最佳服务奖 200 → 2379.67 → 360.33", () => {
    const r = run([emp({ 满意度: "95%" })], { policy: CASH });
    expect([line(r, 0, "最佳服务奖"), line(r, 0, "底薪调节")]).toEqual(["200.00", "360.33"]);
  });

  it("底薪调节补足 = false: no top-up, and the run warns with the same measure", () => {
    const p = flip("底薪调节补足", "true");
    const r = run([emp(), emp({ 月基本岗位工资: "4060.33" })], { policy: p });
    expect(col(r, "底薪调节")).toEqual(["0.00", "0.00"]);
    // 3500 − 1320.33 = 2179.67 < 2740 → warned; 4060.33 − 1320.33 = 2740.00 → not
    const w = lowPay(r);
    expect(w.map((x) => x.index)).toEqual([0]);
    expect(w[0]?.zh).toContain("2179.67");
  });

  it("底薪调节含未满月员工 = false: only staff employed the whole month are topped up", () => {
    const p = flip("底薪调节含未满月员工", "true");
    const r = run(
      [
        emp({ 入职日期: "2026-10-20", 出勤天数: "9" }), // hired mid-month → 0
        emp({ 离职日期: "2026-10-16", 出勤天数: "11" }), // leaves mid-month → 0
        emp({ 入职日期: "2026-01-05", 出勤天数: "9" }), // whole month, absent half → 940.33 as above
      ],
      { policy: p },
    );
    expect(col(r, "底薪调节")).toEqual(["0.00", "0.00", "940.33"]);
  });
});

describe("awards: goods by default (0 on pay, flagged on the payslip), cash with 奖励以现金发放", () => {
  it("物品 (default): the four award lines are 0 and the 获奖 lines mark the winners", () => {
    // one employee wins all four: 满意度 95%; orders 10 (only member, > 0); progress 10 − 5 = +5; 3rd month on target
    const prior: PriorState = { employees: { W900: { 上月下单量: "5", 连续达标月数: "2" } } };
    const me = {
      values: { ...emp({ 满意度: "95%", 下单量: "10", 咨询服务达标: "是" }).values, 工号: "W900" },
    };
    const awards = ["最佳服务奖", "下单最佳进步奖", "下单量最多奖", "连续达标奖"];
    const goods = run([me], { prior });
    expect(awards.map((a) => line(goods, 0, a))).toEqual(["0.00", "0.00", "0.00", "0.00"]);
    expect(awards.map((a) => line(goods, 0, `${a}获奖`))).toEqual(["1.00", "1.00", "1.00", "1.00"]);
    expect(line(goods, 0, "底薪调节")).toBe("560.33"); // goods do not count toward the minimum
    const cash = run([me], { prior, policy: CASH });
    // 200 + 200 + 300 + 300 = 1000; 3500 + 1000 − 1320.33 = 3179.67 ≥ 2740 → no top-up
    expect(awards.map((a) => line(cash, 0, a))).toEqual(["200.00", "200.00", "300.00", "300.00"]);
    expect(line(cash, 0, "底薪调节")).toBe("0.00");
    expect(getPayslip(cash, 0).gross.toFixed(2)).toBe("5000.00"); // 3500 + 500 + 1000
  });
});

describe("最佳服务奖 (满意度 ≥ 95%)", () => {
  it.each([
    ["", "0.00"],
    ["94.99%", "0.00"],
    ["95%", "200.00"],
    ["100%", "200.00"],
  ])("满意度 %s → %s", (rate, expected) => {
    expect(solo({ 满意度: rate }, "最佳服务奖", CASH)).toBe(expected);
  });

  it("everyone at or above the mark wins; with 最佳服务奖仅限第一名 only the company's best (ties all)", () => {
    const rows = () => [
      emp({ 满意度: "96%" }),
      emp({ 满意度: "97%" }),
      emp({ 满意度: "97%" }),
      emp({ 满意度: "90%" }),
    ];
    expect(col(run(rows(), { policy: CASH }), "最佳服务奖")).toEqual(["200.00", "200.00", "200.00", "0.00"]);
    const first = variant(flipEdit("奖励以现金发放", "false"), flipEdit("最佳服务奖仅限第一名", "false"));
    expect(col(run(rows(), { policy: first }), "最佳服务奖")).toEqual(["0.00", "200.00", "200.00", "0.00"]);
    // the best is below the mark → nobody
    expect(col(run([emp({ 满意度: "94%" }), emp()], { policy: first }), "最佳服务奖")).toEqual([
      "0.00",
      "0.00",
    ]);
  });
});

describe("下单最佳进步奖 (上月下单量 from state; biggest increase over the company)", () => {
  const ids = ["P1", "P2", "P3", "P4"];
  const people = (orders: string[]) =>
    orders.map((o, k) => ({ values: { ...emp({ 下单量: o }).values, 工号: ids[k]! } }));
  const last = (counts: (string | null)[]): PriorState => ({
    employees: Object.fromEntries(
      counts.flatMap((c, k) => (c === null ? [] : [[ids[k]!, { 上月下单量: c }]])),
    ),
  });

  it.each([
    // [本月, 上月 (null = no record), 绝对值 winners, 增长率 winners]
    // +10, +30, +5: P2 wins; rates 10/50 = 20%, 30/300 = 10%, 5/5 = 100% → P3
    [
      ["60", "330", "10"],
      ["50", "300", "5"],
      ["0.00", "200.00", "0.00"],
      ["0.00", "0.00", "200.00"],
    ],
    // P1 has no record (new): its 100 orders do not count; P2 +1 wins
    [
      ["100", "11"],
      [null, "10"],
      ["0.00", "200.00"],
      ["0.00", "200.00"],
    ],
    // nobody improved (−5, 0) → nobody
    [
      ["5", "10"],
      ["10", "10"],
      ["0.00", "0.00"],
      ["0.00", "0.00"],
    ],
    // tie +20 and +20 → both; rates 20/20 = 100% and 20/40 = 50% → P1 only
    [
      ["40", "60"],
      ["20", "40"],
      ["200.00", "200.00"],
      ["200.00", "0.00"],
    ],
    // 上月 0 → +15 counts by amount, but has no growth rate → P2 (+5 of 5 = 100%) by rate
    [
      ["15", "10"],
      ["0", "5"],
      ["200.00", "0.00"],
      ["0.00", "200.00"],
    ],
  ] as [string[], (string | null)[], string[], string[]][])(
    "本月 %j 上月 %j",
    (now, before, byCount, byRate) => {
      expect(col(run(people(now), { prior: last(before), policy: CASH }), "下单最佳进步奖")).toEqual(byCount);
      const rate = variant(flipEdit("奖励以现金发放", "false"), flipEdit("进步按增长率", "false"));
      expect(col(run(people(now), { prior: last(before), policy: rate }), "下单最佳进步奖")).toEqual(byRate);
    },
  );

  it("carries 下单量 into next month's 上月下单量", () => {
    const oct = run(people(["60", "0"]));
    expect(oct.nextState.employees?.P1?.上月下单量).toBe("60");
    expect(oct.nextState.employees?.P2?.上月下单量).toBe("0");
    // November: P1 60 → 70 (+10), P2 0 → 30 (+30) → P2
    const nov = run(people(["70", "30"]), { period: "2026-11", prior: oct.nextState, policy: CASH });
    expect(col(nov, "下单最佳进步奖")).toEqual(["0.00", "200.00"]);
    expect(col(nov, "本月下单进步")).toEqual(["10.00", "30.00"]);
  });
});

describe("下单量最多奖 (RANK over the company)", () => {
  it.each([
    [
      ["10", "30", "20"],
      ["0.00", "300.00", "0.00"],
    ],
    [
      ["30", "30", "20"],
      ["300.00", "300.00", "0.00"],
    ], // tie: each the full 300 by default
    [
      ["0", "0"],
      ["0.00", "0.00"],
    ], // nobody ordered → nobody
  ])("下单量 %j → %j", (orders, expected) => {
    expect(
      col(
        run(
          orders.map((o) => emp({ 下单量: o })),
          { policy: CASH },
        ),
        "下单量最多奖",
      ),
    ).toEqual(expected);
  });

  it("spans teams (公司), not only the 团队", () => {
    const r = run([emp({ 团队: "一组", 下单量: "30" }), emp({ 团队: "二组", 下单量: "31" })], {
      policy: CASH,
    });
    expect(col(r, "下单量最多奖")).toEqual(["0.00", "300.00"]);
  });

  it("下单量最多并列平分 = true splits exactly: 300 / 2 = 150; 100 / 3 = 33.34 + 33.33 + 33.33", () => {
    const split = [flipEdit("奖励以现金发放", "false"), flipEdit("下单量最多并列平分", "false")] as [
      string,
      string,
    ][];
    const p = variant(...split);
    expect(
      col(
        run([emp({ 下单量: "30" }), emp({ 下单量: "30" }), emp({ 下单量: "1" })], { policy: p }),
        "下单量最多奖",
      ),
    ).toEqual(["150.00", "150.00", "0.00"]);
    const p100 = variant(...split, [
      "下单量最多奖金额:\n    { value: 300,",
      "下单量最多奖金额:\n    { value: 100,",
    ]);
    const three = run([emp({ 下单量: "9" }), emp({ 下单量: "9" }), emp({ 下单量: "9" })], { policy: p100 });
    expect(col(three, "下单量最多奖")).toEqual(["33.34", "33.33", "33.33"]); // 10000 分 / 3, 1 分 to the first
    // nobody ordered: the split is never needed
    expect(col(run([emp(), emp()], { policy: p }), "下单量最多奖")).toEqual(["0.00", "0.00"]);
  });
});

describe("咨询服务连续达标奖 (3 months in a row; state per employee)", () => {
  const me = (ok: string) => ({ values: { ...emp({ 咨询服务达标: ok }).values, 工号: "W800" } });
  const count = (r: PayrollRun) => r.nextState.employees?.W800?.连续达标月数;

  it("pays in the 3rd month on target, then counts again (every 3 months)", () => {
    const months = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"];
    let prior: PriorState = {};
    const paid: string[] = [];
    const counts: (string | undefined)[] = [];
    for (const period of months) {
      const r = run([me("是")], { period, prior, policy: CASH });
      paid.push(line(r, 0, "连续达标奖"));
      counts.push(count(r));
      prior = r.nextState;
    }
    expect(paid).toEqual(["0.00", "0.00", "300.00", "0.00", "0.00"]);
    expect(counts).toEqual(["1", "2", "0", "1", "2"]);
  });

  it("with 连续达标奖达到后重新计数 = false pays every month from the 3rd on", () => {
    const p = variant(flipEdit("奖励以现金发放", "false"), flipEdit("连续达标奖达到后重新计数", "true"));
    let prior: PriorState = {};
    const paid: string[] = [];
    for (const period of ["2026-08", "2026-09", "2026-10", "2026-11"]) {
      const r = run([me("是")], { period, prior, policy: p });
      paid.push(line(r, 0, "连续达标奖"));
      prior = r.nextState;
    }
    expect(paid).toEqual(["0.00", "0.00", "300.00", "300.00"]);
    expect(count({ nextState: prior } as PayrollRun)).toBe("4");
  });

  it("a month off target resets the count", () => {
    const prior: PriorState = { employees: { W800: { 连续达标月数: "2" } } };
    const r = run([me("否")], { prior, policy: CASH });
    expect([line(r, 0, "连续达标奖"), count(r)]).toEqual(["0.00", "0"]);
    expect(line(r, 0, "咨询连续达标月数")).toBe("0.00");
  });
});

describe("statutory deductions and checks", () => {
  it("Shanghai 社保 and 公积金 at the floor; 个税 on the whole gross including the top-up", () => {
    // 3500 + 500 + 560.33 = 4560.33 gross; 个税 0 (4560.33 − 5000 < 0)
    const r = run([emp()]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["603.68", "150.92", "37.73", "528.00", "0.00"]);
    expect(getPayslip(r, 0).gross.toFixed(2)).toBe("4560.33");
  });

  it("a bad 咨询服务达标 is that employee's error only: it is not an argument of any ranking", () => {
    const r = run([emp({ 咨询服务达标: "也许" }), emp({ 下单量: "10" })]);
    expect(getPayslip(r, 0).error?.item).toBe("咨询服务达标");
    expect(line(r, 1, "下单量最多奖获奖")).toBe("1.00"); // 10 > 0 and first
  });

  it("a bad 下单量 blocks the company-wide ranking for those who read it", () => {
    const r = run([emp({ 下单量: "abc" }), emp({ 下单量: "10" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("下单量");
    // 下单量 > 0 → needs RANK(下单量, "公司"), which includes the bad row → GROUP error
    expect(getPayslip(r, 1).error?.code).toBe("GROUP");
    // no orders, no record, no satisfaction: reads no ranking and computes
    expect(line(r, 2, "基本岗位工资")).toBe("3500.00");
  });

  it("explains every line", () => {
    const ex = explainPayslip(run([emp()]), 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    expect(ex.lines.find((l) => l.name === "底薪调节")?.sentence).toContain("最低工资标准");
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
  const state = () => JSON.parse(STATE_TEXT) as PriorState;
  const r = run(employees, { prior: state() });
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has every input as a header and computes with no errors or warnings", () => {
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "工号", "姓名", "入职日期", "离职日期", "用工类型", "缴费基数"])
      expect(header).toContain(f);
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
    expect(listWarnings(r)).toEqual([]);
  });

  it.each([
    // [工号, 基本岗位工资, 工龄经验工资, 住房补助, 底薪调节, 应发, 扣款, 实发]
    // W101 入职 2020-05-01 → 6 年 → 500; 3500 + 500 − 1320.33 = 2679.67 → 60.33; gross 4560.33; net 3240.00
    ["W101", "3500.00", "500.00", "500.00", "60.33", "4560.33", "1320.33", "3240.00"],
    // W102 own 5000, 2022-03-15 → 4 年 → 300; 10000: 1050 + 700 = 1750; 5300 − 1750 = 3550 → 0; net 4050.00
    ["W102", "5000.00", "300.00", "500.00", "0.00", "5800.00", "1750.00", "4050.00"],
    // W103 经验年数 column 2 → 200; 3700 − 1320.33 = 2379.67 → 360.33; gross 4560.33; net 3240.00
    ["W103", "3500.00", "200.00", "500.00", "360.33", "4560.33", "1320.33", "3240.00"],
    // W104 hired 10-20, 9/18: 1750, 0, 250; floor 1370 − (1750 − 1320.33) = 940.33; gross 2940.33; net 1620.00
    ["W104", "1750.00", "0.00", "250.00", "940.33", "2940.33", "1320.33", "1620.00"],
    // W105 leaves 10-16, 11/18: 3500 × 11/18 = 2138.89; 2024-06-01 → 2 年 → 200 × 11/18 = 122.22;
    //   500 × 11/18 = 305.56; 8000 → 1400; 2740 × 11/18 = 1674.444 − (2138.89 + 122.22 − 1400 = 861.11)
    //   = 813.33; gross 3380.00; net 1980.00
    ["W105", "2138.89", "122.22", "305.56", "813.33", "3380.00", "1400.00", "1980.00"],
    // W106 2023-09-01 → 3 年 → 300; 8500: 680 + 170 + 42.50 + 595 = 1487.50; 3800 − 1487.50 = 2312.50 → 427.50
    ["W106", "3500.00", "300.00", "500.00", "427.50", "4727.50", "1487.50", "3240.00"],
    // W107 实习 own 2000: not insured, no top-up; 个税 0 (7500 + 2500 < 5000 × 4 months); net 2500.00
    ["W107", "2000.00", "0.00", "500.00", "0.00", "2500.00", "0.00", "2500.00"],
    // W108 own 6000, 2019-01-10 → 7 年 → 500; 12000: 1260 + 840 = 2100; 6500 − 2100 ≥ 2740 → 0;
    //   个税: (72000 + 7000 − 50000 − 21000) = 8000 × 3% = 240 < 243 already withheld → 0 (no refund); net 4900.00
    ["W108", "6000.00", "500.00", "500.00", "0.00", "7000.00", "2100.00", "4900.00"],
  ])("%s", (id, base, exp, housing, topUp, gross, ded, net) => {
    const i = at(id);
    expect(["基本岗位工资", "工龄经验工资", "住房补助", "底薪调节"].map((n) => line(r, i, n))).toEqual([
      base,
      exp,
      housing,
      topUp,
    ]);
    const slip = getPayslip(r, i);
    expect([slip.gross.toFixed(2), slip.deductions.toFixed(2), slip.net.toFixed(2)]).toEqual([
      gross,
      ded,
      net,
    ]);
  });

  it("marks the winners (goods by default) and carries the state", () => {
    const flags = (name: string) =>
      ["W101", "W102", "W103", "W104", "W105", "W106", "W107", "W108"].filter(
        (id) => line(r, at(id), name) === "1.00",
      );
    // 满意度 ≥ 95%: 97%, 99%, 95%, 96%, 98% (W104 94.99% misses)
    expect(flags("最佳服务奖获奖")).toEqual(["W101", "W102", "W103", "W106", "W108"]);
    // progress +20, +30, +50, no record, −30, +10, +5, −10 → W103
    expect(flags("下单最佳进步奖获奖")).toEqual(["W103"]);
    // 150 and 150 tie for the most
    expect(flags("下单量最多奖获奖")).toEqual(["W102", "W103"]);
    // prior 2 → 3 on target: W101, W108
    expect(flags("连续达标奖获奖")).toEqual(["W101", "W108"]);
    const s = (id: string) => r.nextState.employees?.[id];
    expect(["W101", "W102", "W103", "W104", "W106"].map((id) => s(id)?.连续达标月数)).toEqual([
      "0",
      "1",
      "0",
      "1",
      "2",
    ]);
    expect(["W101", "W104", "W105"].map((id) => s(id)?.上月下单量)).toEqual(["120", "40", "0"]);
  });

  it("in cash: awards are paid and the top-up shrinks", () => {
    const c = run(employees, { prior: state(), policy: CASH });
    const awards = (id: string) =>
      ["最佳服务奖", "下单最佳进步奖", "下单量最多奖", "连续达标奖"].map((n) => line(c, at(id), n));
    expect(awards("W101")).toEqual(["200.00", "0.00", "0.00", "300.00"]);
    expect(awards("W103")).toEqual(["200.00", "200.00", "300.00", "0.00"]);
    // W101: 2679.67 + 500 ≥ 2740 → 0; gross 3500 + 500 + 500 + 500 = 5000.00
    expect([line(c, at("W101"), "底薪调节"), getPayslip(c, at("W101")).gross.toFixed(2)]).toEqual([
      "0.00",
      "5000.00",
    ]);
    // W106: 2312.50 + 200 = 2512.50 → 227.50; gross 3500 + 300 + 500 + 200 + 227.50 = 4727.50
    expect([line(c, at("W106"), "底薪调节"), getPayslip(c, at("W106")).gross.toFixed(2)]).toEqual([
      "227.50",
      "4727.50",
    ]);
    // W108: 200 + 300 → gross 7500; 个税 (72000 + 7500 − 50000 − 21000) = 8500 × 3% = 255 − 243 = 12.00
    expect(line(c, at("W108"), "个人所得税")).toBe("12.00");
  });

  it("by growth rate W107 (5 → 10, +100%) beats W103 (+50%)", () => {
    const p = variant(flipEdit("奖励以现金发放", "false"), flipEdit("进步按增长率", "false"));
    const c = run(employees, { prior: state(), policy: p });
    expect([line(c, at("W107"), "下单最佳进步奖"), line(c, at("W103"), "下单最佳进步奖")]).toEqual([
      "200.00",
      "0.00",
    ]);
    expect(line(c, at("W107"), "本月下单进步")).toBe("1.00"); // (10 − 5) ÷ 5
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
      emp({ 出勤天数: "0" }),
      emp({ 出勤天数: "1", 下单量: "150" }),
      emp({ 用工类型: "实习", 缴费基数: "" }),
    ];
    const policies = [
      POLICY,
      CASH,
      variant(flipEdit("奖励以现金发放", "false"), flipEdit("下单量最多并列平分", "false")),
      variant(flipEdit("奖励以现金发放", "false"), flipEdit("进步按增长率", "false")),
      flip("底薪调节补足", "true"),
      flip("底薪调节含未满月员工", "true"),
    ];
    for (const policy of policies) {
      const fp = (mode: "batch" | "scalar") => {
        const out = run(employees, { prior: JSON.parse(STATE_TEXT) as PriorState, policy, mode });
        return out.employees.map((_e, i) => {
          const p = getPayslip(out, i);
          return [p.lines.map((l) => `${l.name}=${l.value.toString()}`), formatEmployeeError(out, i)];
        });
      };
      expect(fp("batch")).toEqual(fp("scalar"));
    }
  });
});
