/**
 * Golden tests for the 淘宝员工规章制度 template. Every expected value is worked out by hand in the comment next to
 * it. Unless a case says otherwise: period 2026-10 (31 days, 10-01 … 10-31), 月基本工资 3000 (the example
 * 基本工资标准), 伙食补贴 300, 全勤奖 200, 绩效奖金 500 × 绩效系数 100%, 出勤天数 22, employed the whole month;
 * 日工资 = 月基本工资 ÷ 30 = 100.
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
  loadPolicyText,
  type PayrollRun,
  runPayroll,
} from "../../packages/core/src/index.js";
import { compileTemplate, editParam } from "../template-test-kit.js";

const POLICY_TEXT = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const SAMPLE_TEXT = readFileSync(new URL("./sample.csv", import.meta.url), "utf8");

const compile = (text = POLICY_TEXT): CompiledPolicy => compileTemplate(text);

const POLICY = compile();

const withParam = (name: string, from: string, to: string): CompiledPolicy =>
  compile(editParam(POLICY_TEXT, name, from, to));

type Row = Record<string, string>;
let seq = 0;

function emp(values: Row = {}): EmployeeInput {
  seq++;
  return { values: { 工号: `E${seq}`, 姓名: `员工${seq}`, 出勤天数: "22", ...values } };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; policy?: CompiledPolicy } = {},
): PayrollRun {
  const r = runPayroll(opts.policy ?? POLICY, { period: opts.period ?? "2026-10", employees });
  if (!r.ok) throw new Error(r.problem.zh);
  return r.run;
}

const LINES = [
  "基本工资",
  "伙食补贴",
  "全勤奖",
  "绩效奖金",
  "旷工扣薪",
  "请假扣薪",
  "迟到早退罚款",
  "旷工罚款",
] as const;

/** Every pay line of employee i plus 实发工资, as fixed-2 text; fails when the employee has an error. */
function slipOf(r: PayrollRun, i: number): string[] {
  const slip = getPayslip(r, i);
  expect(slip.error, formatEmployeeError(r, i)).toBeNull();
  const value = (name: string) => {
    const l = slip.lines.find((x) => x.name === name);
    if (!l) throw new Error(`no line ${name}`);
    return l.value.toFixed(2);
  };
  return [...LINES.map(value), slip.net.toFixed(2)];
}

function solo(values: Row, opts: { period?: string; policy?: CompiledPolicy } = {}): string[] {
  return slipOf(run([emp(values)], opts), 0);
}

// Expected columns: [基本工资, 伙食补贴, 全勤奖, 绩效奖金, 旷工扣薪, 请假扣薪, 迟到早退罚款, 旷工罚款, 实发工资]
type Case = [string, Row, string[]];

describe("taobao-rules policy", () => {
  it("compiles without errors; the checker warns on each legally risky rule, with its legal reference", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    const loaded = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!;
    // Unpaid overtime (the words and the unused input), sick days docked in full, base pay stopped for a proxy
    // clock-in, ÷30 proration of 基本工资 and 伙食补贴, lateness over an hour docked as a whole day, two fines.
    expect(lintPolicyDetailed(loaded).map((f) => f.rule)).toEqual([
      "overtime",
      "overtime",
      "sick-pay",
      "fine",
      "proration",
      "proration",
      "fine",
      "fine",
      "fine",
    ]);
    const refs = r.problems.map((p) => `${p.code} ${p.ref?.zh ?? ""}`);
    expect(refs.filter((x) => x.startsWith("LABOR")).length).toBe(9);
    expect(refs).toContain("LABOR 《劳动法》第四十四条");
    expect(r.problems.map((p) => formatProblem(p)).join("\n")).toMatch(/依据：.*人社部发〔2025〕2号/);
    expect(r.compiled?.doc.id).toBe("taobao-rules");
    expect(r.compiled?.doc.seedSection).toBe("淘宝员工规章制度");
    expect(r.compiled?.doc.payDay).toBe(15); // “每月10日至15日发放” → the 15th
    expect(r.compiled?.doc.statutory).toBeUndefined();
  });

  it("marks the amounts the seed leaves blank as examples", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of ["基本工资标准", "伙食补贴标准", "全勤奖标准", "绩效奖金标准"]) {
      expect(params[p]?.example, p).toBe(true);
    }
    // the amounts the seed does give are not examples
    for (const p of ["迟到5分钟内罚款", "迟到5至60分钟罚款", "旷工罚款每天", "月折算天数"]) {
      expect(params[p]?.example, p).toBeUndefined();
    }
  });

  it("says in the description which rules are legally risky", () => {
    const d = POLICY.doc.description;
    for (const s of ["法律风险", "罚款", "加班费", "第 44 条", "病假", "最低工资", "示例值"])
      expect(d).toContain(s);
  });
});

describe("full month (2026-10 has 31 days; base is the monthly amount, not 31/30 of it)", () => {
  it.each<Case>([
    // 3000 + 300 + 200 + 500 = 4000.00
    [
      "full attendance",
      {},
      ["3000.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4000.00"],
    ],
    // own 月基本工资 3500: 3500 + 300 + 200 + 500 = 4500.00
    [
      "月基本工资 3500",
      { 月基本工资: "3500" },
      ["3500.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4500.00"],
    ],
    // 绩效 500 × 120% = 600; 3000 + 300 + 200 + 600 = 4100.00
    [
      "绩效系数 120%",
      { 绩效系数: "120%" },
      ["3000.00", "300.00", "200.00", "600.00", "0.00", "0.00", "0.00", "0.00", "4100.00"],
    ],
    // 绩效 500 × 0 = 0; 3000 + 300 + 200 = 3500.00
    [
      "绩效系数 0",
      { 绩效系数: "0" },
      ["3000.00", "300.00", "200.00", "0.00", "0.00", "0.00", "0.00", "0.00", "3500.00"],
    ],
    // overtime is unpaid: 36 hours change nothing → 4000.00
    [
      "加班 36 小时 (无加班费)",
      { 加班小时: "36" },
      ["3000.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4000.00"],
    ],
    // no absence columns but 出勤天数 0: no 全勤奖 (needs 出勤天数 > 0); 3000 + 300 + 500 = 3800.00
    [
      "出勤天数 0 with nothing else filled",
      { 出勤天数: "0" },
      ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "0.00", "0.00", "3800.00"],
    ],
    // hired on the first day and leaving on the last day = a whole month → 4000.00 with 全勤奖
    [
      "入职 10-01 离职 10-31",
      { 入职日期: "2026-10-01", 离职日期: "2026-10-31" },
      ["3000.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4000.00"],
    ],
    // leaving after the period is a whole month here → 4000.00
    [
      "离职 2026-11-05",
      { 离职日期: "2026-11-05" },
      ["3000.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4000.00"],
    ],
  ])("%s", (_name, values, expected) => {
    expect(solo(values)).toEqual(expected);
  });

  it("overtime hours are shown on the payslip but paid by no item", () => {
    const r = run([emp({ 加班小时: "36" })]);
    const slip = getPayslip(r, 0);
    expect(slip.lines.find((l) => l.name === "加班小时数")?.value.toString()).toBe("36");
    expect(slip.gross.toFixed(2)).toBe("4000.00"); // 3000 + 300 + 200 + 500, no overtime pay
    const ex = explainPayslip(r, 0);
    expect(ex.lines.find((l) => l.name === "加班小时数")?.description).toContain("无加班费");
  });
});

describe("lateness and early leave (迟到、早退)", () => {
  it.each<Case>([
    // exactly 5 minutes → 5分钟内 band: 20; no 全勤奖; 3000 + 300 + 500 − 20 = 3780.00
    [
      "迟到正好 5 分钟",
      { 迟到5分钟内次数: "1" },
      ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "20.00", "0.00", "3780.00"],
    ],
    // exactly 60 minutes → 5至60分钟 band: 50; 3800 − 50 = 3750.00
    [
      "迟到正好 60 分钟",
      { 迟到5至60分钟次数: "1" },
      ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "50.00", "0.00", "3750.00"],
    ],
    // 61 minutes → 旷工 1 day: 旷工扣薪 3000 × 1 ÷ 30 = 100; 伙食 300 × 29 ÷ 30 = 290; 罚 100
    //   3000 + 290 + 500 − 100 − 100 = 3590.00
    [
      "迟到超过 60 分钟",
      { 迟到超1小时次数: "1" },
      ["3000.00", "290.00", "0.00", "500.00", "100.00", "0.00", "0.00", "100.00", "3590.00"],
    ],
    // 3 × 20 + 2 × 50 = 160; 3800 − 160 = 3640.00
    [
      "迟到 3 次 5 分钟内 + 2 次 5–60 分钟",
      { 迟到5分钟内次数: "3", 迟到5至60分钟次数: "2" },
      ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "160.00", "0.00", "3640.00"],
    ],
    // 早退 same rules: 1 × 20 + 2 × 50 = 120; 3800 − 120 = 3680.00
    [
      "早退 5 分钟内 1 次 + 5–60 分钟 2 次",
      { 早退5分钟内次数: "1", 早退5至60分钟次数: "2" },
      ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "120.00", "0.00", "3680.00"],
    ],
    // 早退 over 1 hour = 旷工 1 day, as for lateness: 3590.00
    [
      "早退超过 1 小时",
      { 早退超1小时次数: "1" },
      ["3000.00", "290.00", "0.00", "500.00", "100.00", "0.00", "0.00", "100.00", "3590.00"],
    ],
    // mixed: 迟到 2 × 20 + 早退 1 × 20 + 迟到 1 × 50 = 110; 3800 − 110 = 3690.00 (same as sample T004)
    [
      "迟到 2 + 早退 1 (5 分钟内) + 迟到 1 (5–60)",
      { 迟到5分钟内次数: "2", 早退5分钟内次数: "1", 迟到5至60分钟次数: "1" },
      ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "110.00", "0.00", "3690.00"],
    ],
    // 2 × over 1 h: 旷工 2 days → 扣 200, 伙食 300 × 28 ÷ 30 = 280, 罚 200; 3000 + 280 + 500 − 400 = 3380.00
    [
      "迟到超 1 小时 2 次",
      { 迟到超1小时次数: "2" },
      ["3000.00", "280.00", "0.00", "500.00", "200.00", "0.00", "0.00", "200.00", "3380.00"],
    ],
  ])("%s", (_name, values, expected) => {
    expect(solo(values)).toEqual(expected);
  });

  it("param 迟到早退按次罚款 = false: each band at most once a month", () => {
    const p = withParam("迟到早退按次罚款", "true", "false");
    // 迟到 3 + 早退 1 in the 5分钟内 band → 20 once; 2 in the 5–60 band → 50 once; 3800 − 70 = 3730.00
    expect(
      solo({ 迟到5分钟内次数: "3", 早退5分钟内次数: "1", 迟到5至60分钟次数: "2" }, { policy: p }),
    ).toEqual(["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "70.00", "0.00", "3730.00"]);
    // only the 5–60 band → 50; 3800 − 50 = 3750.00
    expect(solo({ 迟到5至60分钟次数: "4" }, { policy: p })[6]).toBe("50.00");
  });

  it("param 超1小时折算旷工天数 = 0.5: lateness over 1 hour is half a day of 旷工", () => {
    const p = withParam("超1小时折算旷工天数", "1", "0.5");
    // 扣 3000 × 0.5 ÷ 30 = 50; 伙食 300 × 29.5 ÷ 30 = 295; 罚 100 × 0.5 = 50; 3000 + 295 + 500 − 100 = 3695.00
    expect(solo({ 迟到超1小时次数: "1" }, { policy: p })).toEqual([
      "3000.00",
      "295.00",
      "0.00",
      "500.00",
      "50.00",
      "0.00",
      "0.00",
      "50.00",
      "3695.00",
    ]);
  });
});

describe("absence (旷工): no pay for the day and 100 元 per day", () => {
  it.each<Case>([
    // 扣 100; 伙食 290; 罚 100; 3000 + 290 + 500 − 200 = 3590.00
    [
      "旷工 1 天",
      { 出勤天数: "21", 旷工天数: "1" },
      ["3000.00", "290.00", "0.00", "500.00", "100.00", "0.00", "0.00", "100.00", "3590.00"],
    ],
    // half day: 扣 50; 伙食 300 × 29.5 ÷ 30 = 295; 罚 50; 3000 + 295 + 500 − 100 = 3695.00
    [
      "旷工半天",
      { 出勤天数: "21.5", 旷工天数: "0.5" },
      ["3000.00", "295.00", "0.00", "500.00", "50.00", "0.00", "0.00", "50.00", "3695.00"],
    ],
    // 月基本工资 3100: 扣 3100 × 3 ÷ 30 = 310; 伙食 300 × 27 ÷ 30 = 270; 罚 300; 3100 + 270 + 500 − 610 = 3260.00
    [
      "旷工 3 天, 月基本工资 3100",
      { 出勤天数: "19", 旷工天数: "3", 月基本工资: "3100" },
      ["3100.00", "270.00", "0.00", "500.00", "310.00", "0.00", "0.00", "300.00", "3260.00"],
    ],
    // 旷工 1 + 迟到超 1 小时 1 → 2 days: 扣 200; 伙食 280; 罚 200; 3000 + 280 + 500 − 400 = 3380.00 (sample T005)
    [
      "旷工 1 天 + 迟到超 1 小时 1 次",
      { 出勤天数: "21", 旷工天数: "1", 迟到超1小时次数: "1" },
      ["3000.00", "280.00", "0.00", "500.00", "200.00", "0.00", "0.00", "200.00", "3380.00"],
    ],
    // zero attendance, employed all month, 22 workdays 旷工 (绩效系数 0): 扣 3000 × 22 ÷ 30 = 2200;
    //   伙食 300 × (30 − 22) ÷ 30 = 80; 罚 2200; 3000 + 80 − 2200 − 2200 = −1320.00 (as written: net negative)
    [
      "出勤 0, 旷工 22 天",
      { 出勤天数: "0", 旷工天数: "22", 绩效系数: "0" },
      ["3000.00", "80.00", "0.00", "0.00", "2200.00", "0.00", "0.00", "2200.00", "-1320.00"],
    ],
    // 旷工 31 days (more than 30): 扣 MIN(3000, 3100) = 3000; 伙食 MAX(0, 30 − 31) → 0; 罚 3100;
    //   3000 − 3000 − 3100 = −3100.00
    [
      "旷工 31 天 (31-day month, deduction capped at 基本工资)",
      { 出勤天数: "0", 旷工天数: "31", 绩效系数: "0" },
      ["3000.00", "0.00", "0.00", "0.00", "3000.00", "0.00", "0.00", "3100.00", "-3100.00"],
    ],
  ])("%s", (_name, values, expected) => {
    expect(solo(values)).toEqual(expected);
  });

  it("旷工天数合计 shows the days fined", () => {
    const r = run([emp({ 旷工天数: "1", 迟到超1小时次数: "1", 早退超1小时次数: "1", 代打卡次数: "1" })]);
    const l = getPayslip(r, 0).lines.find((x) => x.name === "旷工天数合计");
    expect(l?.value.toString()).toBe("4"); // 1 + 1 + 1 + 1
    expect(slipOf(r, 0)[7]).toBe("400.00"); // 100 × 4
  });
});

describe("proxy clock-in (代打卡): both people absent, no bonus", () => {
  it.each<Case>([
    // 扣 100; 伙食 290; 绩效 0; 全勤 0; 罚 100; 3000 + 290 − 200 = 3090.00 (sample T006)
    [
      "代打卡 1 次",
      { 代打卡次数: "1" },
      ["3000.00", "290.00", "0.00", "0.00", "100.00", "0.00", "0.00", "100.00", "3090.00"],
    ],
    // 扣 200; 伙食 280; 罚 200; 3000 + 280 − 400 = 2880.00
    [
      "代打卡 2 次",
      { 代打卡次数: "2" },
      ["3000.00", "280.00", "0.00", "0.00", "200.00", "0.00", "0.00", "200.00", "2880.00"],
    ],
    // 月基本工资 3200: 扣 3200 ÷ 30 = 106.666… → 106.67; 伙食 290; 罚 100; 3200 + 290 − 206.67 = 3283.33 (T007)
    [
      "代打卡 1 次, 月基本工资 3200",
      { 代打卡次数: "1", 月基本工资: "3200", 出勤天数: "21" },
      ["3200.00", "290.00", "0.00", "0.00", "106.67", "0.00", "0.00", "100.00", "3283.33"],
    ],
  ])("%s", (_name, values, expected) => {
    expect(solo(values)).toEqual(expected);
  });

  it("applies to both rows HR fills", () => {
    const r = run([emp({ 代打卡次数: "1" }), emp({ 代打卡次数: "1", 出勤天数: "21" })]);
    expect(slipOf(r, 0)[8]).toBe("3090.00");
    expect(slipOf(r, 1)[8]).toBe("3090.00");
  });

  it("param 代打卡停发当月薪资 = true: no pay at all this month, the fine still applies", () => {
    const p = withParam("代打卡停发当月薪资", "false", "true");
    // 基本 0, 伙食 0, 奖金 0; 旷工扣薪 MIN(0, 100) = 0; 罚 100 → −100.00
    expect(solo({ 代打卡次数: "1" }, { policy: p })).toEqual([
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "100.00",
      "-100.00",
    ]);
    // without 代打卡 the parameter changes nothing: 4000.00
    expect(solo({}, { policy: p })[8]).toBe("4000.00");
  });
});

describe("leave (事假、病假): unpaid by day, no 全勤奖", () => {
  it.each<Case>([
    // 扣 2 × 100 = 200; 伙食 300 × 28 ÷ 30 = 280; 3000 + 280 + 500 − 200 = 3580.00
    [
      "事假 2 天",
      { 出勤天数: "20", 事假天数: "2" },
      ["3000.00", "280.00", "0.00", "500.00", "0.00", "200.00", "0.00", "0.00", "3580.00"],
    ],
    // 扣 100; 伙食 290; 3000 + 290 + 500 − 100 = 3690.00
    [
      "病假 1 天",
      { 出勤天数: "21", 病假天数: "1" },
      ["3000.00", "290.00", "0.00", "500.00", "0.00", "100.00", "0.00", "0.00", "3690.00"],
    ],
    // 事假 2 + 病假 1 = 3 days: 扣 300; 伙食 270; 绩效 500 × 90% = 450; 3000 + 270 + 450 − 300 = 3420.00 (T008)
    [
      "事假 2 + 病假 1, 绩效系数 90%",
      { 出勤天数: "19", 事假天数: "2", 病假天数: "1", 绩效系数: "90%" },
      ["3000.00", "270.00", "0.00", "450.00", "0.00", "300.00", "0.00", "0.00", "3420.00"],
    ],
    // 旷工 28 + 事假 5 = 33 days: 旷工扣薪 MIN(3000, 2800) = 2800; 请假扣薪 MIN(3000 − 2800, 500) = 200;
    //   伙食 MAX(0, 30 − 33) → 0; 罚 2800; 绩效 0; 3000 − 2800 − 200 − 2800 = −2800.00
    [
      "旷工 28 + 事假 5 (leave deduction capped at what is left)",
      { 出勤天数: "0", 旷工天数: "28", 事假天数: "5", 绩效系数: "0" },
      ["3000.00", "0.00", "0.00", "0.00", "2800.00", "200.00", "0.00", "2800.00", "-2800.00"],
    ],
  ])("%s", (_name, values, expected) => {
    expect(solo(values)).toEqual(expected);
  });

  it("param 病假扣薪比例 = 0%: sick leave paid, still no 全勤奖", () => {
    const p = withParam("病假扣薪比例", "100%", "0%");
    // 扣 0; 伙食 300; 全勤 0; 3000 + 300 + 500 = 3800.00
    expect(solo({ 出勤天数: "21", 病假天数: "1" }, { policy: p })).toEqual([
      "3000.00",
      "300.00",
      "0.00",
      "500.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "3800.00",
    ]);
  });

  it("param 事假扣薪比例 = 50%", () => {
    const p = withParam("事假扣薪比例", "100%", "50%");
    // 1 day × 50% = 0.5: 扣 50; 伙食 300 × 29.5 ÷ 30 = 295; 3000 + 295 + 500 − 50 = 3745.00
    expect(solo({ 出勤天数: "21", 事假天数: "1" }, { policy: p })).toEqual([
      "3000.00",
      "295.00",
      "0.00",
      "500.00",
      "0.00",
      "50.00",
      "0.00",
      "0.00",
      "3745.00",
    ]);
  });
});

describe("part month (未足月): 基本工资 ÷ 30 × 实际出勤天数", () => {
  it.each<Case>([
    // 入职 10-12, 出勤 15: 3000 × 15 ÷ 30 = 1500; 伙食 300 × 15 ÷ 30 = 150; no 全勤奖; 1500 + 150 + 500 = 2150.00
    [
      "月中入职",
      { 入职日期: "2026-10-12", 出勤天数: "15" },
      ["1500.00", "150.00", "0.00", "500.00", "0.00", "0.00", "0.00", "0.00", "2150.00"],
    ],
    // 离职 10-20, 出勤 13, 月基本 4000: 4000 × 13 ÷ 30 = 1733.333… → 1733.33; 伙食 130; 迟到 20;
    //   1733.33 + 130 + 500 − 20 = 2343.33 (sample T003)
    [
      "月中离职",
      { 离职日期: "2026-10-20", 出勤天数: "13", 月基本工资: "4000", 迟到5分钟内次数: "1" },
      ["1733.33", "130.00", "0.00", "500.00", "0.00", "0.00", "20.00", "0.00", "2343.33"],
    ],
    // 入职 10-10 离职 10-20, 出勤 9: 900; 伙食 90; 900 + 90 + 500 = 1490.00
    [
      "同月入职又离职",
      { 入职日期: "2026-10-10", 离职日期: "2026-10-20", 出勤天数: "9" },
      ["900.00", "90.00", "0.00", "500.00", "0.00", "0.00", "0.00", "0.00", "1490.00"],
    ],
    // zero attendance new hire: 3000 × 0 ÷ 30 = 0; 伙食 0; 绩效系数 0 → 0.00
    [
      "入职当月出勤 0",
      { 入职日期: "2026-10-20", 出勤天数: "0", 绩效系数: "0" },
      ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
    ],
    // 旷工 days are not in 出勤天数, so not deducted again, only fined: 应计 14 → 1400; 伙食 140; 罚 100;
    //   1400 + 140 + 500 − 100 = 1940.00
    [
      "月中入职 + 旷工 1 天",
      { 入职日期: "2026-10-12", 出勤天数: "14", 旷工天数: "1" },
      ["1400.00", "140.00", "0.00", "500.00", "0.00", "0.00", "0.00", "100.00", "1940.00"],
    ],
    // leave is added back and deducted by its rate: 应计 15 + 1 = 16 → 1600; 请假扣薪 100; 伙食 150;
    //   1600 + 150 + 500 − 100 = 2150.00
    [
      "月中入职 + 事假 1 天",
      { 入职日期: "2026-10-12", 出勤天数: "15", 事假天数: "1" },
      ["1600.00", "150.00", "0.00", "500.00", "0.00", "100.00", "0.00", "0.00", "2150.00"],
    ],
    // over-1-hour lateness is in 出勤天数 and deducted: 扣 100; 伙食 300 × 14 ÷ 30 = 140; 罚 100;
    //   1500 + 140 + 500 − 200 = 1940.00
    [
      "月中入职 + 迟到超 1 小时",
      { 入职日期: "2026-10-12", 出勤天数: "15", 迟到超1小时次数: "1" },
      ["1500.00", "140.00", "0.00", "500.00", "100.00", "0.00", "0.00", "100.00", "1940.00"],
    ],
    // capped at 30 days: 入职 10-02, 出勤 30 + 事假 1 = 31 → 30 → 3000; 请假扣薪 100; 伙食 290;
    //   3000 + 290 + 500 − 100 = 3690.00
    [
      "未足月计薪天数最多 30 天",
      { 入职日期: "2026-10-02", 出勤天数: "30", 事假天数: "1" },
      ["3000.00", "290.00", "0.00", "500.00", "0.00", "100.00", "0.00", "0.00", "3690.00"],
    ],
  ])("%s", (_name, values, expected) => {
    expect(solo(values)).toEqual(expected);
  });

  describe("param 未足月按在职日历天数 = true", () => {
    const p = withParam("未足月按在职日历天数", "false", "true");
    it.each<Case>([
      // 10-12 … 10-31 = 20 days: 3000 × 20 ÷ 30 = 2000; 伙食 200; 2000 + 200 + 500 = 2700.00
      [
        "入职 10-12",
        { 入职日期: "2026-10-12", 出勤天数: "15" },
        ["2000.00", "200.00", "0.00", "500.00", "0.00", "0.00", "0.00", "0.00", "2700.00"],
      ],
      // 旷工 is deducted on top: 扣 100; 伙食 300 × 19 ÷ 30 = 190; 罚 100; 2000 + 190 + 500 − 200 = 2490.00
      [
        "入职 10-12 + 旷工 1 天",
        { 入职日期: "2026-10-12", 出勤天数: "14", 旷工天数: "1" },
        ["2000.00", "190.00", "0.00", "500.00", "100.00", "0.00", "0.00", "100.00", "2490.00"],
      ],
      // 31-day month, 入职 10-02: 10-02 … 10-31 = 30 days → 3000; still 未足月 → no 全勤奖; 3800.00
      [
        "入职 10-02 (30 of 31 days)",
        { 入职日期: "2026-10-02", 出勤天数: "21" },
        ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "0.00", "0.00", "3800.00"],
      ],
      // 离职 10-20: 10-01 … 10-20 = 20 days → 2000; 伙食 200 → 2700.00
      [
        "离职 10-20",
        { 离职日期: "2026-10-20", 出勤天数: "13" },
        ["2000.00", "200.00", "0.00", "500.00", "0.00", "0.00", "0.00", "0.00", "2700.00"],
      ],
    ])("%s", (_name, values, expected) => {
      expect(solo(values, { policy: p })).toEqual(expected);
    });
  });

  it("param 伙食补贴随出勤折算 = false: meal allowance paid in full", () => {
    const p = withParam("伙食补贴随出勤折算", "true", "false");
    // 入职 10-12, 出勤 15: 1500 + 300 + 500 = 2300.00
    expect(solo({ 入职日期: "2026-10-12", 出勤天数: "15" }, { policy: p })[1]).toBe("300.00");
    // 旷工 1: 伙食 300; 3000 + 300 + 500 − 100 − 100 = 3600.00
    expect(solo({ 出勤天数: "21", 旷工天数: "1" }, { policy: p })).toEqual([
      "3000.00",
      "300.00",
      "0.00",
      "500.00",
      "100.00",
      "0.00",
      "0.00",
      "100.00",
      "3600.00",
    ]);
  });
});

describe("February 2026 (28 days)", () => {
  const feb = { period: "2026-02" };
  it.each<Case>([
    // whole month: 3000 (not 28/30 of it) + 300 + 200 + 500 = 4000.00
    [
      "full month",
      { 出勤天数: "15" },
      ["3000.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4000.00"],
    ],
    // 离职 02-28 is the last day → whole month → 4000.00
    [
      "离职 02-28",
      { 离职日期: "2026-02-28", 出勤天数: "15" },
      ["3000.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4000.00"],
    ],
    // 离职 02-27 → 未足月: 3000 × 14 ÷ 30 = 1400; 伙食 140; 1400 + 140 + 500 = 2040.00
    [
      "离职 02-27",
      { 离职日期: "2026-02-27", 出勤天数: "14" },
      ["1400.00", "140.00", "0.00", "500.00", "0.00", "0.00", "0.00", "0.00", "2040.00"],
    ],
    // 旷工 1 in February: still ÷ 30: 扣 100; 伙食 290; 罚 100; 3000 + 290 + 500 − 200 = 3590.00
    [
      "旷工 1 天",
      { 出勤天数: "14", 旷工天数: "1" },
      ["3000.00", "290.00", "0.00", "500.00", "100.00", "0.00", "0.00", "100.00", "3590.00"],
    ],
  ])("%s", (_name, values, expected) => {
    expect(solo(values, feb)).toEqual(expected);
  });

  it("calendar reading: 入职 02-02 → 02-02 … 02-28 = 27 days", () => {
    const p = withParam("未足月按在职日历天数", "false", "true");
    // 3000 × 27 ÷ 30 = 2700; 伙食 270; 2700 + 270 + 500 = 3470.00
    expect(solo({ 入职日期: "2026-02-02", 出勤天数: "14" }, { ...feb, policy: p })).toEqual([
      "2700.00",
      "270.00",
      "0.00",
      "500.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "3470.00",
    ]);
  });
});

describe("bad input is reported per employee", () => {
  it.each([
    ["出勤天数", ""],
    ["出勤天数", "32"],
    ["迟到5分钟内次数", "-1"],
    ["迟到5至60分钟次数", "1.5"],
    ["绩效系数", "250%"],
  ])("%s = %j is that employee's error; the next employee still computes", (column, value) => {
    const r = run([emp({ [column]: value }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe(column);
    expect(slipOf(r, 1)[8]).toBe("4000.00");
  });
});

describe("explanations", () => {
  it("every pay line has a description, and 旷工扣薪 names the days used", () => {
    const r = run([emp({ 出勤天数: "21", 旷工天数: "1" })]);
    const ex = explainPayslip(r, 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    const absence = ex.lines.find((l) => l.name === "旷工扣薪");
    expect(absence?.sentence).toContain("旷工不计薪天数");
    expect(absence?.sentence).toContain("100.00");
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
  const r = run(employees);
  const at = (id: string) => employees.findIndex((e) => e.values.工号 === id);

  it("has the built-in fields and every input as headers", () => {
    for (const f of ["工号", "姓名", "入职日期", "离职日期"]) expect(header).toContain(f);
    for (const f of Object.keys(POLICY.doc.inputs)) expect(header).toContain(f);
  });

  it.each([
    // T001 全勤, 月基本 3500: 3500 + 300 + 200 + 500 = 4500.00 (12 h overtime unpaid)
    ["T001", ["3500.00", "300.00", "200.00", "500.00", "0.00", "0.00", "0.00", "0.00", "4500.00"]],
    // T002 入职 10-12, 出勤 15, 绩效 80%: 1500 + 150 + 400 = 2050.00
    ["T002", ["1500.00", "150.00", "0.00", "400.00", "0.00", "0.00", "0.00", "0.00", "2050.00"]],
    // T003 离职 10-20, 出勤 13, 4000: 1733.33 + 130 + 500 − 20 = 2343.33
    ["T003", ["1733.33", "130.00", "0.00", "500.00", "0.00", "0.00", "20.00", "0.00", "2343.33"]],
    // T004 迟到 2 × 20 + 1 × 50 + 早退 1 × 20 = 110: 3800 − 110 = 3690.00
    ["T004", ["3000.00", "300.00", "0.00", "500.00", "0.00", "0.00", "110.00", "0.00", "3690.00"]],
    // T005 旷工 1 + 迟到超 1 小时 1 = 2 days: 3000 + 280 + 500 − 200 − 200 = 3380.00
    ["T005", ["3000.00", "280.00", "0.00", "500.00", "200.00", "0.00", "0.00", "200.00", "3380.00"]],
    // T006 代打卡 (代打的人): 3000 + 290 − 100 − 100 = 3090.00
    ["T006", ["3000.00", "290.00", "0.00", "0.00", "100.00", "0.00", "0.00", "100.00", "3090.00"]],
    // T007 代打卡 (被代打的人), 3200: 3200 + 290 − 106.67 − 100 = 3283.33
    ["T007", ["3200.00", "290.00", "0.00", "0.00", "106.67", "0.00", "0.00", "100.00", "3283.33"]],
    // T008 事假 2 + 病假 1, 绩效 90%: 3000 + 270 + 450 − 300 = 3420.00
    ["T008", ["3000.00", "270.00", "0.00", "450.00", "0.00", "300.00", "0.00", "0.00", "3420.00"]],
  ])("%s", (id, expected) => {
    expect(slipOf(r, at(id))).toEqual(expected);
  });

  it("register totals", () => {
    // 实发 4500 + 2050 + 2343.33 + 3690 + 3380 + 3090 + 3283.33 + 3420 = 25756.66
    const net = employees.reduce(
      (s, _e, i) => s + Math.round(Number(getPayslip(r, i).net.toFixed(2)) * 100),
      0,
    );
    expect(net).toBe(2575666);
  });
});

describe("batch and row-by-row evaluators agree", () => {
  it("on the sample and the edge rows above, in October and February", () => {
    expect(POLICY.batch).not.toBeNull();
    const edge: Row[] = [
      {},
      { 出勤天数: "0", 旷工天数: "31", 绩效系数: "0" },
      { 出勤天数: "0", 旷工天数: "28", 事假天数: "5" },
      { 代打卡次数: "2", 迟到超1小时次数: "1", 早退5至60分钟次数: "3" },
      { 入职日期: "2026-10-12", 出勤天数: "14", 旷工天数: "1", 事假天数: "0.5" },
      { 入职日期: "2026-02-02", 离职日期: "2026-10-20", 出勤天数: "13", 月基本工资: "4000" },
      { 入职日期: "2026-10-02", 出勤天数: "30", 事假天数: "1" },
      { 出勤天数: "" },
    ];
    const [header, ...rows] = SAMPLE_TEXT.trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const employees: EmployeeInput[] = [
      ...rows.map((cells) => ({ values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])) })),
      ...edge.map((v) => emp(v)),
    ];
    for (const period of ["2026-10", "2026-02"]) {
      for (const policy of [POLICY, withParam("未足月按在职日历天数", "false", "true")]) {
        const fp = (mode: "batch" | "scalar") => {
          const r = runPayroll(policy, { period, employees, mode });
          if (!r.ok) throw new Error(r.problem.zh);
          return r.run.employees.map((_e, i) => {
            const p = getPayslip(r.run, i);
            return [p.lines.map((l) => `${l.name}=${l.value.toString()}`), formatEmployeeError(r.run, i)];
          });
        };
        expect(fp("batch")).toEqual(fp("scalar"));
      }
    }
  });
});
