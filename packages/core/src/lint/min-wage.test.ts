import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const MIN_WAGE = "《最低工资规定》（劳动和社会保障部令第21号）第十二条；《劳动法》第四十八条";

const city = (name: string) => `statutory:\n  city: ${name}\n`;

const table = `tables:
  底薪标准:
    keys: [{ name: 职级, type: text }]
    value: money
    rows: { 培训生: 300, 初级: 2000, 高级: 3000 }
params:
  培训日薪: { value: 10, type: money }
inputs:
  职级: { type: text, required: true }
  培训天数: { type: number, default: 0 }
items:
  - name: 底薪
    kind: earning
    formula: IF(职级 = "培训生", 培训日薪 * 培训天数, 底薪标准[职级])
`;

describe("rule min-wage: base pay below the local minimum wage", () => {
  it("a monthly base-pay table row below the minimum, at the row (trainee rows and day pay skipped)", () => {
    const b = summary(table + city("广州"));
    expect(b).toEqual([{ rule: "min-wage", line: 10, column: 27, text: "2000", law: MIN_WAGE }]);
    const zh = lintYaml(table + city("广州"))[0]!.problem.zh;
    expect(zh).toContain("2000.00 元");
    expect(zh).toContain("广州 2026-01-01 适用的月最低工资 2500.00 元");
    expect(zh).toContain("粤府函〔2025〕23号，自 2025-03-01 起");
  });

  it("without statutory.city nothing is compared", () => {
    expect(summary(table)).toEqual([]);
  });

  it("a base-pay param, counting fixed allowances paid besides", () => {
    const body = (allowance: number) => `params:
  基本工资标准: { value: 1800, type: money }
  津贴标准: { value: ${allowance}, type: money }
items:
  - { name: 基本工资, kind: earning, formula: 基本工资标准 }
  - { name: 津贴, kind: earning, formula: 津贴标准 }
${city("广州")}`;
    expect(summary(body(300))).toEqual([
      { rule: "min-wage", line: 7, column: 20, text: "1800", law: MIN_WAGE },
    ]);
    expect(lintYaml(body(300))[0]!.problem.zh).toContain("加上固定发放的 300.00 元，共 2100.00 元");
    expect(summary(body(800))).toEqual([]);
  });

  it("a post-pay table paid beside a low base is counted too", () => {
    const body = `params:
  基本工资标准: { value: 1000, type: money }
tables:
  岗位工资表:
    value: money
    rows: { A: 2000, B: 1600 }
inputs:
  岗位: { type: text, required: true }
items:
  - { name: 基本工资, kind: earning, formula: 基本工资标准 }
  - name: 岗位工资
    kind: earning
    formula: 岗位工资表[岗位]
${city("广州")}`;
    expect(summary(body)).toEqual([]);
    expect(summary(body.replace("B: 1600", "B: 1000"))).toMatchObject([
      { rule: "min-wage", line: 7, column: 20, text: "1000" },
      { rule: "min-wage", line: 11, column: 25, text: "1000" },
    ]);
  });

  it("names the minimum in force on effectiveFrom, and Beijing's exclusion of employee SI/HF", () => {
    const body = `effectiveFrom: 2025-08-01
params:
  月薪: { value: 2400, type: money }
items:
  - { name: 工资, kind: earning, formula: 月薪 }
${city("北京")}`;
    const f = lintYaml(body, "id: t\nname: 测试\nversion: 1\ndescription: 测试\n");
    expect(f.map((x) => [x.rule, x.problem.at?.line])).toEqual([["min-wage", 7]]);
    expect(f[0]!.problem.zh).toContain("2025-08-01 适用的月最低工资 2420.00 元");
    expect(f[0]!.problem.zh).toContain("不含个人缴纳的社保和公积金");
    const later = lintYaml(
      body.replace("2025-08-01", "2025-09-01"),
      "id: t\nname: 测试\nversion: 1\ndescription: 测试\n",
    );
    expect(later[0]!.problem.zh).toContain("2540.00 元");
  });

  it("pay after a fine or uncapped damages can fall below the minimum, at the deduction", () => {
    const body = `params:
  基本工资标准: { value: 3000, type: money }
inputs:
  迟到次数: { type: integer, default: 0 }
items:
  - { name: 基本工资, kind: earning, formula: 基本工资标准 }
  - { name: 迟到扣款, kind: deduction, formula: 迟到次数 * 50 }
${city("上海")}`;
    expect(summary(body).map((b) => [b.rule, b.line, b.column, b.text])).toEqual([
      ["fine", 12, 45, "迟到次数 * 50"],
      ["min-wage", 12, 45, "迟到次数 * 50"],
    ]);
  });
});

describe("rule min-wage: two-key base-pay tables", () => {
  it("flags each cell below the minimum, at the cell", () => {
    const yaml = `statutory: { city: 上海 }
tables:
  基本工资标准:
    keys: [{ name: 岗位, type: text }, { name: 职级, type: text }]
    value: money
    rows:
      客服: { 初级: 2000, 中级: 4000 }
      培训: { 初级: 1500 }
inputs:
  岗位: { type: text }
  级别: { type: text }
items:
  - { name: 基本工资, kind: earning, formula: "基本工资标准[岗位, 级别]" }
`;
    const found = lintYaml(yaml).filter((f) => f.rule === "min-wage");
    expect(found.map((f) => [f.problem.at?.line, f.problem.zh.slice(0, 30)])).toEqual([
      [12, "“基本工资标准”中“客服、初级”的月工资 2000.00 元"],
    ]);
  });
});
