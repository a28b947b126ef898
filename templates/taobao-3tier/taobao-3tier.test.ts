/**
 * Golden tests for the 淘宝客服薪酬制度（三层） template. Every expected value is worked out by hand in the comment
 * next to it. Unless a case says otherwise: period 2026-10 (31 days; 18 workdays + 3 statutory holidays),
 * employed the whole month, 月基本工资 from the grade table (初级 4000, 中级 5000, 高级 6000), 缴费基数 8000
 * (社保 640 + 160 + 40, 公积金 8000 × 7% = 560), an empty 2026 tax ledger.
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

/** A full-month employee; by default a 初级客服 with score 75 (合格). */
function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      职级: "初级客服",
      绩效得分: "75",
      缴费基数: "8000",
      ...values,
    },
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy; mode?: "batch" | "scalar" } = {},
): PayrollRun {
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

const PAY = ["基本工资", "绩效奖金", "技能津贴"] as const;

/** [基本工资, 绩效奖金, 技能津贴] of one employee run alone. */
function pay(values: Row, policy?: CompiledPolicy): string[] {
  const r = run([emp(values)], policy ? { policy } : {});
  return PAY.map((n) => line(r, 0, n));
}

const warningsOf = (r: PayrollRun, i = 0) => listWarnings(r, { index: i }).map((w) => w.check);

describe("taobao-3tier policy", () => {
  it("compiles without errors or warnings; the labour-law checker finds nothing", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    // All base pays (4000/5000/6000) are above Shanghai's 2740; no fines, no overtime, no ÷30 proration
    // (part months use ÷ 计薪天数 21.75 capped at 100 %, or calendar days ÷ calendar days).
    expect(r.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!)).toEqual([]);
    expect(r.compiled?.doc.id).toBe("taobao-3tier");
    expect(r.compiled?.doc.seedSection).toBe("淘宝客服薪酬制度");
    expect(r.compiled?.doc.statutory?.city).toBe("上海");
  });

  it("marks the values the seed leaves open as examples", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of ["不合格发最低比例", "高级客服发技能津贴"]) expect(params[p]?.example, p).toBe(true);
    for (const p of ["高级基本工资下限", "技能津贴下限", "技能津贴上限"])
      expect(params[p]?.example, p).toBeUndefined();
    expect(POLICY.doc.tables.绩效档位表?.example).toBe(true);
    expect(POLICY.doc.tables.绩效奖金比例表?.example).toBe(true);
    for (const s of ["示例值", "上海", "21.75", "不合格发最低比例", "未足月按日历天数", "法律风险"])
      expect(POLICY.doc.description).toContain(s);
  });
});

describe("基本工资 by grade (full month)", () => {
  it.each([
    // [职级, 月基本工资, expected 基本工资]
    ["初级客服", "", "4000.00"], // table 4000
    ["中级客服", "", "5000.00"], // table 5000
    ["高级客服", "", "6000.00"], // table 6000
    ["初级客服", "4300", "4300.00"], // own amount overrides the table
    ["高级客服", "8800.50", "8800.50"],
  ])("%s 月基本工资 %s → %s", (grade, own, expected) => {
    expect(pay({ 职级: grade, 月基本工资: own })[0]).toBe(expected);
  });
});

describe("绩效奖金 = 基本工资 × ratio by grade and score band", () => {
  it.each([
    // [职级, 绩效得分, expected 绩效奖金] — bands: <60 不合格, ≥60 合格, ≥80 良好, ≥90 优秀
    ["初级客服", "0", "0.00"], // 不合格 0%
    ["初级客服", "59.99", "0.00"], // still 不合格
    ["初级客服", "60", "400.00"], // 合格 10%: 4000 × 10%
    ["初级客服", "79.99", "400.00"], // 合格
    ["初级客服", "80", "600.00"], // 良好 15%: 4000 × 15%
    ["初级客服", "89.99", "600.00"],
    ["初级客服", "90", "800.00"], // 优秀 20%: 4000 × 20%
    ["初级客服", "100", "800.00"],
    ["中级客服", "59.99", "0.00"], // 不合格
    ["中级客服", "60", "1000.00"], // 合格 20%: 5000 × 20%
    ["中级客服", "80", "1250.00"], // 良好 25%: 5000 × 25%
    ["中级客服", "90", "1500.00"], // 优秀 30%: 5000 × 30%
    ["高级客服", "59.99", "0.00"], // 不合格
    ["高级客服", "60", "1800.00"], // 合格 30% (example): 6000 × 30%
    ["高级客服", "80", "2100.00"], // 良好 35%: 6000 × 35%
    ["高级客服", "90", "2400.00"], // 优秀 40%: 6000 × 40%
  ])("%s 得分 %s → %s", (grade, score, expected) => {
    expect(pay({ 职级: grade, 绩效得分: score })[1]).toBe(expected);
  });

  it("uses the employee's own 月基本工资 and rounds half-up to the 分", () => {
    // 4333.33 × 15% = 649.9995 → 650.00; 5555.55 × 25% = 1388.8875 → 1388.89
    expect(pay({ 月基本工资: "4333.33", 绩效得分: "85" })[1]).toBe("650.00");
    expect(pay({ 职级: "中级客服", 月基本工资: "5555.55", 绩效得分: "88" })[1]).toBe("1388.89");
  });

  it("shows the ratio on the payslip", () => {
    const r = run([emp({ 职级: "中级客服", 绩效得分: "85" })]);
    expect(
      getPayslip(r, 0)
        .lines.find((l) => l.name === "本月绩效奖金比例")
        ?.value.toString(),
    ).toBe("0.25");
  });

  it("不合格发最低比例 = true pays the 合格 ratio below 60", () => {
    const p = withParam("不合格发最低比例", "false", "true");
    expect(pay({ 绩效得分: "30" }, p)[1]).toBe("400.00"); // 初级 4000 × 10%
    expect(pay({ 职级: "中级客服", 绩效得分: "0" }, p)[1]).toBe("1000.00"); // 5000 × 20%
    expect(pay({ 职级: "高级客服", 绩效得分: "59.99" }, p)[1]).toBe("1800.00"); // 6000 × 30%
    expect(pay({ 职级: "高级客服", 绩效得分: "95" }, p)[1]).toBe("2400.00"); // 优秀 unchanged: 40%
  });

  it("rejects a missing score or one outside 0–100", () => {
    const r = run([emp({ 绩效得分: "" }), emp({ 绩效得分: "100.5" }), emp({ 绩效得分: "-1" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("绩效得分");
    expect(getPayslip(r, 1).error?.item).toBe("绩效得分");
    expect(getPayslip(r, 2).error?.item).toBe("绩效得分");
    expect(line(r, 3, "绩效奖金")).toBe("400.00");
  });
});

describe("技能津贴", () => {
  it.each([
    // [职级, 技能津贴额, expected 技能津贴, expected warnings]
    ["中级客服", "", "0.00", []], // nothing filled
    ["中级客服", "1500", "1500.00", []],
    ["中级客服", "1000", "1000.00", []], // lower bound of the usual range: no warning
    ["中级客服", "2000", "2000.00", []], // upper bound: no warning
    ["中级客服", "999.99", "999.99", ["技能津贴超出常见范围"]], // paid as filled, flagged
    ["中级客服", "2000.01", "2000.01", ["技能津贴超出常见范围"]],
    ["高级客服", "1800", "1800.00", []], // 高级 paid (example reading)
    ["初级客服", "1500", "0.00", ["本职级不发技能津贴"]], // 初级 not paid, flagged
    ["初级客服", "", "0.00", []],
  ] as [string, string, string, string[]][])("%s 技能津贴额 %s → %s", (grade, amount, expected, warns) => {
    const r = run([emp({ 职级: grade, 技能津贴额: amount })]);
    expect(line(r, 0, "技能津贴")).toBe(expected);
    expect(warningsOf(r)).toEqual(warns);
  });

  it("高级客服发技能津贴 = false: 高级 gets none and is flagged", () => {
    const p = withParam("高级客服发技能津贴", "true", "false");
    const r = run(
      [emp({ 职级: "高级客服", 技能津贴额: "1800" }), emp({ 职级: "中级客服", 技能津贴额: "1800" })],
      {
        policy: p,
      },
    );
    expect(line(r, 0, "技能津贴")).toBe("0.00");
    expect(warningsOf(r, 0)).toEqual(["本职级不发技能津贴"]);
    expect(line(r, 1, "技能津贴")).toBe("1800.00"); // 中级 unchanged
  });
});

describe("高级客服 below 6000", () => {
  it.each([
    ["5999.99", ["高级客服基本工资偏低"]],
    ["6000", []], // “6000 元以上” includes 6000
    ["", []], // table 6000
  ] as [string, string[]][])("高级 月基本工资 %s → %j", (own, warns) => {
    const r = run([emp({ 职级: "高级客服", 月基本工资: own })]);
    expect(warningsOf(r)).toEqual(warns);
  });

  it("does not flag 中级 or 初级 below 6000", () => {
    const r = run([emp({ 职级: "中级客服", 月基本工资: "5000" }), emp({ 月基本工资: "3000" })]);
    expect(warningsOf(r, 0)).toEqual([]);
    // 初级 3000 + 10% = 3300 gross; Shanghai compares pay net of the employee's SI and HF:
    // 3300 − 1400 (缴费基数 8000) = 1900 < 2740, so the statutory minimum-wage check fires.
    expect(warningsOf(r, 1)).toEqual(["低于最低工资"]);
  });
});

describe("part months (2026-10: 21.75 paid days; 18 workdays + 3 statutory holidays)", () => {
  it.each([
    // [case, inputs, [基本工资, 绩效奖金, 技能津贴]]
    // 入职 10-15: workdays 15, 16, 19–23, 26–30 = 12 → 5000 × 12/21.75 = 2758.6207 → 2758.62;
    // 合格 20% × 2758.62 = 551.724 → 551.72; 技能 1000 × 12/21.75 = 551.7241 → 551.72
    [
      "中级 入职 10-15, 12 天",
      { 职级: "中级客服", 入职日期: "2026-10-15", 在职计薪天数: "12", 绩效得分: "70", 技能津贴额: "1000" },
      ["2758.62", "551.72", "551.72"],
    ],
    // 离职 10-16: statutory 10-01..03 (3) + workdays 8, 9, 10, 12–16 (8) = 11 → 4000 × 11/21.75 = 2022.9885
    // → 2022.99; 良好 15% × 2022.99 = 303.4485 → 303.45
    [
      "初级 离职 10-16, 11 天",
      { 离职日期: "2026-10-16", 在职计薪天数: "11", 绩效得分: "85" },
      ["2022.99", "303.45", "0.00"],
    ],
    // 22 paid days > 21.75 → capped at 100 %: 4000, 400
    ["在职计薪天数 22 capped", { 入职日期: "2026-10-02", 在职计薪天数: "22" }, ["4000.00", "400.00", "0.00"]],
    // 0 paid days → 0 everywhere
    [
      "在职计薪天数 0",
      { 入职日期: "2026-10-31", 在职计薪天数: "0", 职级: "中级客服", 技能津贴额: "1500" },
      ["0.00", "0.00", "0.00"],
    ],
    // hired on the 1st and leaving on the 31st is a whole month: 在职计薪天数 not needed
    [
      "入职 10-01 离职 10-31",
      { 入职日期: "2026-10-01", 离职日期: "2026-10-31" },
      ["4000.00", "400.00", "0.00"],
    ],
    // leaving next month: whole month here
    ["离职 2026-11-03", { 离职日期: "2026-11-03" }, ["4000.00", "400.00", "0.00"]],
    // a full-month employee's 在职计薪天数 is ignored
    ["full month, 在职计薪天数 5 ignored", { 在职计薪天数: "5" }, ["4000.00", "400.00", "0.00"]],
  ] as [string, Row, string[]][])("%s", (_case, values, expected) => {
    expect(pay(values)).toEqual(expected);
  });

  it("a part-month employee without 在职计薪天数 is an error; the others still compute", () => {
    const r = run([emp({ 入职日期: "2026-10-15" }), emp()]);
    expect(getPayslip(r, 0).error?.zh).toContain("请填写“在职计薪天数”");
    expect(line(r, 1, "基本工资")).toBe("4000.00");
  });

  it("未足月按日历天数 = true: calendar days ÷ 本月天数, computed from the dates", () => {
    const p = withParam("未足月按日历天数", "false", "true");
    // 入职 10-15 → 10-15..10-31 = 17 days: 5000 × 17/31 = 2741.9355 → 2741.94; 20% → 548.388 → 548.39;
    // 技能 1000 × 17/31 = 548.3871 → 548.39
    expect(pay({ 职级: "中级客服", 入职日期: "2026-10-15", 绩效得分: "70", 技能津贴额: "1000" }, p)).toEqual([
      "2741.94",
      "548.39",
      "548.39",
    ]);
    // 离职 10-16 → 16 days: 4000 × 16/31 = 2064.5161 → 2064.52; 15% → 309.678 → 309.68
    expect(pay({ 离职日期: "2026-10-16", 绩效得分: "85" }, p)).toEqual(["2064.52", "309.68", "0.00"]);
    // 入职 10-10, 离职 10-20 → 11 days: 4000 × 11/31 = 1419.3548 → 1419.35; 10% → 141.935 → 141.94
    expect(pay({ 入职日期: "2026-10-10", 离职日期: "2026-10-20" }, p)).toEqual(["1419.35", "141.94", "0.00"]);
    // 2026-11 has 30 days: 入职 11-16 → 15 days: 4000 × 15/30 = 2000.00; 10% → 200.00
    const r = run([emp({ 入职日期: "2026-11-16" })], { policy: p, period: "2026-11" });
    expect(PAY.map((n) => line(r, 0, n))).toEqual(["2000.00", "200.00", "0.00"]);
  });

  it("绩效奖金按折算后基本工资 = false: the bonus uses the whole-month 月基本工资", () => {
    const p = withParam("绩效奖金按折算后基本工资", "true", "false");
    // 5000 × 20% = 1000.00 although 基本工资 is 2758.62
    const values = { 职级: "中级客服", 入职日期: "2026-10-15", 在职计薪天数: "12", 绩效得分: "70" };
    expect(pay(values, p)).toEqual(["2758.62", "1000.00", "0.00"]);
  });

  it("技能津贴随出勤折算 = false: the allowance is paid in full in a part month", () => {
    const p = withParam("技能津贴随出勤折算", "true", "false");
    const values = { 职级: "中级客服", 入职日期: "2026-10-15", 在职计薪天数: "12", 技能津贴额: "1000" };
    expect(pay(values, p)[2]).toBe("1000.00");
  });
});

describe("insurance, housing fund and tax (上海 示例)", () => {
  it("uses 缴费基数 when given: 8000 → 640 + 160 + 40, 公积金 560", () => {
    // gross 4000 + 400 = 4400; 个税 0 (4400 − 5000 < 0); net 4400 − 1400 = 3000.00
    const r = run([emp()]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["640.00", "160.00", "40.00", "560.00", "0.00"]);
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("3000.00");
  });

  it("without 缴费基数 the base is 月基本工资, clamped to Shanghai's 2026-07 floor 7546 for 社保", () => {
    // 月基本工资 4000 → 社保 at 7546: 603.68 + 150.92 + 37.73 = 792.33; 公积金 4000 × 7% = 280 (above the HF
    // floor 2740); net 4400 − 1072.33 = 3327.67
    const r = run([emp({ 缴费基数: "" })]);
    expect(line(r, 0, "个人养老保险")).toBe("603.68");
    expect(line(r, 0, "个人住房公积金")).toBe("280.00");
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("3327.67");
    const l = explainPayslip(r, 0).lines.find((x) => x.name === "个人养老保险");
    expect(l?.notes?.[0]).toContain("低于下限 7546.00");
  });

  it("withholds tax cumulatively", () => {
    // 高级 6000, 优秀 40% = 2400, 技能 2000: gross 10400; 缴费基数 10000: 800 + 200 + 50 + 700 = 1750.
    // Ledger through Sep: income 90000, 专项 15750, withheld (90000 − 45000 − 15750) × 3% = 877.50.
    // Oct: 100400 − 50000 − 17500 = 32900 × 3% = 987.00 − 877.50 = 109.50; net 10400 − 1750 − 109.50 = 8540.50
    const e = emp({ 职级: "高级客服", 绩效得分: "90", 技能津贴额: "2000", 缴费基数: "10000" });
    const prior: PriorState = {
      employees: {
        [e.values.工号!]: {
          个税年度: "2026",
          个税累计收入: "90000",
          个税累计专项扣除: "15750",
          个税累计已预扣: "877.50",
        },
      },
    };
    const r = run([e], { prior });
    expect(line(r, 0, "个人所得税")).toBe("109.50");
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("8540.50");
  });
});

describe("bad input", () => {
  it("a blank or unknown 职级 is an error for that employee only", () => {
    const r = run([emp({ 职级: "" }), emp({ 职级: "资深客服" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("职级");
    expect(getPayslip(r, 1).error?.zh).toContain("资深客服");
    expect(line(r, 2, "基本工资")).toBe("4000.00");
  });
});

describe("explanations", () => {
  it("explains 绩效奖金 with the ratio and every line has a description", () => {
    // 中级 5000 × 25% (良好) = 1250.00
    const r = run([emp({ 职级: "中级客服", 绩效得分: "85" })]);
    const ex = explainPayslip(r, 0);
    const l = ex.lines.find((x) => x.name === "绩效奖金");
    expect(l?.sentence).toContain("1250.00");
    expect(l?.sentence).toContain("绩效奖金比例");
    expect(ex.details.find((d) => d.name === "绩效档位")?.value).toBe("良好");
    for (const x of ex.lines.filter((y) => y.kind !== "total")) expect(x.description, x.name).toBeTruthy();
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
  const r = runPayroll(POLICY, { period: "2026-10", employees, prior: STATE });
  if (!r.ok) throw new Error(r.problem.zh);
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has the built-in fields and every input as headers, and covers every grade", () => {
    for (const f of ["工号", "姓名", "职级", "入职日期", "离职日期"]) expect(header).toContain(f);
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "缴费基数", "专项附加扣除"]) expect(header).toContain(f);
    expect(new Set(employees.map((e) => e.values.职级))).toEqual(
      new Set(["初级客服", "中级客服", "高级客服"]),
    );
  });

  it("computes with no errors", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r.run, i)).filter(Boolean)).toEqual([]);
  });

  it.each([
    // [工号, 基本工资, 绩效奖金, 技能津贴, 个人所得税, 扣款合计, 实发工资]
    // B001 初级 4000, 75 → 10% = 400; gross 4400; 社保 at 7546: 792.33 + 公积金 4000 × 7% = 280 → 1072.33;
    //   tax: 39600 + 4400 − 50000 < 0 → 0; net 3327.67
    ["B001", "4000.00", "400.00", "0.00", "0.00", "1072.33", "3327.67"],
    // B002 初级 4200, 95 → 20% = 840; gross 5040; 792.33 + 294 = 1086.33; tax 50400 − 50000 − 10086.33 < 0;
    //   net 3953.67
    ["B002", "4200.00", "840.00", "0.00", "0.00", "1086.33", "3953.67"],
    // B003 初级, 59.5 → 不合格 0; 技能 1500 not paid (初级); 4000 − 1072.33 = 2927.67
    ["B003", "4000.00", "0.00", "0.00", "0.00", "1072.33", "2927.67"],
    // B004 中级 5000, 80 → 25% = 1250, 技能 1500: gross 7750; 基数 8000 → 1400;
    //   tax (69750 + 7750 − 50000 − 12600 − 1400 = 13500) × 3% = 405 − 364.50 = 40.50; net 7750 − 1440.50 = 6309.50
    ["B004", "5000.00", "1250.00", "1500.00", "40.50", "1440.50", "6309.50"],
    // B005 中级 5500, 60 → 20% = 1100, 技能 2500 (flagged, paid): gross 9100; 792.33 + 385 = 1177.33;
    //   tax (91000 − 50000 − 11773.30 = 29226.70) × 3% = 876.801 → 876.80 − 789.12 = 87.68;
    //   net 9100 − 1265.01 = 7834.99
    ["B005", "5500.00", "1100.00", "2500.00", "87.68", "1265.01", "7834.99"],
    // B006 高级 6500, 90 → 40% = 2600, 技能 2000: gross 11100; 基数 12000: 960 + 240 + 60 + 840 = 2100;
    //   tax (111000 − 50000 − 21000 − 15000 附加) = 25000 × 3% = 750 − 675 = 75.00; net 11100 − 2175 = 8925.00
    ["B006", "6500.00", "2600.00", "2000.00", "75.00", "2175.00", "8925.00"],
    // B007 高级 5800 (flagged), 85 → 35% = 2030: gross 7830; 792.33 + 406 = 1198.33;
    //   tax (67830 − 50000 − 11198.33 = 6631.67) × 3% = 198.9501 → 198.95 − 150 = 48.95; net 6582.72
    ["B007", "5800.00", "2030.00", "0.00", "48.95", "1247.28", "6582.72"],
    // B008 中级 入职 10-15, 12 天: 2758.62 + 551.72 + 551.72 = 3862.06; 792.33 + 350 = 1142.33; hired this
    //   month (5000 deduction) → tax 0; net 2719.73
    ["B008", "2758.62", "551.72", "551.72", "0.00", "1142.33", "2719.73"],
    // B009 初级 离职 10-16, 11 天: 2022.99 + 303.45 = 2326.44; 1072.33; net 1254.11
    ["B009", "2022.99", "303.45", "0.00", "0.00", "1072.33", "1254.11"],
    // B010 高级 16000, 92 → 40% = 6400, 技能 2000: gross 24400; 基数 20000: 1600 + 400 + 100 + 1400 = 3500;
    //   tax (244000 − 50000 − 35000 = 159000) × 20% − 16920 = 14880 − 11790 = 3090.00; net 24400 − 6590 = 17810.00
    ["B010", "16000.00", "6400.00", "2000.00", "3090.00", "6590.00", "17810.00"],
  ])("%s", (id, base, bonus, skill, tax, ded, net) => {
    const i = at(id);
    expect([...PAY.map((n) => line(r.run, i, n)), line(r.run, i, "个人所得税")]).toEqual([
      base,
      bonus,
      skill,
      tax,
    ]);
    const slip = getPayslip(r.run, i);
    expect(slip.deductions.toFixed(2)).toBe(ded);
    expect(slip.net.toFixed(2)).toBe(net);
  });

  it("flags exactly B003, B005 and B007", () => {
    expect(listWarnings(r.run).map((w) => `${w.工号} ${w.check}`)).toEqual([
      "B003 本职级不发技能津贴",
      "B005 技能津贴超出常见范围",
      "B007 高级客服基本工资偏低",
    ]);
    expect(listWarnings(r.run, { index: at("B007") })[0]?.zh).toContain("5800.00");
  });

  it("carries the tax ledger: B010 has withheld 14880 by October", () => {
    expect(r.run.nextState.employees?.B010).toMatchObject({
      个税累计已预扣: "14880",
      个税累计收入: "244000",
    });
  });
});

describe("batch and row-by-row evaluators agree", () => {
  it("on the sample and edge rows, with each reading", () => {
    expect(POLICY.batch).not.toBeNull();
    const [header, ...rows] = SAMPLE_TEXT.trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const employees: EmployeeInput[] = [
      ...rows.map((cells) => ({ values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])) })),
      emp({ 绩效得分: "59.99" }),
      emp({ 职级: "高级客服", 绩效得分: "100", 技能津贴额: "2500" }),
      emp({ 入职日期: "2026-10-20", 在职计薪天数: "8", 职级: "中级客服", 技能津贴额: "1200" }),
      emp({ 离职日期: "2026-10-05" }),
      emp({ 绩效得分: "" }),
    ];
    const policies = [
      POLICY,
      withParam("不合格发最低比例", "false", "true"),
      withParam("未足月按日历天数", "false", "true"),
      withParam("绩效奖金按折算后基本工资", "true", "false"),
    ];
    for (const policy of policies) {
      const fp = (mode: "batch" | "scalar") => {
        const r = run(employees, { policy, prior: STATE, mode });
        return r.employees.map((_e, i) => {
          const p = getPayslip(r, i);
          return [p.lines.map((l) => `${l.name}=${l.value.toString()}`), formatEmployeeError(r, i)];
        });
      };
      expect(fp("batch")).toEqual(fp("scalar"));
    }
  });
});
