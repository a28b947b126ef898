import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkPolicyText,
  explainPayslip,
  formatProblem,
  getPayslip,
  runPayroll,
} from "../../packages/core/src/index.js";

const text = readFileSync(new URL("./policy.yaml", import.meta.url), "utf8");
const checked = checkPolicyText(text, "templates/grade-tier-structure/policy.yaml");
const compiled = checked.compiled!;

function pay(values: Record<string, string>, period = "2026-10") {
  const r = runPayroll(compiled, {
    period,
    employees: [{ values: { 工号: "T1", 姓名: "测试", ...values } }],
    // An empty 2026 tax ledger: without one, any month after January is refused.
    prior: { employees: { T1: { 个税年度: "2026" } } },
  });
  if (!r.ok) throw new Error(r.problem.zh);
  return { run: r.run, slip: getPayslip(r.run, 0) };
}

const line = (slip: ReturnType<typeof getPayslip>, name: string) =>
  slip.lines.find((l) => l.name === name)!.value.toFixed(2);

describe("grade-tier-structure: the seed's six worked examples (公司员工薪资结构)", () => {
  it("compiles without errors; warns that 800 + 300 is below Shanghai's minimum and that 4阶 has no 绩效", () => {
    expect(checked.errors).toBe(0);
    expect(checked.problems.map((p) => `${p.code} ${p.at?.line}`)).toEqual(["LABOR 26", "LABOR 80"]);
    expect(formatProblem(checked.problems[0]!)).toContain("低于上海 2026-01-01 适用的月最低工资 2740.00 元");
    expect(formatProblem(checked.problems[1]!)).toContain("《劳动合同法》第二十条");
  });

  // 应发工资 = 800 + 300 + 级别工资 × 阶系数 + 绩效 + [50 + (m−1)×20] + 目标任务 + 话费补助 + 全勤
  it.each([
    ["出纳 E3 m=0", { 岗位级别: "E", 阶: "3", 工龄: "0" }, "600.00", "300.00", "30.00", "2030.00"], // 800×75%; 50−20
    [
      "库管 E2 m=1 目标100 话费50",
      { 岗位级别: "E", 阶: "2", 工龄: "1", 目标任务: "100", 话费补助: "50" },
      "680.00",
      "300.00",
      "50.00",
      "2280.00",
    ],
    [
      "商务 E1 m=2 目标100",
      { 岗位级别: "E", 阶: "1", 工龄: "2", 目标任务: "100" },
      "800.00",
      "300.00",
      "70.00",
      "2370.00",
    ],
    [
      "会计 D4 m=1 (试用期无绩效)",
      { 岗位级别: "D", 阶: "4", 工龄: "1" },
      "495.00",
      "0.00",
      "50.00",
      "1645.00",
    ], // 900×55%
    ["人事 D3 m=0", { 岗位级别: "D", 阶: "3", 工龄: "0" }, "675.00", "300.00", "30.00", "2105.00"], // 900×75%
    ["财务主管 C2 m=1", { 岗位级别: "C", 阶: "2", 工龄: "1" }, "935.00", "300.00", "50.00", "2385.00"], // 1100×85%
  ])("%s", (_name, values, post, perf, seniority, gross) => {
    const { slip } = pay(values);
    expect([
      line(slip, "岗位工资"),
      line(slip, "绩效工资"),
      line(slip, "工龄工资"),
      slip.gross.toFixed(2),
    ]).toEqual([post, perf, seniority, gross]);
  });
});

describe("grade-tier-structure: other rules", () => {
  it.each([
    // A and B: fixed 2000, not scaled by 阶
    [{ 岗位级别: "A", 阶: "4", 工龄: "5" }, "2000.00", "0.00", "130.00", "3230.00"], // 800+300+2000+0+(50+4×20)
    [{ 岗位级别: "B", 阶: "1", 工龄: "1" }, "2000.00", "300.00", "50.00", "3450.00"],
    // H and I: 级别工资 0
    [{ 岗位级别: "H", 阶: "1", 工龄: "1" }, "0.00", "300.00", "50.00", "1450.00"],
    // 绩效比例 80% → 240
    [{ 岗位级别: "F", 阶: "3", 工龄: "1", 绩效比例: "80%" }, "525.00", "240.00", "50.00", "1915.00"], // 700×75%
    // 绩效比例 as 0.9 → 270; 全勤奖 100
    [
      { 岗位级别: "G", 阶: "2", 工龄: "3", 绩效比例: "0.9", 全勤奖: "100" },
      "425.00",
      "270.00",
      "90.00",
      "1985.00",
    ], // 500×85%; 50+2×20
  ])("%j", (values, post, perf, seniority, gross) => {
    const { slip } = pay(values);
    expect([
      line(slip, "岗位工资"),
      line(slip, "绩效工资"),
      line(slip, "工龄工资"),
      slip.gross.toFixed(2),
    ]).toEqual([post, perf, seniority, gross]);
  });

  it.each([
    // period end 2026-10-31: hired 2026-09-15 → 1 whole month → 4阶, m 0
    ["2026-09-15", "4", "0"],
    // 2026-08-31 → 2 months → 3阶 (转正)
    ["2026-08-31", "3", "0"],
    // 2025-10-31 → 12 months → 2阶, m 1
    ["2025-10-31", "2", "1"],
    // 2025-11-01 → 11 months → 3阶, m 0
    ["2025-11-01", "3", "0"],
    // 2024-10-31 → 24 months → 1阶, m 2
    ["2024-10-31", "1", "2"],
  ])("derives 阶 and 工龄 from 入职日期 %s", (hired, tier, years) => {
    const { run } = pay({ 岗位级别: "E", 入职日期: hired });
    const ex = explainPayslip(run, 0);
    const detail = (n: string) => ex.details.find((d) => d.name === n)?.value;
    expect([detail("阶"), detail("工龄")]).toEqual([tier, years]);
  });

  it("社保、公积金 on the Shanghai floor and 其他扣款 reduce 实发工资; a missing 岗位级别 is an error", () => {
    // 缴费基数 blank → 应发工资 2030 → 社保 floor 7546: 603.68 + 150.92 + 37.73 = 792.33; 公积金 floor 2740
    // × 7% = 191.80 → 192; 个税 0; 792.33 + 192 + 230.50 = 1214.83; 2030 − 1214.83 = 815.17
    const { slip } = pay({ 岗位级别: "E", 阶: "3", 工龄: "0", 其他扣款: "230.50" });
    expect([slip.gross.toFixed(2), slip.deductions.toFixed(2), slip.net.toFixed(2)]).toEqual([
      "2030.00",
      "1214.83",
      "815.17",
    ]);
    // 缴费基数 10000: 800 + 200 + 50 + 700 = 1750
    const paid = pay({ 岗位级别: "E", 阶: "3", 工龄: "0", 缴费基数: "10000" }).slip;
    expect(paid.deductions.toFixed(2)).toBe("1750.00");
    const bad = pay({ 阶: "3", 工龄: "0" });
    expect(bad.slip.error?.zh).toBe("“岗位级别”列缺少必填值");
  });
});
