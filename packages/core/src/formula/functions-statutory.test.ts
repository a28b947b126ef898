import { describe, expect, it } from "vitest";
import { evalItems, type MiniPolicy, problemsOf } from "../engine/test-policy.js";

const who = { 工号: "A1", 姓名: "张三" };
const one = (formula: string, row: Record<string, string> = {}) => {
  const r = evalItems({ items: { 结果: { kind: "info", formula, decimals: 2 } } }, [{ ...who, ...row }]);
  return r.errors[0] ?? r.rows[0]!.结果!;
};

describe("statutory functions", () => {
  it.each([
    // Shanghai 2026-07 floor 7546: 7546 × 8 % = 603.68
    ['SOCIALINSURANCE("上海", 期间, 5000, "养老")', "603.68"],
    // 7546 × 2 % = 150.92
    ['SOCIALINSURANCE("上海", 期间, 5000, "医疗")', "150.92"],
    // 7546 × 0.5 % = 37.73
    ['SOCIALINSURANCE("上海", 期间, 5000, "失业")', "37.73"],
    // employer 7546 × 16 % = 1207.36
    ['SOCIALINSURANCE("上海", 期间, 5000, "单位养老")', "1207.36"],
    // Beijing 12000 × 2 % + 3 = 243.00
    ['SOCIALINSURANCE("北京", 期间, 12000, "医疗")', "243.00"],
    // 7777 × 7 % = 544.39 → whole yuan 544
    ['HOUSINGFUND("上海", 期间, 7777, 7%)', "544.00"],
    // 18500 × 3 % = 555; 37000 × 10 % − 2520 = 1180
    ["TAXCUMULATIVE(18500)", "555.00"],
    ["TAXCUMULATIVE(37000)", "1180.00"],
    ["TAXCUMULATIVE(-5)", "0.00"],
    // 36001 × 10 % − 210 = 3390.10
    ["TAXBONUS(36001)", "3390.10"],
    // (3000 − 800) × 20 % = 440
    ["TAXLABOR(3000)", "440.00"],
  ])("%s = %s (2026-10)", (f, want) => {
    expect(one(f)).toBe(want);
  });

  it("reports a city or period without data as that employee's error", () => {
    expect(one('SOCIALINSURANCE("东京", 期间, 5000, "养老")')).toMatch(/计算“结果”时：.*未知城市“东京”/);
    expect(problemsOf({ items: { 结果: 'SOCIALINSURANCE("上海", 期间, 5000, "养老金")' } })[0]).toMatch(
      /第\d+行第\d+列：社保项目应写 "养老"、"医疗"/,
    );
  });

  it("computes cumulative withholding month by month with state (the STA example 555, 625, 1850)", () => {
    const p: MiniPolicy = {
      inputs: { 工资: { type: "money" }, 专项扣除: { type: "money" }, 专项附加扣除: { type: "money" } },
      calcs: { 本月应税: "工资 - 5000 - 专项扣除 - 专项附加扣除" },
      state: {
        累计应税: { scope: "员工", initial: 0, next: "累计应税 + 本月应税" },
        累计已扣: { scope: "员工", initial: 0, next: "累计已扣 + 个税" },
      },
      items: {
        个税: { kind: "withholding", formula: "MAX(0, TAXCUMULATIVE(累计应税 + 本月应税) - 累计已扣)" },
      },
    };
    const row = { ...who, 工资: "30000", 专项扣除: "4500", 专项附加扣除: "2000" };
    const m1 = evalItems(p, [row], { period: "2026-01" });
    const m2 = evalItems(p, [row], { period: "2026-02", prior: m1.run.nextState });
    const m3 = evalItems(p, [row], { period: "2026-03", prior: m2.run.nextState });
    expect([m1, m2, m3].map((m) => m.rows[0]!.个税)).toEqual(["555.00", "625.00", "1850.00"]);
  });
});
