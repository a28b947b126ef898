/**
 * Golden tests for the 客服四级职级与晋升要求 template (seed sections 客服专员绩效考核 and 客服薪资方案). Every
 * expected value is worked out by hand in the comment next to it. Unless a case says otherwise: period 2026-10
 * (31 days; 18 workdays + 3 statutory holidays; the months at a grade are counted up to 2026-11-01), employed the
 * whole month, 月基本工资 from the grade table (初级 2000, 中级 3000, 高级 7000, 资深 9000), 缴费基数 8000
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

/** A full-month employee; by default a 中级客服 hired on 2026-06-01 (5 months at the grade, no candidate). */
function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `员工${seq}`,
      职级: "中级客服",
      入职日期: "2026-06-01",
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

function solo(values: Row, name: string, opts: { policy?: CompiledPolicy; period?: string } = {}): string {
  return line(run([emp(values)], opts), 0, name);
}

const warningsOf = (r: PayrollRun, i = 0) => listWarnings(r, { index: i }).map((w) => w.check);

/** The 晋升候选 message of one employee run alone, or null when not a candidate. */
function candidate(values: Row, opts: { policy?: CompiledPolicy; period?: string } = {}): string | null {
  const r = run([emp(values)], opts);
  expect(getPayslip(r, 0).error, formatEmployeeError(r, 0)).toBeNull();
  return listWarnings(r, { index: 0 }).find((w) => w.check === "晋升候选")?.zh ?? null;
}

describe("grade-requirements policy", () => {
  it("compiles without errors; the checker warns only that 初级客服's 2000 is below Shanghai's minimum", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    // 初级客服 2000 < 2740 (上海, 沪人社规〔2025〕10号). 中级 3000, 高级 7000, 资深 9000 are above it; bonuses are
    // entered amounts; no fines, overtime or ÷30 proration (part months use ÷ 21.75 capped, or days ÷ days).
    const findings = lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!);
    expect(findings.map((f) => f.rule)).toEqual(["min-wage"]);
    const row = POLICY_TEXT.split("\n").findIndex((l) => l.trim() === "初级客服: 2000") + 1;
    expect(r.problems.map((p) => `${p.code} ${p.at?.line}`)).toEqual([`LABOR ${row}`]);
    expect(formatProblem(r.problems[0]!)).toContain("“基本工资标准”中“初级客服”的月工资 2000.00 元低于上海");
    expect(formatProblem(r.problems[0]!)).toContain("2740.00");
    expect(r.compiled?.doc.id).toBe("grade-requirements");
    expect(r.compiled?.doc.seedSection).toBe("客服专员绩效考核；客服薪资方案");
  });

  it("marks the values the seed leaves open as examples and explains the readings", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    expect(params.资深晋升月数?.example).toBe(true);
    for (const p of ["中级晋升月数", "高级晋升月数", "中级薪资下限", "中级薪资上限", "高级薪资下限"])
      expect(params[p]?.example, p).toBeUndefined();
    expect(POLICY.doc.tables.基本工资标准?.example).toBe(true);
    for (const s of [
      "示例值",
      "上海",
      "本职级起始日期",
      "高级晋升按本职级月数",
      "未足月按日历天数",
      "法律风险",
      "健康体检",
    ])
      expect(POLICY.doc.description).toContain(s);
  });
});

describe("基本工资 by grade (full month)", () => {
  it.each([
    ["初级客服", "", "2000.00"], // seed “2000 元左右”
    ["中级客服", "", "3000.00"], // seed 3000–5000: lower bound (example)
    ["高级客服", "", "7000.00"], // seed “7000 元以上”
    ["资深客服", "", "9000.00"], // example
    ["中级客服", "4200", "4200.00"], // own amount overrides the table
    ["初级客服", "2800.55", "2800.55"],
  ])("%s 月基本工资 %s → %s", (grade, own, expected) => {
    expect(solo({ 职级: grade, 月基本工资: own }, "基本工资")).toBe(expected);
  });
});

describe("pay bands (基本工资不在职级范围)", () => {
  it.each([
    ["中级客服", "2999.99", true],
    ["中级客服", "3000", false], // “3000–5000 元之间” includes both ends
    ["中级客服", "5000", false],
    ["中级客服", "5000.01", true],
    ["高级客服", "6999.99", true],
    ["高级客服", "7000", false], // “7000 元以上” includes 7000
    ["高级客服", "20000", false],
    ["初级客服", "3500", false], // “2000 元左右”: no band
    ["资深客服", "5000", false], // no band in the seed
  ] as [string, string, boolean][])("%s %s → flagged %s", (grade, amount, flagged) => {
    const r = run([emp({ 职级: grade, 月基本工资: amount, 缴费基数: "20000" })]);
    expect(warningsOf(r).includes("基本工资不在职级范围")).toBe(flagged);
  });

  it("names the grade and the amount", () => {
    const r = run([emp({ 职级: "高级客服", 月基本工资: "6800" })]);
    expect(listWarnings(r, { index: 0 })[0]?.zh).toBe(
      "高级客服的月基本工资 6800.00 不在种子给出的范围内（中级客服 3000–5000 元，高级客服 7000 元以上），请核对职级或月基本工资",
    );
  });
});

describe("promotion candidates (晋升候选)", () => {
  // Months at a grade = whole months from the start date to the first day after the period (2026-11-01).
  it.each([
    // [case, inputs, expected next grade or null]
    ["初级 入职 08-01: 3 months (Aug–Oct) → 中级", { 职级: "初级客服", 入职日期: "2026-08-01" }, "中级客服"],
    ["初级 入职 07-31: 07-31 → 10-31 = 3 months", { 职级: "初级客服", 入职日期: "2026-07-31" }, "中级客服"],
    ["初级 入职 08-02: 2 months", { 职级: "初级客服", 入职日期: "2026-08-02" }, null],
    [
      "初级 本职级起始 09-01 (regraded), 入职 2025: 2 months",
      { 职级: "初级客服", 入职日期: "2025-01-06", 本职级起始日期: "2026-09-01" },
      null,
    ],
    [
      "初级 3 months but supervisor says 否",
      { 职级: "初级客服", 入职日期: "2026-08-01", 达到晋升要求: "否" },
      null,
    ],
    [
      "初级 3 months, leaving 10-31 (in this period)",
      { 职级: "初级客服", 入职日期: "2026-08-01", 离职日期: "2026-10-31" },
      null,
    ],
    [
      "初级 3 months, leaving next month",
      { 职级: "初级客服", 入职日期: "2026-08-01", 离职日期: "2026-11-05" },
      "中级客服",
    ],
    [
      "中级 入职 2025-11-01 (12 months since starting), 中级 since 2026-10-01 → 高级",
      { 入职日期: "2025-11-01", 本职级起始日期: "2026-10-01" },
      "高级客服",
    ],
    ["中级 入职 2025-11-02: 11 months", { 入职日期: "2025-11-02" }, null],
    [
      "高级 since 2025-11-01: 12 months → 资深",
      { 职级: "高级客服", 本职级起始日期: "2025-11-01" },
      "资深客服",
    ],
    ["高级 since 2025-11-02: 11 months", { 职级: "高级客服", 本职级起始日期: "2025-11-02" }, null],
    ["资深: no higher grade", { 职级: "资深客服", 入职日期: "2015-01-01" }, null],
    ["本职级起始日期 after the period: no months", { 职级: "初级客服", 本职级起始日期: "2026-12-01" }, null],
  ] as [string, Row, string | null][])("%s", (_case, values, next) => {
    const m = candidate(values);
    if (next === null) expect(m).toBeNull();
    else expect(m).toMatch(new RegExp(`^可晋升为${next}：`));
  });

  it("says why and what the supervisor must confirm", () => {
    expect(candidate({ 职级: "初级客服", 入职日期: "2026-06-15" })).toBe(
      // 06-15 → 11-01: 4 whole months
      "可晋升为中级客服：在初级客服已满 4 个月（要求满 3 个月）；须主管确认达到中级客服要求 (1)–(7)，如熟悉电子商务礼仪、能引导顾客消费。确认晋升后请修改“职级”和“本职级起始日期”列",
    );
    // 2025-10-01 → 2026-11-01 = 13 months since starting
    expect(candidate({ 入职日期: "2025-10-01", 本职级起始日期: "2026-07-01" })).toContain(
      "从初级客服做起已满 13 个月（要求满 12 个月）；须主管确认达到高级客服要求，并能协助主管管理部门、培训新员工、每月统计顾客反馈、协调各部门（要求 (9)–(12)）",
    );
    expect(candidate({ 职级: "高级客服", 本职级起始日期: "2025-09-20" })).toContain(
      // 2025-09-20 → 2026-11-01 = 13 months
      "在高级客服已满 13 个月（要求为示例值 12 个月，种子中资深客服的要求不完整）",
    );
  });

  it("高级晋升按本职级月数 = true: counts the months at 中级, not since hiring", () => {
    const p = withParam("高级晋升按本职级月数", "false", "true");
    // hired 2024-01-08 (2024-01-08 → 2026-11-01 = 33 months) but 中级 only since 2026-03-01: 8 months → no
    expect(candidate({ 入职日期: "2024-01-08", 本职级起始日期: "2026-03-01" }, { policy: p })).toBeNull();
    // 中级 since 2025-11-01: 12 months → yes, and the reason says 在中级客服
    expect(candidate({ 入职日期: "2024-01-08", 本职级起始日期: "2025-11-01" }, { policy: p })).toContain(
      "在中级客服已满 12 个月（要求满 12 个月）",
    );
    // the default reading lists the first one (33 months since hiring)
    expect(candidate({ 入职日期: "2024-01-08", 本职级起始日期: "2026-03-01" })).toContain(
      "从初级客服做起已满 33 个月",
    );
  });

  it("counts up to the first day of the next year in December", () => {
    // 2026-12: 入职 2026-10-01 → 2027-01-01 = 3 months → candidate; 入职 2026-10-02 → 2 months
    expect(candidate({ 职级: "初级客服", 入职日期: "2026-10-01" }, { period: "2026-12" })).toMatch(
      /已满 3 个月/,
    );
    expect(candidate({ 职级: "初级客服", 入职日期: "2026-10-02" }, { period: "2026-12" })).toBeNull();
  });

  it("flags employees whose months at the grade cannot be told", () => {
    // 月基本工资 4500 keeps them above the minimum wage: 4500 − 1400 = 3100 ≥ 2740
    const r = run([
      emp({ 入职日期: "", 本职级起始日期: "", 月基本工资: "4500" }),
      emp({ 职级: "资深客服", 入职日期: "" }),
      emp({ 入职日期: "", 本职级起始日期: "2026-01-01", 月基本工资: "4500" }),
    ]);
    expect(warningsOf(r, 0)).toEqual(["无法判断晋升年限"]);
    expect(warningsOf(r, 1)).toEqual([]); // 资深: nothing to be promoted to
    expect(warningsOf(r, 2)).toEqual([]); // 10 months at 中级, hiring date unknown → 司龄 0 → no candidate
  });

  it("a candidate's pay does not change: promotion needs a new 职级", () => {
    const r = run([emp({ 职级: "初级客服", 入职日期: "2026-08-01" })]);
    expect(warningsOf(r)).toContain("晋升候选");
    expect(line(r, 0, "基本工资")).toBe("2000.00");
  });
});

describe("绩效奖金 and 年终奖金", () => {
  it("pays the entered 绩效奖金额", () => {
    expect(solo({ 绩效奖金额: "888.88" }, "绩效奖金")).toBe("888.88");
    expect(solo({}, "绩效奖金")).toBe("0.00");
  });

  it.each([
    // [年终奖金额, 年终奖个税, trap warning] — separate tax: rate found with bonus ÷ 12, one quick deduction
    ["36000", "1080.00", false], // 3000/month → 3%: 36000 × 3% = 1080.00
    ["36001", "3390.10", true], // 3000.08 → 10%: 3600.10 − 210 = 3390.10, inside the 36000–38566.67 trap
    ["38567", "3646.70", false], // 3213.92 → 10%: 3856.70 − 210 = 3646.70, just past the trap
    ["0", "0.00", false],
  ] as [string, string, boolean][])("年终奖 %s → 年终奖个税 %s", (bonus, tax, trap) => {
    const r = run([emp({ 年终奖金额: bonus })]);
    expect(line(r, 0, "年终奖金")).toBe(Number(bonus).toFixed(2));
    expect(line(r, 0, "年终奖个税")).toBe(tax);
    expect(line(r, 0, "年终奖金并入工资")).toBe("0.00");
    expect(warningsOf(r).includes("年终奖多发少得")).toBe(trap);
  });

  it("年终奖并入工资 = 是 taxes the bonus with the month's wages instead", () => {
    // 高级 7000, 缴费基数 10000 → 800 + 200 + 50 + 700 = 1750. Ledger through Sep: income 63000, 专项 15750,
    // withheld (63000 − 45000 − 15750) × 3% = 67.50.
    const ledger = {
      个税年度: "2026",
      个税累计收入: "63000",
      个税累计专项扣除: "15750",
      个税累计已预扣: "67.50",
    };
    // Hired before 2026, so the cumulative basic deduction is 5000 × 10 = 50000.
    const who = { 职级: "高级客服", 入职日期: "2024-03-01", 缴费基数: "10000", 年终奖金额: "40000" };
    const merged = emp({ ...who, 年终奖并入工资: "是" });
    const separate = emp(who);
    const r = run([merged, separate], {
      prior: { employees: { [merged.values.工号!]: ledger, [separate.values.工号!]: ledger } },
    });
    // merged: 63000 + 47000 = 110000 − 50000 − 17500 = 42500 × 10% − 2520 = 1730 − 67.50 = 1662.50
    expect(line(r, 0, "年终奖金并入工资")).toBe("40000.00");
    expect(line(r, 0, "年终奖金")).toBe("0.00");
    expect(line(r, 0, "个人所得税")).toBe("1662.50");
    expect(line(r, 0, "年终奖个税")).toBe("0.00");
    // separate: wages 70000 − 50000 − 17500 = 2500 × 3% = 75 − 67.50 = 7.50; bonus 40000 ÷ 12 = 3333.33 → 10%:
    // 4000 − 210 = 3790.00
    expect(line(r, 1, "个人所得税")).toBe("7.50");
    expect(line(r, 1, "年终奖个税")).toBe("3790.00");
    // net: merged 47000 − 1750 − 1662.50 = 43587.50; separate 47000 − 1750 − 7.50 − 3790 = 41452.50
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("43587.50");
    expect(getPayslip(r, 1).net.toFixed(2)).toBe("41452.50");
  });
});

describe("part months (2026-10: 21.75 paid days)", () => {
  it.each([
    // [case, inputs, expected 基本工资]
    // 入职 10-15: workdays 15, 16, 19–23, 26–30 = 12 → 2000 × 12/21.75 = 1103.4483 → 1103.45
    ["初级 入职 10-15, 12 天", { 职级: "初级客服", 入职日期: "2026-10-15", 在职计薪天数: "12" }, "1103.45"],
    // 离职 10-16: statutory 10-01..03 + workdays 8, 9, 10, 12–16 = 11 → 3000 × 11/21.75 = 1517.2414 → 1517.24
    ["中级 离职 10-16, 11 天", { 离职日期: "2026-10-16", 在职计薪天数: "11" }, "1517.24"],
    // 22 > 21.75 → capped at 100 %
    ["高级 22 天 capped", { 职级: "高级客服", 入职日期: "2026-10-02", 在职计薪天数: "22" }, "7000.00"],
    ["0 天", { 入职日期: "2026-10-31", 在职计薪天数: "0" }, "0.00"],
    ["入职 10-01 离职 10-31: whole month", { 入职日期: "2026-10-01", 离职日期: "2026-10-31" }, "3000.00"],
  ] as [string, Row, string][])("%s", (_case, values, expected) => {
    expect(solo(values, "基本工资")).toBe(expected);
  });

  it("a part-month employee without 在职计薪天数 is an error; the others still compute", () => {
    const r = run([emp({ 入职日期: "2026-10-15" }), emp()]);
    expect(getPayslip(r, 0).error?.zh).toContain("请填写“在职计薪天数”");
    expect(line(r, 1, "基本工资")).toBe("3000.00");
  });

  it("未足月按日历天数 = true: calendar days ÷ 本月天数", () => {
    const p = withParam("未足月按日历天数", "false", "true");
    // 入职 10-15 → 17 days: 2000 × 17/31 = 1096.7742 → 1096.77
    expect(solo({ 职级: "初级客服", 入职日期: "2026-10-15" }, "基本工资", { policy: p })).toBe("1096.77");
    // 离职 10-16 → 16 days: 3000 × 16/31 = 1548.3871 → 1548.39
    expect(solo({ 离职日期: "2026-10-16" }, "基本工资", { policy: p })).toBe("1548.39");
  });
});

describe("insurance, housing fund and the minimum wage (上海 示例)", () => {
  it("初级 2000 without 缴费基数: 社保 at the floor 7546, 公积金 at the floor 2740, and a minimum-wage warning", () => {
    // 社保 7546 × 8% = 603.68, × 2% = 150.92, × 0.5% = 37.73; 公积金 2740 × 7% = 191.80 → whole yuan 192
    // net 2000 − 984.33 = 1015.67 < 2740 (Shanghai compares pay net of the employee's SI and HF)
    const r = run([emp({ 职级: "初级客服", 缴费基数: "" })]);
    expect(
      ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金", "个人所得税"].map((n) =>
        line(r, 0, n),
      ),
    ).toEqual(["603.68", "150.92", "37.73", "192.00", "0.00"]);
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("1015.67");
    expect(listWarnings(r, { index: 0 }).find((w) => w.check === "低于最低工资")?.zh).toContain("1015.67");
  });

  it("中级 3000 with 缴费基数 8000: 1400 withheld, and 1600 is below the minimum too", () => {
    // 640 + 160 + 40 + 560 = 1400; net 1600.00; 1600 < 2740 → warning
    const r = run([emp()]);
    expect(getPayslip(r, 0).deductions.toFixed(2)).toBe("1400.00");
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("1600.00");
    expect(warningsOf(r)).toEqual(["低于最低工资"]);
  });

  it("no minimum-wage warning for a part month", () => {
    // 2000 × 12/21.75 = 1103.45 − 984.33 (floors, no 缴费基数) = 119.12 ≥ 0, so no negative-net warning either
    const r = run([emp({ 职级: "初级客服", 入职日期: "2026-10-15", 在职计薪天数: "12", 缴费基数: "" })]);
    expect(warningsOf(r)).toEqual([]);
  });
});

describe("bad input", () => {
  it("a blank or unknown 职级 is an error for that employee only", () => {
    const r = run([emp({ 职级: "" }), emp({ 职级: "主管客服" }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe("职级");
    expect(getPayslip(r, 1).error?.zh).toContain("主管客服");
    expect(line(r, 2, "基本工资")).toBe("3000.00");
  });
});

describe("explanations", () => {
  it("every line has a description; 本职级月数 is shown in the details", () => {
    const r = run([emp({ 本职级起始日期: "2026-03-01" })]);
    const ex = explainPayslip(r, 0);
    for (const x of ex.lines.filter((y) => y.kind !== "total")) expect(x.description, x.name).toBeTruthy();
    expect(ex.lines.find((x) => x.name === "基本工资")?.sentence).toContain("3000.00");
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
      new Set(["初级客服", "中级客服", "高级客服", "资深客服"]),
    );
  });

  it("computes with no errors", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r.run, i)).filter(Boolean)).toEqual([]);
  });

  it.each([
    // [工号, 基本工资, 应发工资, 个人所得税, 年终奖个税, 扣款合计, 实发工资]
    // C001 初级 2000; 社保 floor 792.33 + 公积金 floor 192 = 984.33; tax 0; net 1015.67
    ["C001", "2000.00", "2000.00", "0.00", "0.00", "984.33", "1015.67"],
    // C002 初级 2200; 社保 792.33 + 公积金 2740 floor → 192 = 984.33; net 1215.67
    ["C002", "2200.00", "2200.00", "0.00", "0.00", "984.33", "1215.67"],
    // C003 初级 2000 + 绩效奖金 300 = 2300; 984.33; net 1315.67
    ["C003", "2000.00", "2300.00", "0.00", "0.00", "984.33", "1315.67"],
    // C004 中级 4000 + 500 = 4500; 792.33 + 280 = 1072.33; tax (40500 + 4500 − 50000) < 0 → 0; net 3427.67
    ["C004", "4000.00", "4500.00", "0.00", "0.00", "1072.33", "3427.67"],
    // C005 中级 5200 (flagged); 792.33 + 364 = 1156.33; tax 52000 − 50000 − 11563.30 < 0 → 0; net 4043.67
    ["C005", "5200.00", "5200.00", "0.00", "0.00", "1156.33", "4043.67"],
    // C006 高级 7500 + 年终奖 36001 = 43501; 基数 9000: 720 + 180 + 45 + 630 = 1575;
    //   wages tax (75000 − 50000 − 15750 = 9250) × 3% = 277.50 − 249.75 = 27.75; bonus tax 3390.10;
    //   deductions 1575 + 27.75 + 3390.10 = 4992.85; net 38508.15
    ["C006", "7500.00", "43501.00", "27.75", "3390.10", "4992.85", "38508.15"],
    // C007 高级 6800 (flagged) + 年终奖 20000 并入工资 = 26800; 792.33 + 476 = 1268.33;
    //   tax (61200 + 26800 − 50000 − 12683.30 = 25316.70) × 3% = 759.501 → 759.50 − 143.55 = 615.95;
    //   net 26800 − 1268.33 − 615.95 = 24915.72
    ["C007", "6800.00", "26800.00", "615.95", "0.00", "1884.28", "24915.72"],
    // C008 资深 9000 + 年终奖 30000 = 39000; 基数 10000: 800 + 200 + 50 + 700 = 1750;
    //   wages tax (90000 − 50000 − 17500 = 22500) × 3% = 675 − 607.50 = 67.50; bonus 30000 ÷ 12 = 2500 → 3% = 900;
    //   net 39000 − 1750 − 67.50 − 900 = 36282.50
    ["C008", "9000.00", "39000.00", "67.50", "900.00", "2717.50", "36282.50"],
    // C009 中级 入职 10-15, 12 天: 3000 × 12/21.75 = 1655.1724 → 1655.17; 792.33 + 210 = 1002.33; net 652.84
    ["C009", "1655.17", "1655.17", "0.00", "0.00", "1002.33", "652.84"],
    // C010 初级 离职 10-16, 11 天: 2000 × 11/21.75 = 1011.4943 → 1011.49; 984.33; net 27.16
    ["C010", "1011.49", "1011.49", "0.00", "0.00", "984.33", "27.16"],
    // C011 中级 4500, no dates; 792.33 + 315 = 1107.33; tax 45000 − 50000 < 0; net 3392.67
    ["C011", "4500.00", "4500.00", "0.00", "0.00", "1107.33", "3392.67"],
  ])("%s", (id, base, gross, tax, bonusTax, ded, net) => {
    const i = at(id);
    expect([line(r.run, i, "基本工资"), line(r.run, i, "个人所得税"), line(r.run, i, "年终奖个税")]).toEqual([
      base,
      tax,
      bonusTax,
    ]);
    const slip = getPayslip(r.run, i);
    expect([slip.gross.toFixed(2), slip.deductions.toFixed(2), slip.net.toFixed(2)]).toEqual([
      gross,
      ded,
      net,
    ]);
  });

  it("lists exactly the expected warnings", () => {
    expect(listWarnings(r.run).map((w) => `${w.工号} ${w.check}`)).toEqual([
      "C001 晋升候选", // 初级 since 08-01: 3 months → 中级
      "C001 低于最低工资", // 1015.67 < 2740
      "C002 低于最低工资", // 1215.67; 2 months only (08-02) → no candidate
      "C003 低于最低工资", // 1315.67; 11 months but 达到晋升要求 = 否
      "C004 晋升候选", // 中级, hired 2025-11-01: 12 months since starting → 高级
      "C005 基本工资不在职级范围", // 中级 5200 > 5000; hired 2025-11-02: 11 months
      "C006 晋升候选", // 高级 since 2025-10-01: 13 months → 资深 (example 12)
      "C006 年终奖多发少得", // 36001 in the 36000–38566.67 trap
      "C007 基本工资不在职级范围", // 高级 6800 < 7000; 高级 since 2026-06-15: 4 months
      "C011 无法判断晋升年限", // no dates
    ]);
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
      emp({ 职级: "初级客服", 入职日期: "2026-07-31" }),
      emp({ 入职日期: "2024-01-08", 本职级起始日期: "2025-11-01", 年终奖金额: "38566.67" }),
      emp({ 入职日期: "2026-10-20", 在职计薪天数: "8", 年终奖金额: "1000", 年终奖并入工资: "是" }),
      emp({ 离职日期: "2026-10-05" }),
      emp({ 职级: "" }),
    ];
    const policies = [
      POLICY,
      withParam("高级晋升按本职级月数", "false", "true"),
      withParam("未足月按日历天数", "false", "true"),
    ];
    for (const policy of policies) {
      for (const period of ["2026-10", "2026-12"]) {
        const fp = (mode: "batch" | "scalar") => {
          const r = run(employees, { policy, prior: STATE, mode, period });
          return r.employees.map((_e, i) => {
            const p = getPayslip(r, i);
            return [
              p.lines.map((l) => `${l.name}=${l.value.toString()}`),
              formatEmployeeError(r, i),
              listWarnings(r, { index: i }).map((w) => w.zh),
            ];
          });
        };
        expect(fp("batch")).toEqual(fp("scalar"));
      }
    }
  });
});
