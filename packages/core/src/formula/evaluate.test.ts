import { describe, expect, it } from "vitest";
import { evalItems, type MiniPolicy, problemsOf, sentenceOf } from "../engine/test-policy.js";

const who = { 工号: "A1", 姓名: "张三" };

/** Evaluates one info formula (6 decimals kept) for one employee. */
function value(formula: string, extra: Partial<MiniPolicy> = {}, row: Record<string, string> = {}): string {
  const r = evalItems({ ...extra, items: { 结果: { kind: "info", formula, decimals: 6 } } }, [
    { ...who, ...row },
  ]);
  if (r.errors.length > 0) return `ERR ${r.errors[0]}`;
  return r.rows[0]!.结果!;
}

const tables: Partial<MiniPolicy> = {
  params: { 基数: 800, 比例: "75%" },
  tables: {
    级别工资: { keys: [{ type: "text" }], value: "money", rows: { C: 1100, D: 900, E: 800 } },
    阶系数: { keys: [{ type: "number" }], value: "ratio", rows: { 1: "100%", 2: "85%", 3: "75%", 4: "55%" } },
    提成比例: {
      kind: "tier",
      value: "ratio",
      rows: [
        [0, "0%"],
        [10000, "1%"],
        [15000, "2%"],
      ],
    },
    税率表: {
      kind: "tier",
      value: "number",
      columns: ["税率", "速算扣除数"],
      rows: [
        [0, "3%", 0],
        [36000, "10%", 2520],
        [144000, "20%", 16920],
      ],
    },
    系数表: {
      keys: [{ type: "text" }, { type: "text" }],
      value: "ratio",
      rows: { 初级: { A: "10%", B: "20%" } },
    },
  },
};

describe("formula evaluation", () => {
  it.each([
    ["0.1 + 0.2", "0.300000"],
    ["1.005 * 1", "1.005000"],
    ["ROUND(1.005, 2)", "1.010000"],
    ["ROUND(2.5, 0)", "3.000000"],
    ["ROUND(-2.5, 0)", "-3.000000"],
    ["ROUNDUP(110.25, 0)", "111.000000"],
    ["ROUNDDOWN(-1.999, 2)", "-1.990000"],
    ["FLOOR(1234, 100)", "1200.000000"],
    ["CEILING(1201, 100)", "1300.000000"],
    ["INT(-1.5)", "-2.000000"],
    ["MOD(7, 3)", "1.000000"],
    ["ABS(-3)", "3.000000"],
    ["1.5%", "0.015000"],
    ["2000 / 21.75 * 21.75", "2000.000000"],
    ["1 / 3", "0.333333"],
    ["MIN(3, 1, 2) + MAX(3, 1, 2) * 10", "31.000000"],
    ["SUM(1, 2, 3) + AVERAGE(1, 2)", "7.500000"],
    ["IF(1 > 2, 10, 20)", "20.000000"],
    ["IF(1 < 2, 10)", "10.000000"],
    ["IF(1 > 2, 10)", "0.000000"],
    ["IF(AND(1 = 1, OR(1 = 2, NOT(1 = 2))), 1, 0)", "1.000000"],
    ["IFS(5 >= 10, 1, 5 >= 3, 2, TRUE, 3)", "2.000000"],
    ['IF("a" & "b" = "ab", 1, 0)', "1.000000"],
    ["-(3 - 5) * 2", "4.000000"],
    ["IF(1 > 0, 1, 1 / 0)", "1.000000"],
  ])("%s = %s", (f, want) => {
    expect(value(f)).toBe(want);
  });

  it.each([
    ['级别工资["E"] * 阶系数[3]', "600.000000"],
    ["基数 * 比例", "600.000000"],
    ['系数表["初级", "B"]', "0.200000"],
    ["TIER(9999.99, 提成比例)", "0.000000"],
    ["TIER(10000, 提成比例)", "0.010000"],
    ["TIER(15000, 提成比例)", "0.020000"],
    ['TIER(50000, 税率表, "速算扣除数")', "2520.000000"],
    // progressive: 36000 × 3% + (50000 − 36000) × 10% = 1080 + 1400
    ["PROGRESSIVE(50000, 税率表)", "2480.000000"],
    // the same by quick deduction: 50000 × 10% − 2520
    ['50000 * TIER(50000, 税率表) - TIER(50000, 税率表, "速算扣除数")', "2480.000000"],
    ["PROGRESSIVE(0, 税率表)", "0.000000"],
  ])("%s = %s", (f, want) => {
    expect(value(f, tables)).toBe(want);
  });

  it.each([
    ["YEARS(#2024-11-01#, #2026-10-31#)", "1.000000"],
    ["YEARS(#2024-10-31#, #2026-10-31#)", "2.000000"],
    ["MONTHS(#2026-01-31#, #2026-02-28#)", "0.000000"],
    ["MONTHS(#2026-08-01#, #2026-10-31#)", "2.000000"],
    ["DAYS(#2026-10-01#, #2026-10-31#)", "30.000000"],
    ["YEAR(期间结束) * 100 + MONTH(期间结束)", "202610.000000"],
    ["本月天数 + 本月工作日", "49.000000"],
    ["计薪天数", "21.750000"],
    ["IF(ISBLANK(离职日期), 1, 0)", "1.000000"],
    ["IF(DATE(2026, 10, 31) = 期间结束, 1, 0)", "1.000000"],
  ])("%s = %s (2026-10)", (f, want) => {
    expect(value(f)).toBe(want);
  });

  it("reports calculation errors as values with item, input row and formula position", () => {
    expect(value("1 / (2 - 2)")).toBe("ERR in.csv 第2行 张三（A1）计算“结果”时：除数为0（方案 t.yaml:9:18）");
    expect(value('级别工资["Z"]', tables)).toMatch(/表“级别工资”中没有“Z”（可选：C、D、E）/);
    expect(value("TIER(-1, 提成比例)", tables)).toMatch(/-1 低于分档表“提成比例”的最低档 0/);
    expect(value("IFS(1 > 2, 1)")).toMatch(/IFS 中没有成立的条件/);
    expect(value("YEARS(离职日期, 期间结束)")).toMatch(/日期为空/);
  });

  it("explains a line with the values substituted", () => {
    const r = evalItems(
      {
        ...tables,
        inputs: { 岗位级别: { type: "text" }, 阶: { type: "integer" } },
        items: { 岗位工资: "级别工资[岗位级别] * 阶系数[阶]" },
      },
      [{ ...who, 岗位级别: "E", 阶: "3" }],
    );
    expect(sentenceOf(r.run, 0, "岗位工资")).toBe("岗位工资 = 级别工资[E] 800.00 × 阶系数[3] 75% = 600.00");
  });
});

describe("formula checking", () => {
  const check = (formula: string, extra: Partial<MiniPolicy> = {}) =>
    problemsOf({ ...extra, items: { 结果: { kind: "info", formula } } });

  it.each([
    [
      "岗位工资x + 1",
      { calcs: { 岗位工资: "1" } },
      "第11行第14列：未知名称“岗位工资x”，是否想写“岗位工资”？",
    ],
    ["SUMM(1, 2)", {}, "第9行第14列：未知函数“SUMM”，是否想写“SUM”？"],
    ["IF(1, 2, 3)", {}, "第9行第17列：IF 的第1个参数需要是/否，这里是数值"],
    ['1 + "a"', {}, "第9行第18列：运算符“+”需要数值，这里是文本"],
    ['IF(1 > 0, 1, "x")', {}, "第9行第27列：IF 的两个结果类型不同：数值和文本"],
    ["ROUND(1, 2, 3)", {}, "第9行第14列：函数 ROUND 需要1–2个参数，写了3个"],
    ["期间开始 > 1", {}, "第9行第14列：不能比较日期和数值"],
    ["(1 + 2", {}, "第9行第20列：缺少右括号“)”"],
  ])("%s", (f, extra, want) => {
    const [, line, col] = want.match(/第(\d+)行第(\d+)列/)!;
    expect(check(f, extra)).toContain(`t.yaml:${line}:${col} ${want}`);
  });

  it("reports a cycle with its whole path", () => {
    const ps = problemsOf({ calcs: { 甲: "乙 + 1", 乙: "丙 * 2", 丙: "甲" }, items: { 结果: "甲" } });
    expect(ps.some((p) => /循环引用：(甲 → 乙 → 丙 → 甲|乙 → 丙 → 甲 → 乙|丙 → 甲 → 乙 → 丙)/.test(p))).toBe(
      true,
    );
  });

  it("reports every problem at once, in English too", () => {
    const ps = problemsOf({ items: { 甲: "未知1 + 1", 乙: "SUMM(1)", 丙: "1 +" } }, "en");
    expect(ps).toHaveLength(3);
    expect(ps[0]).toMatch(/unknown name "未知1"/);
  });

  it("resolves names defined further down (no silent zero, unlike row-ordered evaluation)", () => {
    const r = evalItems({ items: { 合计: "甲 + 乙", 甲: "1", 乙: "2" } }, [who]);
    expect(r.rows[0]!.合计).toBe("3.00");
  });
});
