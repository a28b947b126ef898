/**
 * Golden tests for the 兼职客服薪酬制度 template. Every expected value is worked out by hand in the comment next to
 * it. Unless a case says otherwise: period 2026-10 (not a quarter end), 日薪 = 日薪标准 120, 业绩目标 = 20000,
 * 每日工时 4, nobody has reached the target before (首次达标期间 blank), an empty 2026 tax ledger.
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

/** The policy text with each `from` replaced; every `from` must occur exactly once. */
const variantText = (...edits: [string, string][]): string => editPolicy(POLICY_TEXT, ...edits);

const variant = (...edits: [string, string][]) => compile(variantText(...edits));

/** A boolean param written as `  名称:\n    value: x`. */
const flag = (name: string, to: "true" | "false") =>
  variant([`  ${name}:\n    value: ${to === "true" ? "false" : "true"}\n`, `  ${name}:\n    value: ${to}\n`]);

type Row = Record<string, string>;
let seq = 0;

/** A 非全日制 part-timer with 20 days worked and no results; alone in a team of their own. */
function emp(values: Row = {}): EmployeeInput {
  seq++;
  return {
    values: {
      工号: `E${seq}`,
      姓名: `兼职${seq}`,
      团队: `独立${seq}`,
      用工类型: "非全日制",
      实际工作天数: "20",
      ...values,
    },
  };
}

function run(
  employees: EmployeeInput[],
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy } = {},
): PayrollRun {
  // Everyone has an empty 2026 tax ledger unless the test gives one (no ledger is an error after January).
  const ledgers = Object.fromEntries(employees.map((e) => [e.values.工号 ?? "", { 个税年度: "2026" }]));
  const given = opts.prior?.employees ?? {};
  const merged = Object.fromEntries(Object.entries(ledgers).map(([id, l]) => [id, { ...l, ...given[id] }]));
  const prior: PriorState = { ...opts.prior, employees: { ...given, ...merged } };
  const r = runPayroll(opts.policy ?? POLICY, { period: opts.period ?? "2026-10", employees, prior });
  if (!r.ok) throw new Error(r.problem.zh);
  return r.run;
}

function solo(
  values: Row,
  name: string,
  opts: { period?: string; prior?: PriorState; policy?: CompiledPolicy } = {},
) {
  return line(run([emp(values)], opts), 0, name);
}

const firstMonth = (r: PayrollRun, id: string) => r.nextState.employees?.[id]?.首次达标期间;
const checksOf = (r: PayrollRun, i: number) => listWarnings(r, { index: i }).map((w) => w.check);

describe("part-time policy", () => {
  it("compiles without errors; the only LABOR warning is the monthly pay cycle of non-full-time staff", () => {
    const r = checkPolicyText(POLICY_TEXT, "policy.yaml");
    expect(r.errors).toBe(0);
    // The seed pays 兼职 staff monthly before the 25th (payCycle: 月 at line 7); 劳动合同法 art. 72 requires at
    // most 15 days. No other rule applies: pay is per day (no monthly base to compare with the monthly minimum, no
    // ÷30 proration, no fines), the tax is 累计预扣 (wages), not 劳务报酬, and the hourly minimum is checked per
    // employee at run time (the checker only reads hourly rates from params named 时薪 etc.).
    expect(r.problems.map((p) => `${p.code} ${p.at?.line}:${p.at?.column}`)).toEqual(["LABOR 7:11"]);
    expect(lintPolicyDetailed(loadPolicyText(POLICY_TEXT, "policy.yaml").policy!).map((f) => f.rule)).toEqual(
      ["non-full-time"],
    );
    expect(r.problems[0]!.zh).toContain("15 日");
    expect(r.problems[0]!.ref?.zh).toBe("《劳动合同法》第七十二条");
    expect(r.compiled?.doc.id).toBe("part-time");
    expect(r.compiled?.doc.seedSection).toBe("兼职客服薪酬制度模板");
    expect(r.compiled?.doc.payDay).toBe(25);
    expect(r.compiled?.doc.payCycle).toBe("月");
  });

  it("the lawful alternative payCycle 半月 clears the warning", () => {
    const text = variantText(["\npayCycle: 月\n", "\npayCycle: 半月\n"]);
    const r = checkPolicyText(text, "policy.yaml");
    expect(r.errors).toBe(0);
    expect(r.problems).toEqual([]);
    expect(lintPolicyDetailed(loadPolicyText(text, "policy.yaml").policy!)).toEqual([]);
  });

  it("taxing them as 劳务报酬 would be wrong: they have a (part-time) labour contract", () => {
    // A second non-full-time warning at statutory.tax: their pay is wages (工资薪金).
    const text = variantText(["  tax: 累计预扣", "  tax: 劳务报酬"]);
    const rules = lintPolicyDetailed(loadPolicyText(text, "policy.yaml").policy!);
    expect(rules.map((f) => f.rule)).toEqual(["non-full-time", "non-full-time"]);
    expect(rules[1]!.problem.ref?.zh).toBe("《劳动合同法》第六十八条；《个人所得税法实施条例》第六条");
  });

  it("marks the amounts the seed leaves blank as examples, and not the ones it gives", () => {
    const params = POLICY.doc.params as Record<string, { example?: boolean }>;
    for (const p of [
      "日薪标准",
      "每日工时",
      "业绩目标标准",
      "首次达标奖金额",
      "超额每档奖金",
      "季度排名名额",
      "季度排名奖金额",
      "年度优秀奖金额",
      "每人推荐奖金",
    ])
      expect(params[p]?.example, p).toBe(true);
    for (const p of ["超额档距", "非全日制日均工时上限", "达标奖每月发放", "请假另行扣款"])
      expect(params[p]?.example, p).toBeUndefined();
  });

  it("says in the description how the staff are classified and which rules are legally risky", () => {
    const d = POLICY.doc.description;
    for (const s of [
      "非全日制",
      "累计预扣",
      "劳务报酬",
      "15 日",
      "payCycle 改为 半月",
      "小时最低工资",
      "示例值",
    ])
      expect(d, s).toContain(s);
  });

  it("adds no social-insurance lines, only the income tax", () => {
    const names = POLICY.items.map((i) => i.name);
    expect(names).toContain("个人所得税");
    for (const n of ["个人养老保险", "个人医疗保险", "个人失业保险", "个人住房公积金"])
      expect(names).not.toContain(n);
  });
});

describe("基本工资 and 节假日工资 (日薪 × days)", () => {
  it.each([
    // [inputs, 基本工资, 节假日工资, 应发工资]
    [{}, "2400.00", "0.00", "2400.00"], // 120 × 20 = 2400
    [{ 实际工作天数: "0" }, "0.00", "0.00", "0.00"], // 120 × 0
    [{ 实际工作天数: "12.5" }, "1500.00", "0.00", "1500.00"], // half days: 120 × 12.5 = 1500
    [{ 日薪: "150", 实际工作天数: "18" }, "2700.00", "0.00", "2700.00"], // own 日薪: 150 × 18
    [{ 日薪: "133.33", 实际工作天数: "3" }, "399.99", "0.00", "399.99"], // 133.33 × 3 = 399.99
    // statutory holidays on scheduled days are paid: 120 × 17 = 2040; 120 × 3 = 360; 2400
    [{ 实际工作天数: "17", 带薪节假日天数: "3" }, "2040.00", "360.00", "2400.00"],
    // mid-month hire: only the days worked, no other proration: 120 × 10 = 1200
    [{ 入职日期: "2026-10-12", 实际工作天数: "10" }, "1200.00", "0.00", "1200.00"],
  ] as [Row, string, string, string][])("%j → %s + %s", (values, base, holiday, gross) => {
    const r = run([emp(values)]);
    expect([line(r, 0, "基本工资"), line(r, 0, "节假日工资"), getPayslip(r, 0).gross.toFixed(2)]).toEqual([
      base,
      holiday,
      gross,
    ]);
  });
});

describe("leave (请假)", () => {
  it("by default leave is not deducted again: the days are not in 实际工作天数", () => {
    // 120 × 18 = 2160; 请假 2 shown only
    const r = run([emp({ 实际工作天数: "18", 请假天数: "2" })]);
    expect(line(r, 0, "基本工资")).toBe("2160.00");
    expect(line(r, 0, "请假扣款")).toBe("0.00");
    expect(line(r, 0, "本月请假天数")).toBe("2.00");
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("2160.00");
  });

  it("param 请假另行扣款 = true: 实际工作天数 is the scheduled days, leave is deducted by 日薪", () => {
    const p = flag("请假另行扣款", "true");
    // 120 × 20 = 2400 − 120 × 2 = 240 → net 2160.00
    const r = run([emp({ 请假天数: "2" })], { policy: p });
    expect(line(r, 0, "请假扣款")).toBe("240.00");
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("2160.00");
    // capped at 基本工资: 120 × 3 = 360 − MIN(360, 120 × 5 = 600) = 360 → net 0.00
    const capped = run([emp({ 实际工作天数: "3", 请假天数: "5" })], { policy: p });
    expect(line(capped, 0, "请假扣款")).toBe("360.00");
    expect(getPayslip(capped, 0).net.toFixed(2)).toBe("0.00");
    // the deduction lowers taxable income: 本月计税收入 = 2400 − 240 = 2160
    const ex = explainPayslip(r, 0);
    expect(ex.details.find((d) => d.name === "本月计税收入")?.value).toBe("2160.00");
  });
});

describe("首次达标奖 (first month on target, remembered in state 首次达标期间)", () => {
  it.each([
    // [本月业绩, 业绩目标, 首次达标奖, next 首次达标期间]
    ["20000", "", "200.00", "2026-10"], // 20000 ≥ 20000 → on target, first time → 200
    ["19999.99", "", "0.00", ""], // below → nothing, still never on target
    ["0", "", "0.00", ""],
    ["15000", "15000", "200.00", "2026-10"], // own target 15000 reached
    ["14999", "15000", "0.00", ""],
    ["100", "0", "0.00", ""], // target 0 → no target, never 达标
  ])("业绩 %s 目标 %s → %s, next %j", (perf, target, bonus, next) => {
    const e = emp({ 本月业绩: perf, 业绩目标: target });
    const r = run([e]);
    expect(line(r, 0, "首次达标奖")).toBe(bonus);
    expect(firstMonth(r, e.values.工号!)).toBe(next);
  });

  it("not again once paid: prior 首次达标期间 2026-08 → 0, and the state keeps 2026-08", () => {
    const e = emp({ 本月业绩: "20000" });
    const r = run([e], { prior: { employees: { [e.values.工号!]: { 首次达标期间: "2026-08" } } } });
    expect(line(r, 0, "首次达标奖")).toBe("0.00");
    expect(firstMonth(r, e.values.工号!)).toBe("2026-08");
  });

  it("chains over months: Oct below target, Nov first on target (200), Dec on target again (0)", () => {
    const month = (perf: string) => [emp({ 工号: "C1", 本月业绩: perf })];
    const oct = run(month("10000"));
    expect(line(oct, 0, "首次达标奖")).toBe("0.00");
    expect(firstMonth(oct, "C1")).toBe("");
    const nov = run(month("20000"), { period: "2026-11", prior: oct.nextState });
    expect(line(nov, 0, "首次达标奖")).toBe("200.00");
    expect(firstMonth(nov, "C1")).toBe("2026-11");
    const dec = run(month("30000"), { period: "2026-12", prior: nov.nextState });
    expect(line(dec, 0, "首次达标奖")).toBe("0.00");
    expect(firstMonth(dec, "C1")).toBe("2026-11");
  });

  it("param 达标奖每月发放 = true: paid every month on target, even after the first", () => {
    const p = flag("达标奖每月发放", "true");
    const e = emp({ 本月业绩: "20000" });
    const r = run([e], {
      policy: p,
      prior: { employees: { [e.values.工号!]: { 首次达标期间: "2026-08" } } },
    });
    expect(line(r, 0, "首次达标奖")).toBe("200.00");
    expect(solo({ 本月业绩: "19999.99" }, "首次达标奖", { policy: p })).toBe("0.00");
  });
});

describe("超额奖: each full 10% over the target → 100 more", () => {
  it.each([
    // [本月业绩, 业绩目标, 档数, 超额奖]
    ["20000", "", "0", "0.00"], // exactly on target: 0 / 2000 = 0
    ["21999.99", "", "0", "0.00"], // 1999.99 / 2000 = 0.99… → 0
    ["22000", "", "1", "100.00"], // 2000 / 2000 = 1 → 100
    ["23999.99", "", "1", "100.00"], // 3999.99 / 2000 = 1.99… → 1
    ["24000", "", "2", "200.00"], // 4000 / 2000 = 2
    ["25000", "", "2", "200.00"], // 125%: 5000 / 2000 = 2.5 → 2
    ["33000", "", "6", "600.00"], // 13000 / 2000 = 6.5 → 6
    ["60000", "", "20", "2000.00"], // 300%: 40000 / 2000 = 20 → no cap
    ["16500", "15000", "1", "100.00"], // own target: 1500 / 1500 = 1
    ["7.7", "7", "1", "100.00"], // exact decimals: 0.7 / 0.7 = 1 (no 0.999… from a ratio)
    ["19999.99", "", "0", "0.00"], // below target → no steps
  ])("业绩 %s 目标 %s → %s 档 %s", (perf, target, steps, bonus) => {
    const r = run([emp({ 本月业绩: perf, 业绩目标: target })]);
    expect(line(r, 0, "本月超额档数")).toBe(`${steps}.00`);
    expect(line(r, 0, "超额奖")).toBe(bonus);
  });

  it("is paid every month over target, also after the first-month reward", () => {
    const e = emp({ 本月业绩: "25000" });
    const r = run([e], { prior: { employees: { [e.values.工号!]: { 首次达标期间: "2026-08" } } } });
    expect(line(r, 0, "首次达标奖")).toBe("0.00");
    expect(line(r, 0, "超额奖")).toBe("200.00"); // 2 steps × 100
  });

  it("param 超额奖需同月发达标奖 = true: only in the month the first-month reward is paid", () => {
    const p = flag("超额奖需同月发达标奖", "true");
    const paidBefore = emp({ 本月业绩: "25000" });
    const r = run([paidBefore, emp({ 本月业绩: "25000" })], {
      policy: p,
      prior: { employees: { [paidBefore.values.工号!]: { 首次达标期间: "2026-08" } } },
    });
    expect(line(r, 0, "超额奖")).toBe("0.00"); // reward paid in August → no 超额奖
    expect(line(r, 1, "首次达标奖")).toBe("200.00");
    expect(line(r, 1, "超额奖")).toBe("200.00"); // first time this month → 200 + 2 × 100
  });
});

describe("季度排名奖 (quarter-end months; top 3 by 季度业绩, ties share a rank)", () => {
  const quarter = (values: string[], extra: Row = {}) => values.map((q) => emp({ 季度业绩: q, ...extra }));
  const awards = (r: PayrollRun) => r.employees.map((_e, i) => line(r, i, "季度排名奖"));
  const ranks = (r: PayrollRun) => r.employees.map((_e, i) => line(r, i, "季度名次"));

  it("2026-12: 9000, 8000, 8000, 7000, 6000 → ranks 1, 2, 2, 4, 5 → the first three get 500", () => {
    const r = run(quarter(["9000", "8000", "8000", "7000", "6000"]), { period: "2026-12" });
    expect(ranks(r)).toEqual(["1.00", "2.00", "2.00", "4.00", "5.00"]);
    expect(awards(r)).toEqual(["500.00", "500.00", "500.00", "0.00", "0.00"]);
  });

  it("a tie at 3rd place: 9000, 8000, 7000, 7000 → ranks 1, 2, 3, 3 → four people get it", () => {
    const r = run(quarter(["9000", "8000", "7000", "7000"]), { period: "2026-09" });
    expect(awards(r)).toEqual(["500.00", "500.00", "500.00", "500.00"]);
  });

  it("季度业绩 0 never wins, even when fewer than three people have results", () => {
    // ranks 1, 2, 2 but the two zeros are excluded
    const r = run(quarter(["5000", "0", "0"]), { period: "2026-03" });
    expect(awards(r)).toEqual(["500.00", "0.00", "0.00"]);
  });

  it("not a quarter end (2026-10, 2026-11): nothing, and 季度名次 shows 0", () => {
    for (const period of ["2026-10", "2026-11"]) {
      const r = run(quarter(["9000", "8000"]), { period });
      expect(awards(r)).toEqual(["0.00", "0.00"]);
      expect(ranks(r)).toEqual(["0.00", "0.00"]);
    }
  });

  it("ranks the whole company by default, each team with param 季度排名按团队 = true", () => {
    const staff = () => [
      ...quarter(["9000", "8000", "7000"], { 团队: "一组" }),
      ...quarter(["6000", "5000"], { 团队: "二组" }),
    ];
    // company: 1, 2, 3, 4, 5 → only 一组 wins
    expect(awards(run(staff(), { period: "2026-12" }))).toEqual([
      "500.00",
      "500.00",
      "500.00",
      "0.00",
      "0.00",
    ]);
    // per team: 一组 1, 2, 3; 二组 1, 2 → everyone wins
    const p = flag("季度排名按团队", "true");
    expect(awards(run(staff(), { period: "2026-12", policy: p }))).toEqual([
      "500.00",
      "500.00",
      "500.00",
      "500.00",
      "500.00",
    ]);
  });

  it("winners are flagged as promotion candidates with their rank", () => {
    const r = run(quarter(["9000", "8000", "7000", "6000"]), { period: "2026-12" });
    expect(checksOf(r, 0)).toEqual(["晋升候选"]);
    expect(listWarnings(r, { index: 1 })[0]?.zh).toContain(
      "季度业绩排名第 2 名：表现优秀的兼职客服有机会晋升为客服组长",
    );
    expect(checksOf(r, 3)).toEqual([]);
  });

  it("a bad 季度业绩 at a quarter end blocks the company ranking (nothing silent)", () => {
    const r = run([emp({ 季度业绩: "abc" }), emp({ 季度业绩: "9000" })], { period: "2026-12" });
    expect(getPayslip(r, 0).error?.item).toBe("季度业绩");
    expect(getPayslip(r, 1).error?.code).toBe("GROUP");
  });
});

describe("年度优秀奖 and 推荐奖金", () => {
  it.each([
    [{ 年度优秀: "是" }, "年度优秀奖", "1000.00"], // example 1000
    [{ 年度优秀: "否" }, "年度优秀奖", "0.00"],
    [{}, "年度优秀奖", "0.00"], // default false
    [{ 推荐录用人数: "1" }, "推荐奖金", "300.00"], // 1 × 300
    [{ 推荐录用人数: "2" }, "推荐奖金", "600.00"], // 2 × 300
    [{}, "推荐奖金", "0.00"],
  ] as [Row, string, string][])("%j → %s %s", (values, item, expected) => {
    expect(solo(values, item)).toBe(expected);
  });

  it("年度优秀 is taxed with the month's wages and flagged as a promotion candidate", () => {
    // 2400 + 1000 = 3400 of taxable income this month (no separate 全年一次性奖金 line)
    const r = run([emp({ 年度优秀: "是" })]);
    expect(explainPayslip(r, 0).details.find((d) => d.name === "本月计税收入")?.value).toBe("3400.00");
    expect(getPayslip(r, 0).lines.some((l) => l.name === "年终奖个税")).toBe(false);
    expect(listWarnings(r, { index: 0 }).map((w) => w.zh)).toEqual([
      "年度业绩优秀：表现优秀的兼职客服有机会晋升为客服组长（种子第四节），请主管评估；本提示不改变工资",
    ]);
  });

  it("quarter winner and 年度优秀 in the same month name both reasons", () => {
    const r = run([emp({ 季度业绩: "9000", 年度优秀: "是" })], { period: "2026-12" });
    expect(listWarnings(r, { index: 0 })[0]?.zh).toContain("季度业绩排名第 1 名且年度业绩优秀");
  });
});

describe("hourly minimum and non-full-time hours (per-employee warnings, Shanghai 25 元/小时)", () => {
  it.each([
    // [inputs, 小时工资折算, warnings]
    [{}, "30.00", []], // 120 × 20 ÷ (20 × 4 = 80) = 30
    [{ 日薪: "100" }, "25.00", []], // 100 ÷ 4 = 25.00, not below 25
    [{ 日薪: "99.99" }, "25.00", ["低于小时最低工资"]], // 99.99 × 20 ÷ 80 = 24.9975 < 25 (shown rounded 25.00)
    [{ 日薪: "90" }, "22.50", ["低于小时最低工资"]], // 90 × 20 ÷ 80 = 22.50
    [{ 日薪: "120", 实际工作小时: "96" }, "25.00", ["超过非全日制工时"]], // 2400 ÷ 96 = 25; 96 ÷ 20 = 4.8 h > 4
    [{ 实际工作小时: "80" }, "30.00", []], // 4 h a day exactly → within the limit
    [{ 实际工作小时: "80.5" }, "29.81", ["超过非全日制工时"]], // 4.025 h > 4; 2400 ÷ 80.5 = 29.81…
    [{ 日薪: "150", 实际工作小时: "120" }, "25.00", ["超过非全日制工时"]], // 3000 ÷ 120 = 25; 6 h a day
    [{ 日薪: "130", 实际工作小时: "120" }, "21.67", ["低于小时最低工资", "超过非全日制工时"]], // 2600 ÷ 120 = 21.67
    [{ 实际工作天数: "0" }, "0.00", []], // no hours → nothing to check
  ] as [Row, string, string[]][])("%j → %s %j", (values, hourly, warnings) => {
    const r = run([emp(values)]);
    expect(line(r, 0, "小时工资折算")).toBe(hourly);
    expect(checksOf(r, 0)).toEqual(warnings);
  });

  it("the hourly warning names the amounts and the city's minimum", () => {
    const r = run([emp({ 日薪: "90" })]);
    expect(listWarnings(r, { index: 0 })[0]).toMatchObject({
      zh: "按日薪 90.00 × 20 天 ÷ 80 小时折算的小时工资 22.50，低于上海非全日制小时最低工资 25.00；请提高日薪或核对工时",
      ref: "《劳动合同法》第七十二条",
    });
  });

  it("uses the employee's 参保城市: Beijing's hourly minimum is 27.7", () => {
    // 110 × 20 ÷ 80 = 27.50 < 27.7 in Beijing, ≥ 25 in Shanghai
    const r = run([emp({ 日薪: "110", 参保城市: "北京" }), emp({ 日薪: "110" })]);
    expect(checksOf(r, 0)).toEqual(["低于小时最低工资"]);
    expect(checksOf(r, 1)).toEqual([]);
  });
});

describe("individual income tax (工资薪金, cumulative withholding)", () => {
  it("no tax while the year's income is under 5000 a month employed", () => {
    const r = run([emp({ 日薪: "240", 实际工作天数: "20" })]); // 4800; 10 months × 5000 = 50000 deduction
    expect(line(r, 0, "个人所得税")).toBe("0.00");
  });

  it("withholds on the cumulative excess", () => {
    // ledger through September: income 48000, withheld 90 (48000 − 9 × 5000 = 3000 × 3%). October: 260 × 21 = 5460;
    // cumulative 48000 + 5460 = 53460 − 10 × 5000 = 3460 × 3% = 103.80 − 90 = 13.80
    const e = emp({ 日薪: "260", 实际工作天数: "21" });
    const r = run([e], {
      prior: { employees: { [e.values.工号!]: { 个税累计收入: "48000", 个税累计已预扣: "90" } } },
    });
    expect(line(r, 0, "个人所得税")).toBe("13.80");
    expect(getPayslip(r, 0).net.toFixed(2)).toBe("5446.20"); // 5460 − 13.80
  });

  it("asks for the year's ledger for someone employed before the month", () => {
    const r = runPayroll(POLICY, {
      period: "2026-10",
      employees: [emp({ 入职日期: "2026-03-01" }), emp({ 入职日期: "2026-10-08" })],
    });
    if (!r.ok) throw new Error(r.problem.zh);
    expect(formatEmployeeError(r.run, 0)).toContain("缺少本年个税累计台账");
    expect(getPayslip(r.run, 1).error).toBeNull(); // hired this month: no ledger needed
  });
});

describe("bad input is reported per employee", () => {
  it.each([
    ["实际工作天数", ""],
    ["实际工作天数", "32"],
    ["日薪", "-1"],
    ["本月业绩", "abc"],
    ["推荐录用人数", "1.5"],
    ["年度优秀", "也许"],
  ])("%s = %j is that employee's error; the next employee still computes", (column, value) => {
    const r = run([emp({ [column]: value }), emp()]);
    expect(getPayslip(r, 0).error?.item).toBe(column);
    expect(line(r, 1, "基本工资")).toBe("2400.00");
  });
});

describe("explanations", () => {
  it("every pay line has a description; 超额奖 and 基本工资 show their values", () => {
    const r = run([emp({ 本月业绩: "25000" })]);
    const ex = explainPayslip(r, 0);
    for (const l of ex.lines.filter((x) => x.kind !== "total")) expect(l.description, l.name).toBeTruthy();
    expect(ex.lines.find((l) => l.name === "超额奖")?.sentence).toContain("超额档数");
    expect(ex.lines.find((l) => l.name === "基本工资")?.sentence).toContain("2400.00");
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

  it("has the built-in fields and every input as headers", () => {
    for (const f of ["工号", "姓名", "团队", "用工类型", "入职日期", "离职日期"]) expect(header).toContain(f);
    const own = loadPolicyText(POLICY_TEXT, "policy.yaml").policy!.doc.inputs;
    for (const f of [...Object.keys(own), "专项附加扣除"]) expect(header).toContain(f);
    expect(new Set(employees.map((e) => e.values.用工类型))).toEqual(new Set(["非全日制"]));
  });

  it("computes with no errors", () => {
    expect(employees.map((_e, i) => formatEmployeeError(r, i)).filter(Boolean)).toEqual([]);
  });

  it.each([
    // [工号, 基本工资, 节假日工资, 首次达标奖, 超额奖, 推荐奖金, 个人所得税, 实发工资]
    // P01: 120 × 20 = 2400; holidays 120 × 2 = 240; reward paid in 2026-08 → 0; 25000: 5000 ÷ 2000 = 2.5 → 2 × 100
    //   gross 2840; tax: 25000 + 2840 < 50000 → 0
    ["P01", "2400.00", "240.00", "0.00", "200.00", "0.00", "0.00", "2840.00"],
    // P02: 120 × 18 = 2160; 20000 = target, first time → 200; 0 steps; 2360
    ["P02", "2160.00", "0.00", "200.00", "0.00", "0.00", "0.00", "2360.00"],
    // P03: 120 × 16 = 1920; 19999.99 < 20000; referral 1 × 300; 2220 (请假 1 shown only)
    ["P03", "1920.00", "0.00", "0.00", "0.00", "300.00", "0.00", "2220.00"],
    // P04: 150 × 18 = 2700; 150 × 3 = 450; first time 200; 33000: 13000 ÷ 2000 = 6.5 → 600; 3950
    ["P04", "2700.00", "450.00", "200.00", "600.00", "0.00", "0.00", "3950.00"],
    // P05: 90 × 20 = 1800 (hourly 22.50 → warning)
    ["P05", "1800.00", "0.00", "0.00", "0.00", "0.00", "0.00", "1800.00"],
    // P06: 150 × 20 = 3000; 21000 first time → 200; 1000 ÷ 2000 → 0 steps; 3200 (6 h a day → warning)
    ["P06", "3000.00", "0.00", "200.00", "0.00", "0.00", "0.00", "3200.00"],
    // P07: hired 10-12, 120 × 10 = 1200 (no ledger needed)
    ["P07", "1200.00", "0.00", "0.00", "0.00", "0.00", "0.00", "1200.00"],
    // P08: 260 × 21 = 5460; reward paid 2026-03; 30000: 10000 ÷ 2000 = 5 → 500; referral 2 × 300 = 600; gross 6560
    //   tax: 48000 + 6560 = 54560 − 10 × 5000 = 4560 × 3% = 136.80 − 90 = 46.80; net 6513.20
    ["P08", "5460.00", "0.00", "0.00", "500.00", "600.00", "46.80", "6513.20"],
    // P09: left 10-15, 120 × 8 = 960 (请假 2 shown only)
    ["P09", "960.00", "0.00", "0.00", "0.00", "0.00", "0.00", "960.00"],
  ])("%s", (id, base, holiday, first, over, referral, tax, net) => {
    const i = at(id);
    expect(
      ["基本工资", "节假日工资", "首次达标奖", "超额奖", "推荐奖金", "个人所得税"].map((n) => line(r, i, n)),
    ).toEqual([base, holiday, first, over, referral, tax]);
    expect(getPayslip(r, i).net.toFixed(2)).toBe(net);
  });

  it("net total and the warnings", () => {
    // 2840 + 2360 + 2220 + 3950 + 1800 + 3200 + 1200 + 6513.20 + 960 = 25043.20
    const cents = employees.reduce(
      (s, _e, i) => s + Math.round(Number(getPayslip(r, i).net.toFixed(2)) * 100),
      0,
    );
    expect(cents).toBe(2504320);
    expect(listWarnings(r).map((w) => `${w.工号} ${w.check}`)).toEqual([
      "P05 低于小时最低工资",
      "P06 超过非全日制工时",
    ]);
  });

  it("carries 首次达标期间 and the tax ledger into November", () => {
    const next = (id: string) => r.nextState.employees?.[id]?.首次达标期间;
    expect(["P01", "P02", "P03", "P04", "P06", "P08"].map(next)).toEqual([
      "2026-08", // kept
      "2026-10", // first time this month
      "", // never on target
      "2026-10",
      "2026-10",
      "2026-03", // kept
    ]);
    expect(r.nextState.employees?.P08).toMatchObject({ 个税累计收入: "54560", 个税累计已预扣: "136.8" });
  });
});

describe("batch and row-by-row evaluators agree", () => {
  it("on the sample and edge rows, in a normal month and a quarter end, with each reading", () => {
    expect(POLICY.batch).not.toBeNull();
    const [header, ...rows] = SAMPLE_TEXT.trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const edge: Row[] = [
      { 实际工作天数: "0" },
      { 日薪: "99.99", 实际工作小时: "81", 本月业绩: "7.7", 业绩目标: "7" },
      { 本月业绩: "100", 业绩目标: "0", 季度业绩: "8000", 年度优秀: "是" },
      { 本月业绩: "25000", 季度业绩: "8000", 请假天数: "30", 实际工作天数: "1" },
      { 实际工作天数: "" },
    ];
    const employees: EmployeeInput[] = [
      ...rows.map((cells) => ({ values: Object.fromEntries(header!.map((h, k) => [h, cells[k] ?? ""])) })),
      ...edge.map((v) => emp(v)),
    ];
    const prior: PriorState = {
      employees: {
        ...STATE.employees,
        ...Object.fromEntries(
          employees.map((e) => [e.values.工号!, { 个税年度: "2026", ...STATE.employees?.[e.values.工号!] }]),
        ),
      },
    };
    const policies = [
      POLICY,
      flag("达标奖每月发放", "true"),
      flag("请假另行扣款", "true"),
      flag("季度排名按团队", "true"),
    ];
    for (const period of ["2026-10", "2026-12"]) {
      for (const policy of policies) {
        const fp = (mode: "batch" | "scalar") => {
          const res = runPayroll(policy, { period, employees, prior, mode });
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
    }
  });
});
