import { describe, expect, it } from "vitest";
import { evalItems, type MiniPolicy, problemsOf } from "./test-policy.js";
import { countWarnings, listWarnings } from "./warnings.js";

const who = { 工号: "A1", 姓名: "张三", 入职日期: "2020-01-01" };
const ledger = { employees: { A1: { 个税年度: "2026" }, A2: { 个税年度: "2026" } } };
const SH: MiniPolicy = {
  inputs: { 月薪: { type: "money" }, 加班费: { type: "money", default: 0 } },
  statutory: { city: "上海", housingFund: { rate: "7%" } },
  items: { 基本工资: "月薪", 加班工资: "加班费" },
};

describe("run warnings", () => {
  it("warns when pay net of overtime and employee SI/HF is below Shanghai's minimum wage", () => {
    // 2026-10: 3000 + overtime 500 − (7546 floor: 792.33 + 公积金 2740 floor → 3000 × 7% = 210) = 1997.67 < 2740
    const r = evalItems(SH, [{ ...who, 月薪: "3000", 加班费: "500", 缴费基数: "3000" }], {
      period: "2026-10",
      prior: ledger,
    });
    const w = listWarnings(r.run);
    expect(w.map((x) => x.check)).toEqual(["低于最低工资"]);
    expect(w[0]!.zh).toBe(
      "本月工资 1997.67（已扣除加班工资等）低于上海当期最低工资标准 2740.00；如本月有事假、旷工等未提供正常劳动的时间，核对后可忽略",
    );
    expect(w[0]!.ref).toContain("《最低工资规定》第十二条");
  });

  it("does not warn for pay above the minimum, a mid-month hire, or an intern", () => {
    const rows = [
      { ...who, 月薪: "5000", 缴费基数: "5000" }, // 5000 − 1142.33 = 3857.67 ≥ 2740
      { ...who, 工号: "A2", 月薪: "1500", 缴费基数: "7546", 入职日期: "2026-10-15" },
      { ...who, 工号: "A3", 月薪: "1500", 用工类型: "实习", 入职日期: "2026-10-01" },
    ];
    const r = evalItems(SH, rows, { period: "2026-10", prior: ledger });
    expect(r.errors).toEqual([]);
    // A2 nets 1500 − 1320.33 = 179.67: low, but hired on the 15th, so not compared with the monthly minimum.
    expect(listWarnings(r.run)).toEqual([]);
  });

  it("warns on a negative net pay in every policy, and renders a policy's own check", () => {
    const p: MiniPolicy = {
      inputs: { 月薪: { type: "money" }, 扣款额: { type: "money" } },
      items: { 基本工资: "月薪", 扣款: { kind: "deduction", formula: "扣款额" } },
    };
    const r = evalItems(p, [{ ...who, 月薪: "100", 扣款额: "150.5" }]);
    expect(listWarnings(r.run)[0]!.zh).toBe(
      "实发工资 -50.50 为负：扣款合计 150.50 超过应发工资 100.00；请核对扣款，或与员工约定补缴",
    );
    expect(countWarnings(r.run).get("实发工资为负")).toBe(1);
  });

  it("renders a parameter and a calc the condition did not read", () => {
    const p: MiniPolicy = {
      params: { 高薪线: 50000 },
      inputs: { 月薪: { type: "money" } },
      calcs: { 年薪: { formula: "月薪 * 12", display: "money" } },
      items: { 基本工资: "月薪" },
      checks: [{ name: "高薪", when: "月薪 > 高薪线", message: "月薪超过 {高薪线}，年薪 {年薪}" }],
    };
    const r = evalItems(p, [{ ...who, 月薪: "60000" }]);
    expect(listWarnings(r.run)[0]!.zh).toBe("月薪超过 50000，年薪 720000.00");
  });

  it("renders a state name as last month's value", () => {
    const p: MiniPolicy = {
      inputs: { 销量: { type: "integer" } },
      state: { 上月销量: { scope: "员工", initial: 0, next: "销量" } },
      items: { 提成: "销量 * 1" },
      checks: [{ name: "下滑", when: "销量 < 上月销量", message: "本月 {销量}，上月 {上月销量}" }],
    };
    const r = evalItems(p, [{ ...who, 销量: "3" }], { prior: { employees: { A1: { 上月销量: "5" } } } });
    expect(listWarnings(r.run)[0]!.zh).toBe("本月 3，上月 5");
  });

  it("reports a check whose message names an unknown value, or whose condition is not a condition", () => {
    const base: MiniPolicy = { inputs: { 月薪: { type: "money" } }, items: { 基本工资: "月薪" } };
    const doc = (when: string, message: string) => ({ ...base, checks: [{ name: "高薪", when, message }] });
    expect(problemsOf(doc("月薪 > 50000", "月薪 {月薪x} 偏高"))[0]).toMatch(/“\{月薪x\}”不是已定义的名称/);
    expect(problemsOf(doc("月薪", "月薪偏高"))[0]).toMatch(/检查“高薪”的条件应得出是\/否/);
  });
});
