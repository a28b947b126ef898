import { describe, expect, it } from "vitest";
import { evalItems, type MiniPolicy, problemsOf } from "./test-policy.js";
import { listWarnings } from "./warnings.js";

const who = { 工号: "A1", 姓名: "张三", 入职日期: "2020-01-01" };
const GRADES: MiniPolicy = {
  inputs: { 职级: { type: "text", values: ["初级", "中级", "高级"] }, 得分: { type: "number" } },
  tables: {
    底薪表: {
      keys: [{ name: "职级", type: "text" }],
      value: "money",
      rows: { 初级: 4000, 中级: 5000, 高级: 6000 },
    },
  },
  items: { 基本工资: "底薪表[职级]" },
  checks: [
    {
      name: "晋升候选",
      when: 'AND(得分 >= 80, 职级 <> "高级")',
      message: "得分 {得分}",
      grade: 'IF(职级 = "初级", "中级", "高级")',
    },
    { name: "降级候选", when: "得分 < 60", message: "得分 {得分} 不到 60", grade: "初级", kind: "降级" },
    { name: "低分", when: "得分 < 70", message: "得分偏低" },
  ],
};

describe("grade review checks", () => {
  it("carries the target grade computed from the employee's values, or written as a plain name", () => {
    const rows = [
      { ...who, 职级: "初级", 得分: "85" },
      { ...who, 工号: "A2", 职级: "中级", 得分: "90" },
      { ...who, 工号: "A3", 职级: "中级", 得分: "50" },
      { ...who, 工号: "A4", 职级: "高级", 得分: "95" },
    ];
    const r = evalItems(GRADES, rows);
    expect(r.errors).toEqual([]);
    const w = listWarnings(r.run).map((x) => [x.工号, x.check, x.grade ?? null]);
    expect(w).toEqual([
      ["A1", "晋升候选", { kind: "晋升", to: "中级" }],
      ["A2", "晋升候选", { kind: "晋升", to: "高级" }],
      ["A3", "降级候选", { kind: "降级", to: "初级" }],
      ["A3", "低分", null],
    ]);
  });

  it("reports a grade formula that does not give text, an unknown name, and a kind without grade", () => {
    const withCheck = (c: Record<string, unknown>): MiniPolicy => ({
      ...GRADES,
      checks: [{ name: "晋升候选", when: "得分 >= 80", message: "好", ...c }],
    });
    expect(problemsOf(withCheck({ grade: "IF(得分 > 90, 1, 2)" }))[0]).toMatch(/grade 应得出职级名称/);
    expect(problemsOf(withCheck({ grade: '下一级[职级] & ""' })).join("\n")).toMatch(/下一级/);
    expect(problemsOf(withCheck({ kind: "降级" }))[0]).toMatch(/写了 kind（降级）但没有 grade/);
    expect(problemsOf(withCheck({ grade: "中级", kind: "晋升" }))).toEqual([]);
  });
});
