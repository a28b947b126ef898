import { describe, expect, it } from "vitest";
import { periodContext, runPayroll } from "./run.js";
import { compileMini, evalItems, type MiniPolicy } from "./test-policy.js";

const emps = [{ values: { 工号: "A1", 姓名: "甲" } }];
const info = (formula: string): MiniPolicy => ({ items: { 结果: { kind: "info", formula, decimals: 2 } } });
const refusal = (p: MiniPolicy, period: string) => {
  const r = runPayroll(compileMini(p), { period, employees: emps });
  return r.ok ? "ok" : `${r.problem.code} ${r.problem.zh}`;
};

describe("calendar period values", () => {
  it.each([
    // Oct 2026: 18 workdays, statutory Oct 1–3; Feb 2026: 16 workdays, statutory Feb 16–19
    ["2026-10", "18", "3", "165.33"],
    ["2026-02", "16", "4", "165.33"],
    ["2025-05", "19", "3", "165.33"],
  ])("%s: 本月工作日 %s, 本月法定节假日 %s, 月工作小时 %s", (period, wd, sh, hours) => {
    const v = periodContext(period)!.values;
    expect([v.get("本月工作日"), v.get("本月法定节假日"), v.get("月工作小时")].map(String)).toEqual([
      wd,
      sh,
      hours,
    ]);
  });

  it("formulas read them; workdays + statutory days are a full month's paid days", () => {
    // Oct 2026: 18 + 3 = 21 (the 出勤 convention counts statutory days as paid)
    const r = evalItems(info("本月工作日 + 本月法定节假日"), [{ 工号: "A1", 姓名: "甲" }]);
    expect(r.rows[0]!.结果).toBe("21.00");
    const h = evalItems(info("月工作小时 / 8"), [{ 工号: "A1", 姓名: "甲" }]);
    // 165.33 ÷ 8 = 20.66625 → 20.67 days
    expect(h.rows[0]!.结果).toBe("20.67");
  });

  it("leaves out what its data does not cover", () => {
    const v2027 = periodContext("2027-01")!.values;
    expect([v2027.has("本月工作日"), v2027.has("本月法定节假日"), v2027.has("月工作小时")]).toEqual([
      false,
      false,
      true,
    ]);
    const v2024 = periodContext("2024-10")!.values;
    expect([v2024.has("本月工作日"), v2024.has("本月法定节假日"), v2024.has("月工作小时")]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it.each([
    [
      "本月法定节假日",
      "2027-01",
      "CALENDAR 法定节假日表只覆盖 2025–2026 年，无法确定 2027-01 的法定节假日天数；请更新法定节假日表",
    ],
    [
      "本月法定节假日",
      "2024-10",
      "CALENDAR 法定节假日表只覆盖 2025–2026 年，无法确定 2024-10 的法定节假日天数；请更新法定节假日表",
    ],
    [
      "本月工作日",
      "2027-01",
      "CALENDAR 节假日数据只覆盖 2004–2026 年，无法确定 2027-01 的工作日；请更新日历数据",
    ],
    [
      "月工作小时",
      "2024-12",
      "CALENDAR 月工作小时 165.33 自 2025-01 起适用（人社部发〔2025〕2号），2024-12 没有该值；更早的期间请用参数设定",
    ],
  ])("a policy reading %s is refused for %s", (name, period, want) => {
    expect(refusal(info(name), period)).toBe(want);
    // also when read through a calc only
    expect(refusal({ calcs: { 中间: `${name} * 2` }, ...info("中间 + 1") }, period)).toBe(want);
  });

  it("a policy reading none of them runs in any month", () => {
    expect(refusal(info("OVERTIME(5000, 1, 0, 0) + 本月天数 + 计薪天数"), "2027-01")).toBe("ok");
  });
});
